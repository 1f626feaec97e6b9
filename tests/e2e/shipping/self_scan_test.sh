#!/usr/bin/env bash
# secgate gates itself: the checkout's files (as .gitignore leaves them) are
# scanned with secgate-secrets under the repository's own secgate.yaml, and
# so is the git history when there is one. Example secrets live only in the
# allowlisted fixture paths; a finding anywhere else fails this test.
#   self_scan_test.sh SOURCE_DIR BIN_DIR
set -euo pipefail
src=$(cd "$1" && pwd)
bin=$(cd "$2" && pwd)
cd "$src"
[ -f secgate.yaml ] || { echo "FAIL: no secgate.yaml at the repository root" >&2; exit 1; }
"$bin/secgate-secrets" --policy secgate.yaml --no-github --color never .
echo "ok: working tree clean"
if git rev-parse --verify -q HEAD >/dev/null; then
  "$bin/secgate-secrets" --policy secgate.yaml --no-github --color never --history
  echo "ok: history clean"
fi
# The allowlist is what keeps the fixtures out, not a blind scanner.
empty=$(mktemp)
trap 'rm -f "$empty"' EXIT
if "$bin/secgate-secrets" --policy "$empty" --no-github --quiet policies/secrets; then
  echo "FAIL: the rule pack's examples were not found without the allowlist" >&2; exit 1
fi
echo "ok: without the allowlist the rule pack's examples are found"
