#!/usr/bin/env bash
# Validates action.yml, every workflow in .github/workflows/ and every
# ```yaml workflow block of docs/*.md with action-validator (npm
# @action-validator/cli, pinned in tests/tools). Fails when the validator
# cannot be installed: a missing tool is a failure, never a skip.
#   validate_actions.sh SOURCE_DIR
set -euo pipefail
src=$(cd "$1" && pwd)
sh "$src/tests/tools/install-node-tools.sh"
validator="$src/tests/tools/node_modules/.bin/action-validator"
[ -x "$validator" ] || { echo "FAIL: action-validator not installed" >&2; exit 1; }
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failures=0
check() {  # check FILE LABEL
  if (cd "$src" && "$validator" "$1" >"$scratch/out" 2>&1); then
    echo "ok: $2"
  else
    echo "FAIL: $2" >&2; cat "$scratch/out" >&2; failures=$((failures + 1))
  fi
}

# The validator must reject a broken workflow, or it proves nothing.
printf 'on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    stepz: []\n' > "$scratch/broken.yml"
if "$validator" "$scratch/broken.yml" >/dev/null 2>&1; then
  echo "FAIL: action-validator accepted a broken workflow" >&2; exit 1
fi

check action.yml action.yml
n=0
for f in "$src"/.github/workflows/*.yml "$src"/.github/workflows/*.yaml; do
  [ -e "$f" ] || continue
  check "$f" "${f#"$src"/}"; n=$((n + 1))
done
[ "$n" -ge 1 ] || { echo "FAIL: no workflow in .github/workflows" >&2; exit 1; }

# Extract each ```yaml workflow block from the docs into its own file.
blocks=0
for doc in "$src"/docs/*.md "$src"/README.md; do
  awk -v out="$scratch/$(basename "$doc" .md)" '
    /^```yaml workflow[ \t]*$/ { n++; file = out "-" n ".yml"; inblock = 1; printf "" > file; next }
    inblock && /^```[ \t]*$/   { inblock = 0; close(file); next }
    inblock                   { print > file }' "$doc"
done
for f in "$scratch"/*-[0-9]*.yml; do
  [ -e "$f" ] || continue
  check "$f" "docs block $(basename "$f")"; blocks=$((blocks + 1))
done
[ "$blocks" -ge 4 ] || { echo "FAIL: expected at least 4 workflow blocks in the docs, found $blocks" >&2; exit 1; }
[ "$failures" -eq 0 ] || { echo "FAIL: $failures file(s) did not validate" >&2; exit 1; }
echo "all $((n + blocks + 1)) action/workflow files validate"
