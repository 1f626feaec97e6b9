#!/usr/bin/env bash
# README command 1: installs what is missing, builds, and runs secgate-vuln on
# two bundled Trivy reports: one that passes the default policy (nothing at
# or above high) and one that fails it.
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup-deps.sh --build || exit 2
# Only the gates: the demo needs no test framework.
scripts/build.sh default -DSECGATE_BUILD_TESTS=OFF || exit 2
vuln=build/bin/secgate-vuln
samples=tests/fixtures/vuln/trivy

echo
echo "\$ secgate-vuln $samples/amazon-2.json        # medium and low only"
"$vuln" --policy policies/default.yaml "$samples/amazon-2.json"
echo "exit code: $?   (0 = pass)"
echo
echo "\$ secgate-vuln $samples/alpine-39.json       # two critical findings"
"$vuln" --policy policies/default.yaml "$samples/alpine-39.json"
echo "exit code: $?   (1 = fail)"
