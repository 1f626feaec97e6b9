#!/usr/bin/env bash
# End to end with the real pre-commit framework and real `git commit`s:
#  1. .pre-commit-hooks.yaml, consumed as a remote hook repository (a scratch
#     clone of this checkout's file; pre-commit clones local paths offline):
#     a staged secret is refused, a clean commit succeeds, a line marked
#     secgate:allow passes; secgate-waivers-lint refuses a bad waiver file.
#  2. `secgate-secrets install-hook`: the plain git hook refuses a secret and
#     lets a clean commit through; a foreign hook is kept without --force.
#   precommit_test.sh SOURCE_DIR BIN_DIR
set -euo pipefail
src=$(cd "$1" && pwd)
bin=$(cd "$2" && pwd)
command -v pre-commit >/dev/null || { echo "FAIL: pre-commit not installed (scripts/setup-deps.sh)" >&2; exit 1; }
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export PATH="$bin:$PATH" PRE_COMMIT_HOME="$scratch/cache" HOME="$scratch/home"
export GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.com
export GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.com
mkdir -p "$HOME"
git config --global init.defaultBranch main
fail() { echo "FAIL: $*" >&2; exit 1; }
# A synthetic GitHub token, assembled so this file holds none.
token="gh""p_$(printf 'Zq3TnW8vLk5RbX2mYc7HdJ4sGf9PaE1uVo6K')"

# The hook repository: this checkout's .pre-commit-hooks.yaml, committed.
hooks="$scratch/hooks"
git init -q "$hooks"
cp "$src/.pre-commit-hooks.yaml" "$hooks/"
git -C "$hooks" add .pre-commit-hooks.yaml
git -C "$hooks" commit -q -m hooks
rev=$(git -C "$hooks" rev-parse HEAD)

repo="$scratch/repo"
git init -q "$repo"
cd "$repo"
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: secgate-secrets
      - id: secgate-waivers-lint
YAML
git add .pre-commit-config.yaml
git commit -q --no-verify -m "pre-commit config"
pre-commit install >/dev/null

commits() { git rev-list --count HEAD; }

# A staged secret is refused.
printf 'GITHUB_TOKEN = "%s"\n' "$token" > settings.py
git add settings.py
before=$(commits)
if git commit -q -m leak >"$scratch/out" 2>&1; then cat "$scratch/out"; fail "a commit with a secret went through"; fi
grep -q "github-pat-classic" "$scratch/out" || { cat "$scratch/out"; fail "no github-pat-classic finding in the hook output"; }
grep -q "$token" "$scratch/out" && fail "the hook output shows the secret's value"
[ "$(commits)" = "$before" ] || fail "a commit was recorded"
echo "ok: pre-commit refuses a staged secret"

# A clean commit succeeds.
printf 'TIMEOUT = 30\n' > settings.py
git add settings.py
git commit -q -m clean >"$scratch/out" 2>&1 || { cat "$scratch/out"; fail "a clean commit was refused"; }
[ "$(commits)" = "$((before + 1))" ] || fail "the clean commit is missing"
echo "ok: pre-commit lets a clean commit through"

# A line marked secgate:allow passes.
printf 'EXAMPLE_TOKEN = "%s"  # secgate:allow documented example\n' "$token" > example.py
git add example.py
git commit -q -m allowed >"$scratch/out" 2>&1 || { cat "$scratch/out"; fail "a secgate:allow line was refused"; }
echo "ok: pre-commit passes a secgate:allow line"

# secgate-waivers-lint: a waiver without owner is refused, a good one passes.
created=$(date -u +%F)
expires=$(date -u -d "+30 days" +%F)
cat > secgate-waivers.yaml <<YAML
version: 1
waivers:
  - id: CVE-2024-0001
    gate: vuln
    reason: not reachable
    created: $created
    expires: $expires
YAML
git add secgate-waivers.yaml
if git commit -q -m "bad waiver" >"$scratch/out" 2>&1; then cat "$scratch/out"; fail "a waiver without owner was committed"; fi
grep -q "secgate-waivers lint" "$scratch/out" || { cat "$scratch/out"; fail "the lint hook did not run"; }
sed -i 's/    reason: not reachable/    owner: team-a\n    reason: not reachable/' secgate-waivers.yaml
git add secgate-waivers.yaml
git commit -q -m "good waiver" >"$scratch/out" 2>&1 || { cat "$scratch/out"; fail "a valid waiver file was refused"; }
echo "ok: secgate-waivers-lint refuses a bad waiver file and passes a good one"

# secgate-secrets install-hook: a plain git hook, no framework.
plain="$scratch/plain"
git init -q "$plain"
cd "$plain"
printf '#!/bin/sh\nexit 0\n' > .git/hooks/pre-commit
chmod +x .git/hooks/pre-commit
if secgate-secrets install-hook >"$scratch/out" 2>&1; then fail "install-hook replaced a foreign hook without --force"; fi
grep -q "secgate" "$scratch/out" || fail "install-hook gave no reason"
secgate-secrets install-hook --force >/dev/null || fail "install-hook --force failed"
printf 'token = "%s"\n' "$token" > a.py
git add a.py
if git commit -q -m leak >"$scratch/out" 2>&1; then fail "the install-hook hook let a secret through"; fi
[ -z "$(git rev-list --all)" ] || fail "a commit was recorded"
printf 'x = 1\n' > a.py
git add a.py
git commit -q -m clean >"$scratch/out" 2>&1 || { cat "$scratch/out"; fail "the install-hook hook refused a clean commit"; }
echo "ok: install-hook blocks a secret, passes a clean commit, keeps a foreign hook without --force"
