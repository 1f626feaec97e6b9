#!/usr/bin/env bash
# `secgate-<gate> selftest`, the armed-gate proof: armed under the default
# policy and the presets (exit 0), NOT armed when the policy cannot catch the
# known-bad case (exit 1), a bad policy file is an error (exit 2), waivers are
# hashed but never applied, and the evidence names version, hashes and date.
#   selftest_test.sh SOURCE_DIR BIN_DIR
set -uo pipefail
src=$(cd "$1" && pwd)
bin=$(cd "$2" && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$scratch"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
# expect CODE GATE ARGS...: runs `secgate-GATE selftest ARGS`, output in $out/$err.
expect() {
  local want=$1 gate=$2; shift 2
  "$bin/secgate-$gate" selftest "$@" >"$scratch/out" 2>"$scratch/err"
  local got=$?
  out=$(cat "$scratch/out"); err=$(cat "$scratch/err")
  if [ "$got" != "$want" ]; then
    fail "secgate-$gate selftest $* exited $got, expected $want"; echo "$out$err" >&2
  else
    echo "ok: secgate-$gate selftest $* -> $want"
  fi
}
has() { grep -qF -- "$1" <<<"$2" || fail "output lacks '$1'"; }
version=$("$bin/secgate-vuln" --version | cut -d' ' -f2)

# vuln: built-in defaults (no secgate.yaml here) and the shipped policies.
expect 0 vuln --today 2030-01-02
has "tool:     secgate-vuln $version" "$out"
has "date:     2030-01-02 (--today)" "$out"
has "policy:   built-in defaults" "$out"
has "waivers:  none (not applied: a waiver cannot disarm this proof)" "$out"
has "result: ARMED" "$out"
[ "$(grep -c '  OK$' <<<"$out")" = 3 ] || fail "expected 3 OK cases: $out"
for p in default proprietary internal-service; do
  expect 0 vuln --policy "$src/policies/$p.yaml"
  has "sha256:$(sha256sum "$src/policies/$p.yaml" | cut -d' ' -f1)" "$out"
done
# fail_on: critical lets the HIGH known-bad report through: not armed.
printf 'version: 1\nvuln:\n  fail_on: critical\n' > critical.yaml
expect 1 vuln --policy critical.yaml
has "result: NOT ARMED" "$out"
has "WRONG" "$out"
expect 1 vuln --fail-on critical
# ./secgate.yaml is picked up like the gate does.
cp critical.yaml secgate.yaml
expect 1 vuln
rm secgate.yaml
# A waiver covering the known-bad finding must not disarm the proof.
today=$(date -u +%F)
cat > waivers.yaml <<YAML
version: 1
waivers:
  - id: CVE-0000-0002
    gate: vuln
    owner: team-a
    reason: would hide the selftest's HIGH case if it were applied
    created: $today
    expires: $(date -u -d "+30 days" +%F)
YAML
expect 0 vuln --waivers waivers.yaml
has "waivers:  waivers.yaml sha256:$(sha256sum waivers.yaml | cut -d' ' -f1) (not applied" "$out"
# Errors: a bad policy file, a missing one, bad flags.
printf 'version: 1\nvuln:\n  fail_onn: high\n' > typo.yaml
expect 2 vuln --policy typo.yaml
has "secgate-vuln: error: typo.yaml" "$err"
expect 2 vuln --policy missing.yaml
expect 2 vuln --today 2030-02-30
expect 2 vuln --no-such-flag
expect 0 vuln --quiet
[ "$out" = "secgate-vuln selftest result: ARMED: known-bad input fails the gate and known-good input passes" ] \
  || fail "--quiet printed: $out"

# secrets: the built-in pack catches the synthetic token; disabling its rule disarms.
expect 0 secrets
has "github-pat-classic" "$out"
has "result: ARMED" "$out"
grep -q 'gh[p]_[A-Za-z0-9]\{36\}' <<<"$out$err" && fail "selftest output shows a token"
# The token is also a keyword-free high-entropy value: with only its own
# rule off, the generic family still fails it (the gate stays armed).
printf 'version: 1\nsecrets:\n  disable: [github-pat-classic]\n' > disabled.yaml
expect 0 secrets --policy disabled.yaml
has "result: ARMED" "$out"
printf 'version: 1\nsecrets:\n  disable: [github-pat-classic, generic-high-entropy-assignment]\n' > disabled.yaml
expect 1 secrets --policy disabled.yaml
has "result: NOT ARMED" "$out"
printf 'version: 1\nsecrets:\n  fail_on: bogus\n' > bad-secrets.yaml
expect 2 secrets --policy bad-secrets.yaml
expect 0 secrets --policy "$src/secgate.yaml"

# sbom: armed under the presets (a denied license fails, MIT passes).
expect 0 sbom --policy "$src/policies/proprietary.yaml"
has "component under GPL-2.0-only" "$out"
expect 0 sbom --policy "$src/policies/internal-service.yaml"
# The built-in defaults enforce no license rule, so nothing can fail: not armed.
expect 1 sbom
has "result: NOT ARMED" "$out"
printf 'version: 1\nsbom:\n  licenses:\n    deny: ["not a license ("]\n' > bad-sbom.yaml
expect 2 sbom --policy bad-sbom.yaml

[ "$failures" -eq 0 ] || { echo "$failures failure(s)" >&2; exit 1; }
echo "all selftest checks passed"
