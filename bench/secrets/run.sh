#!/usr/bin/env bash
# secgate-secrets benchmarks (hyperfine). Results go in docs/performance.md,
# section "secgate-secrets".
#
#   bench/secrets/run.sh [BUILD_DIR] [CASES]   (default: build, "a b c")
#
# (a) pre-commit: a staged change of 20 files / 2,000 added lines, whole
#     process, against `git diff --cached` in the same run;
# (b) history: a generated repository of 10,000 commits, `--history` against
#     `git log -p -U0 > /dev/null` in the same run: hyperfine for wall
#     medians, then the two commands alternated run by run for CPU
#     (user+sys) medians and the ratios; peak RSS at 2,000 and 10,000
#     commits;
# (c) files: an ~18 MB generated tree against `rg -i -F -f <pack keywords>`.
# Inputs are generated (seeded) under $SECGATE_BENCH_DIR (default: a temp dir).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
cases=" ${2:-a b c} "
want() { case "$cases" in *" $1 "*) return 0 ;; esac; return 1; }
bin=$build/bin/secgate-secrets
work=${SECGATE_BENCH_DIR:-$(mktemp -d)}
gen="python3 $here/gen_repo.py"
[ -x "$bin" ] || { echo "no $bin: build secgate-secrets first" >&2; exit 2; }
mkdir -p "$work"
want a && { [ -d "$work/staged" ] || $gen staged "$work/staged"; }
want c && { [ -d "$work/tree" ] || $gen tree "$work/tree" --mb 18; }
want b && { [ -d "$work/history" ] || $gen history "$work/history" --commits 10000; }
want b && { [ -d "$work/history2k" ] || $gen history "$work/history2k" --commits 2000; }
$gen keywords "$root/policies/secrets" > "$work/keywords.txt"

count() {  # findings of one run
  (cd "$1" && shift && "$bin" "$@" --quiet --report "json=$work/count.json" || true)
  python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['summary']['findings'])" "$work/count.json"
}

if want a; then
echo "== (a) pre-commit: $(git -C "$work/staged" diff --cached --shortstat)"
echo "findings: $(count "$work/staged" --staged)"
(cd "$work/staged" && hyperfine -N -i --warmup 10 --runs 100 \
  "$bin --staged --quiet" "git diff --cached" --export-markdown "$work/precommit.md")

fi

if want b; then
echo "== (b) history: $(git -C "$work/history" rev-list --all --count) commits"
echo "findings: $(count "$work/history" --history)"
(cd "$work/history" && hyperfine -i --warmup 1 --runs 5 \
  "$bin --history --quiet" "git log -p -U0 > /dev/null" --export-json "$work/history.json" \
  --export-markdown "$work/history.md")
python3 - "$work/history.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
print("wall medians: secgate %.2f s, git %.2f s, ratio %.2f" %
      (r[0]["median"], r[1]["median"], r[0]["median"] / r[1]["median"]))
PY
runs=${SECGATE_BENCH_RUNS:-5}
: > "$work/history-cpu.txt"
for _ in $(seq "$runs"); do  # alternated, so that load hits both alike
  (cd "$work/history" && /usr/bin/time -a -o "$work/history-cpu.txt" -f "secgate %e %U %S %M" \
    "$bin" --history --quiet > /dev/null) || true
  (cd "$work/history" && /usr/bin/time -a -o "$work/history-cpu.txt" -f "git %e %U %S %M" \
    sh -c 'git log -p -U0 > /dev/null')
done
python3 - "$work/history-cpu.txt" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    f = line.split()
    if len(f) == 5 and f[0] in ("secgate", "git"):
        rows.setdefault(f[0], []).append([float(x) for x in f[1:]])
med = {k: [statistics.median(c) for c in zip(*v)] for k, v in rows.items()}
for k in ("secgate", "git"):
    w, u, s, m = med[k]
    print("%-8s wall %.2f s  user+sys %.2f s  peak RSS %.0f MB  (%d runs)" % (k, w, u + s, m / 1024, len(rows[k])))
print("ratios: wall %.2f  CPU %.2f" % (med["secgate"][0] / med["git"][0],
      (med["secgate"][1] + med["secgate"][2]) / (med["git"][1] + med["git"][2])))
PY
for repo in history2k history; do
  (cd "$work/$repo" && /usr/bin/time -f "$repo ($(git rev-list --all --count) commits): peak RSS %M KB" \
    "$bin" --history --quiet > /dev/null) || true
done

fi

if want c; then
echo "== (c) files: $(du -sh "$work/tree" | cut -f1), $(wc -l < "$work/keywords.txt") keywords"
echo "findings: $(count "$work" tree)"
(cd "$work" && hyperfine -N -i --warmup 2 --runs 10 \
  "$bin tree --quiet" "rg -i -F -f keywords.txt tree" --export-markdown "$work/files.md")
fi
