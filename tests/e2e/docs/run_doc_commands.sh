#!/usr/bin/env bash
# Runs every ```sh test block of README.md and docs/*.md. Each block runs
# with `bash -e` in its own scratch directory, with the build's bin/ first on
# PATH and the repository's fixture folders (tests, policies, waivers, docs)
# linked in, so blocks use repo-relative paths. A block's expected exit code
# is its `# exit: N` comment (default 0).
#   run_doc_commands.sh SOURCE_DIR BIN_DIR
set -uo pipefail
src=$(cd "$1" && pwd)
bin=$(cd "$2" && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export PATH="$bin:$PATH" HOME="$scratch/home" NO_COLOR=1 GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.com GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.com
unset GITHUB_ACTIONS GITHUB_STEP_SUMMARY
mkdir -p "$HOME"

# Extract: one file per block, named <doc>-<n>.sh.
mkdir -p "$scratch/blocks"
for doc in "$src/README.md" "$src"/docs/*.md; do
  awk -v out="$scratch/blocks/$(basename "$doc" .md)" '
    /^```sh test[ \t]*$/     { n++; file = sprintf("%s-%02d.sh", out, n); inblock = 1; printf "" > file; next }
    inblock && /^```[ \t]*$/ { inblock = 0; close(file); next }
    inblock                  { print > file }' "$doc"
done

total=0 failures=0
for block in "$scratch"/blocks/*.sh; do
  [ -e "$block" ] || continue
  total=$((total + 1))
  name=$(basename "$block" .sh)
  want=$(sed -n 's/^# exit: \([0-9]\+\)[ \t]*$/\1/p' "$block" | tail -n 1)
  want=${want:-0}
  work="$scratch/ws/$name"
  mkdir -p "$work"
  for d in tests policies waivers docs; do ln -s "$src/$d" "$work/$d"; done
  (cd "$work" && bash -e "$block") >"$scratch/out" 2>&1 </dev/null
  got=$?
  if [ "$got" = "$want" ]; then
    echo "ok: $name (exit $got)"
  else
    echo "FAIL: $name exited $got, expected $want" >&2
    sed 's/^/    | /' "$block" >&2
    sed 's/^/    > /' "$scratch/out" | tail -n 20 >&2
    failures=$((failures + 1))
  fi
done
# The docs promise tested commands: an extraction that finds nothing is a failure.
[ "$total" -ge 10 ] || { echo "FAIL: only $total sh test blocks found" >&2; exit 1; }
[ "$failures" -eq 0 ] || { echo "FAIL: $failures of $total doc blocks" >&2; exit 1; }
echo "all $total documented command blocks ran as documented"
