#!/usr/bin/env bash
# Runs action.yml's own shell steps ("Check inputs" and "Run secgate-<gate>",
# read from the file with python3-yaml) against the build's gates, the way
# the runner would: inputs as environment variables, $GITHUB_OUTPUT a file.
# Checks the outputs (verdict, violations, sarif) and that the step's exit
# code is the gate's.
#   action_run_test.sh SOURCE_DIR BIN_DIR
set -uo pipefail
src=$(cd "$1" && pwd)
bin=$(cd "$2" && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

python3 - "$src/action.yml" "$scratch" <<'PY' || { echo "FAIL: cannot read action.yml" >&2; exit 1; }
import sys, yaml
action = yaml.safe_load(open(sys.argv[1]))
steps = action["runs"]["steps"]
by_name = {s.get("id") or s.get("name"): s for s in steps}
open(sys.argv[2] + "/check.sh", "w").write(by_name["Check inputs"]["run"])
run = by_name["run"]
assert run["shell"] == "bash", "run step must use bash"
open(sys.argv[2] + "/run.sh", "w").write(run["run"])
PY

# step SCRIPT GATE ARGS SARIF: runs one step in $scratch/ws; sets $code.
step() {
  rm -rf "$scratch/ws" && mkdir -p "$scratch/ws/tmp"
  for d in tests policies waivers; do ln -s "$src/$d" "$scratch/ws/$d"; done
  : > "$scratch/ws/output"
  (cd "$scratch/ws" && GATE=$2 ARGS=$3 POLICY="" WAIVERS="" SARIF=$4 BIN=$bin \
     RUNNER_TEMP="$scratch/ws/tmp" GITHUB_OUTPUT="$scratch/ws/output" \
     GITHUB_ACTIONS="" bash -e "$scratch/$1" >"$scratch/log" 2>&1)
  code=$?
}
output() { sed -n "s/^$1=//p" "$scratch/ws/output"; }
expect() {  # expect CODE VERDICT VIOLATIONS SARIF LABEL
  local before=$failures
  [ "$code" = "$1" ] || { fail "$5: exit $code, expected $1"; cat "$scratch/log" >&2; }
  [ "$(output verdict)" = "$2" ] || fail "$5: verdict '$(output verdict)', expected '$2'"
  [ "$(output violations)" = "$3" ] || fail "$5: violations '$(output violations)', expected '$3'"
  [ "$(output sarif)" = "$4" ] || fail "$5: sarif '$(output sarif)', expected '$4'"
  [ "$failures" != "$before" ] || echo "ok: $5"
}

step check.sh nope "" ""
[ "$code" = 2 ] && echo "ok: an unknown gate is refused" || fail "gate 'nope' accepted (exit $code)"
step check.sh vuln "" ""
[ "$code" = 0 ] && echo "ok: gate vuln accepted" || fail "gate vuln refused"

fixtures=tests/fixtures/vuln/trivy
step run.sh vuln "--policy policies/default.yaml $fixtures/alpine-39.json" out.sarif
want=$(jq -r .summary.violations "$scratch/ws/tmp/secgate-vuln-verdict.json")
[ "$want" -gt 0 ] 2>/dev/null || fail "no violations in the alpine-39 verdict"
expect 1 fail "$want" out.sarif "failing report: exit 1, outputs from the JSON verdict"
jq -e '.runs[0].results | length > 0' "$scratch/ws/out.sarif" >/dev/null || fail "no SARIF results written"

step run.sh vuln "--policy policies/default.yaml $fixtures/amazon-2.json" ""
expect 0 pass 0 "" "passing report: exit 0, no SARIF asked for"

printf 'not json' > "$scratch/broken.json"
step run.sh vuln "$scratch/broken.json" out.sarif
# Every report, SARIF included, holds the error verdict: never a stale file.
expect 2 error 0 out.sarif "unreadable report: exit 2, verdict error"

step check.sh code "" ""
[ "$code" = 0 ] && echo "ok: gate code accepted" || fail "gate code refused"
step run.sh code "--policy policies/default.yaml tests/fixtures/code/sarif/dd-codeQL-output.sarif" code.sarif
want=$(jq -r .summary.violations "$scratch/ws/tmp/secgate-code-verdict.json")
[ "$want" -gt 0 ] 2>/dev/null || fail "no violations in the CodeQL verdict"
expect 1 fail "$want" code.sarif "gate code on CodeQL SARIF: exit 1, outputs from the JSON verdict"
jq -e '.runs[0].tool.driver.name == "CodeQL"' "$scratch/ws/code.sarif" >/dev/null ||
  fail "secgate-code's SARIF run is not CodeQL's"

step run.sh waivers "lint waivers/example.yaml --today 2026-11-20" ignored.sarif
expect 0 pass "" "" "waivers lint: exit code only"

[ "$failures" -eq 0 ] || { echo "$failures failure(s)" >&2; exit 1; }
echo "action.yml's steps behave as documented"
