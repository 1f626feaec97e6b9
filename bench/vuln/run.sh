#!/usr/bin/env bash
# secgate-vuln benchmark: a Trivy report replicated to 5, 50 and 200 MB
# (gen_trivy.py, seeded), gated by secgate-vuln vs a jq one-liner computing
# the same finding count, with hyperfine (median) and /usr/bin/time -v (peak
# RSS, user CPU). Optionally audit-ci on a ~11 MB npm audit report if npx can run it.
#
#   bench/vuln/run.sh [BUILD_DIR]     (default: build-vuln)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="$(cd "${1:-$root/build-vuln}" && pwd)"
bin="$build/bin/secgate-vuln"
[ -x "$bin" ] || { echo "no $bin (build the secgate-vuln target first)" >&2; exit 2; }
work="${BENCH_DIR:-$(mktemp -d)}"
template="$root/tests/fixtures/vuln/trivy/alpine-39.json"
jq_count='[.Results[].Vulnerabilities[]?] | unique_by([.VulnerabilityID,.PkgName,.InstalledVersion]) | length'

echo "machine: $(nproc) cores, $(uname -sr); $(hyperfine --version); $(jq --version)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for mb in 5 50 200; do
  f="$work/trivy-$mb.json"
  [ -f "$f" ] || python3 "$here/gen_trivy.py" "$template" "$f" "$mb" --seed 42
  size=$(stat -c %s "$f")
  rm -f "$work/v.json"
  (cd "$work" && "$bin" --quiet --report "json=$work/v.json" "$f" >/dev/null) || true
  ours=$(jq '.summary.findings' "$work/v.json")
  theirs=$(jq "$jq_count" "$f")
  echo "== $mb MB ($size bytes): findings secgate=$ours jq=$theirs"
  hyperfine --warmup 1 --runs 5 -i --export-json "$work/h-$mb.json" \
    "cd $work && $bin --quiet $f" "jq '$jq_count' $f" >/dev/null
  jq -r '.results[] | "median \(.median*1000|floor) ms  \(.command)"' "$work/h-$mb.json"
  # Peak RSS and user CPU (steadier than wall time when the machine is
  # loaded), median of three /usr/bin/time -v runs each.
  for cmd in "$bin --quiet $f" "jq $jq_count $f"; do
    full="$( [ "${cmd#jq}" != "$cmd" ] && echo "jq '$jq_count' $f" || echo "$cmd")"
    for run in 1 2 3; do
      { (cd "$work" && /usr/bin/time -v sh -c "$full" >/dev/null) 2>&1 || true; } |
        awk -F: '/User time/ {u=$2} /Maximum resident set size/ {gsub(/ /,"",$2); r=$2}
                 END {printf "%s %s\n", u, r}'
    done | sort -n | sed -n 2p | {
      read -r user rss
      echo "peak RSS ${rss} KB  user CPU ${user} s (median of 3)  ${cmd%% *}"
    }
  done
done
if command -v npx >/dev/null && [ -n "${NPM_AUDIT_REPORT:-}" ]; then
  hyperfine --runs 5 -i "npx --no-install audit-ci --report-type summary < $NPM_AUDIT_REPORT" \
    "cd $work && $bin --quiet $NPM_AUDIT_REPORT"
else
  echo "audit-ci: not run (needs npx with audit-ci installed and NPM_AUDIT_REPORT set)"
fi
