#!/usr/bin/env bash
# secgate-code benchmark: a generated SARIF log of 50 and 200 MB
# (gen_sarif.py, seeded), gated by secgate-code vs the jq one-liner users
# write to fail a build on SARIF (count the results whose level is "error"),
# interleaved by hyperfine (median), and /usr/bin/time -v for peak RSS and
# user CPU (median of three).
#
#   bench/code/run.sh [BUILD_DIR]     (default: build)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="$(cd "${1:-$root/build}" && pwd)"
bin="$build/bin/secgate-code"
[ -x "$bin" ] || { echo "no $bin (build the secgate-code target first)" >&2; exit 2; }
work="${BENCH_DIR:-$(mktemp -d)}"
jq_errors='[.runs[].results[] | select((.level // "warning") == "error")] | length'

echo "machine: $(nproc) cores, $(uname -sr); $(hyperfine --version); $(jq --version)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for mb in 50 200; do
  f="$work/sarif-$mb.json"
  [ -f "$f" ] || python3 "$here/gen_sarif.py" "$f" "$mb" --seed 17
  rm -f "$work/v.json"
  (cd "$work" && "$bin" --quiet --today 2026-12-06 --report "json=$work/v.json" "$f" >/dev/null) || true
  echo "== $mb MB ($(stat -c %s "$f") bytes): results secgate=$(jq .summary.findings "$work/v.json")" \
       "jq(all)=$(jq '[.runs[].results[]] | length' "$f") jq(level error)=$(jq "$jq_errors" "$f")"
  hyperfine --warmup 1 --runs 5 -i --export-json "$work/h-$mb.json" \
    "cd $work && $bin --quiet --today 2026-12-06 $f" "jq '$jq_errors' $f" >/dev/null
  jq -r '.results[] | "median \(.median*1000|floor) ms  \(.command)"' "$work/h-$mb.json"
  jq -r '"ratio secgate/jq: \((.results[0].median / .results[1].median * 100 | floor) / 100)"' \
    "$work/h-$mb.json"
  for cmd in "$bin --quiet --today 2026-12-06 $f" "jq '$jq_errors' $f"; do
    for run in 1 2 3; do
      { (cd "$work" && /usr/bin/time -v sh -c "$cmd" >/dev/null) 2>&1 || true; } |
        awk -F: '/User time/ {u=$2} /Maximum resident set size/ {gsub(/ /,"",$2); r=$2}
                 END {printf "%s %s\n", u, r}'
    done | sort -n | sed -n 2p | { read -r user rss; echo "user ${user}s  peak ${rss} KB  ${cmd%% *}"; }
  done
done
