#!/usr/bin/env bash
# README command 2 (and what .ci/run calls): installs what is missing, then
# builds and runs every test — the normal build (gcc, Release), then one clang
# build with AddressSanitizer + UndefinedBehaviorSanitizer that runs the whole
# suite again and also produces the libFuzzer targets, each of which gets a
# short smoke run. Exits non-zero if anything fails.
#   scripts/test.sh            everything
#   SECGATE_SKIP_ASAN=1 / SECGATE_SKIP_FUZZ=1 to skip a stage locally
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
stage() { echo; echo "=== $* ($(( $(date +%s) - start ))s)"; }

stage "dependencies"
scripts/setup-deps.sh

stage "build (Release, gcc)"
scripts/build.sh default
stage "tests (Release, gcc)"
ctest --preset default -j "$(nproc)"

if [ "${SECGATE_SKIP_ASAN:-0}" != 1 ]; then
  stage "build (clang, ASan + UBSan, with fuzz targets)"
  scripts/build.sh asan
  stage "tests (ASan + UBSan)"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --preset asan -j "$(nproc)" -LE no_asan
fi

if [ "${SECGATE_SKIP_ASAN:-0}" != 1 ] && [ "${SECGATE_SKIP_FUZZ:-0}" != 1 ]; then
  stage "fuzz smoke (targets from the sanitizer build)"
  tests/fuzz/run.sh --smoke --build-dir build-asan --no-build
fi
stage "all tests passed"
