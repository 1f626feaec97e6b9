#!/usr/bin/env bash
# secgate-secrets benchmarks (hyperfine). Results go in docs/performance.md,
# section "secgate-secrets".
#
#   bench/secrets/run.sh [BUILD_DIR]     (default: build)
#
# (a) pre-commit: a staged change of 20 files / 2,000 added lines, whole
#     process, against `git diff --cached` in the same run;
# (b) history: a generated repository of 10,000 commits, `--history` against
#     `git log -p -U0 > /dev/null` in the same run;
# (c) files: an ~18 MB generated tree against `rg -i -F -f <pack keywords>`.
# Inputs are generated (seeded) under $SECGATE_BENCH_DIR (default: a temp dir).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
bin=$build/bin/secgate-secrets
work=${SECGATE_BENCH_DIR:-$(mktemp -d)}
gen="python3 $here/gen_repo.py"
[ -x "$bin" ] || { echo "no $bin: build secgate-secrets first" >&2; exit 2; }
mkdir -p "$work"
[ -d "$work/staged" ] || $gen staged "$work/staged"
[ -d "$work/tree" ] || $gen tree "$work/tree" --mb 18
[ -d "$work/history" ] || $gen history "$work/history" --commits 10000
$gen keywords "$root/policies/secrets" > "$work/keywords.txt"

count() {  # findings of one run
  (cd "$1" && shift && "$bin" "$@" --quiet --report "json=$work/count.json" || true)
  python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['summary']['findings'])" "$work/count.json"
}

echo "== (a) pre-commit: $(git -C "$work/staged" diff --cached --shortstat)"
echo "findings: $(count "$work/staged" --staged)"
(cd "$work/staged" && hyperfine -N -i --warmup 10 --runs 100 \
  "$bin --staged --quiet" "git diff --cached" --export-markdown "$work/precommit.md")

echo "== (b) history: $(git -C "$work/history" rev-list --all --count) commits"
echo "findings: $(count "$work/history" --history)"
(cd "$work/history" && hyperfine -i --warmup 1 --runs 5 \
  "$bin --history --quiet" "git log -p -U0 > /dev/null" --export-markdown "$work/history.md")
(cd "$work/history" && /usr/bin/time -f "peak RSS: %M KB" "$bin" --history --quiet) || true

echo "== (c) files: $(du -sh "$work/tree" | cut -f1), $(wc -l < "$work/keywords.txt") keywords"
echo "findings: $(count "$work" tree)"
(cd "$work" && hyperfine -N -i --warmup 2 --runs 10 \
  "$bin tree --quiet" "rg -i -F -f keywords.txt tree" --export-markdown "$work/files.md")
