#!/usr/bin/env bash
# Recall and false alarms of secgate-secrets on the labelled corpus
# (tests/corpus/secrets, made by gen_corpus.py; issue 15).
#
#   bench/secrets/quality.sh [BUILD_DIR] [quality.py options]   (default: build)
#
# Scans the corpus with the corpus's own policy (fail_on low, nothing
# allowlisted by path) and prints a Markdown table of recall per family,
# the negatives flagged and the providers missed. Exit 0 (whatever the
# scan found) unless something fails: 2 when the gate exits 2 or the
# scores cannot be computed; with --check, quality.py's verdict.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$(cd "${1:-$root/build}" 2>/dev/null && pwd) || { echo "quality.sh: no build folder ${1:-build}" >&2; exit 2; }
[ $# -gt 0 ] && shift
bin=$build/bin/secgate-secrets
corpus=$root/tests/corpus/secrets
[ -x "$bin" ] || { echo "quality.sh: no $bin: build secgate-secrets first" >&2; exit 2; }
[ -f "$corpus/labels.json" ] || { echo "quality.sh: no $corpus/labels.json: run gen_corpus.py" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"
"$bin" --no-ignore --no-github --quiet --color never --policy "$corpus/policy.yaml" \
  --report "json=$tmp/report.json" tests/corpus/secrets
rc=$?
if [ "$rc" -ge 2 ]; then
  echo "quality.sh: secgate-secrets exited $rc" >&2
  exit 2
fi
python3 "$here/quality.py" "$tmp/report.json" --corpus "$corpus" "$@"
