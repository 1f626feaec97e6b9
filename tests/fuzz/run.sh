#!/usr/bin/env bash
# Builds the libFuzzer targets (preset "fuzz", clang) and runs each one on its
# seed corpus for a fixed time. Exits non-zero when any target crashes, leaks,
# hits undefined behaviour, times out on one input or runs out of memory.
#
#   tests/fuzz/run.sh --smoke              every target for 15 s (CI)
#   tests/fuzz/run.sh --seconds 600        a campaign: 10 minutes per target
#   tests/fuzz/run.sh --seconds 60 purl_fuzz glob_fuzz    only these targets
#
# Options:
#   --smoke          15 s per target (the CI step; see docs/security.md)
#   --seconds N      N seconds per target
#   --jobs J         targets run at the same time (default 2)
#   --build-dir DIR  build directory (default build-fuzz, the preset's)
#   --no-build       use the binaries already in DIR/fuzz
#
# Outputs, all under the build directory:
#   fuzz-corpus/<target>/   inputs libFuzzer found (the seeds stay untouched)
#   artifacts/<target>-*    crashing / leaking / slow inputs
#   fuzz-logs/<target>.log  libFuzzer's output
#   fuzz-summary.txt        executions, coverage (cov/ft) and result per target
# Reproduce a crash: DIR/fuzz/<target> DIR/artifacts/<target>-crash-<sha1>
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=15
smoke=0
jobs=2
build_dir=build-fuzz
build=1
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) seconds=15; smoke=1 ;;
    --seconds) seconds="$2"; shift ;;
    --jobs) jobs="$2"; shift ;;
    --build-dir) build_dir="$2"; shift ;;
    --no-build) build=0 ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1") ;;
  esac
  shift
done

if [ ${#targets[@]} -eq 0 ]; then
  for src in tests/fuzz/*_fuzz.cc; do targets+=("$(basename "$src" .cc)"); done
fi

if [ "$build" = 1 ]; then
  if ! command -v clang++ >/dev/null; then scripts/setup-deps.sh; fi
  if [ "$build_dir" = build-fuzz ]; then
    cmake --preset fuzz >/dev/null
  else
    cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_CXX_COMPILER=clang++ -DSECGATE_BUILD_FUZZERS=ON -DSECGATE_BUILD_TESTS=OFF >/dev/null
  fi
  cmake --build "$build_dir" -j "$(nproc)" --target "${targets[@]}"
fi

mkdir -p "$build_dir/artifacts" "$build_dir/fuzz-logs" "$build_dir/fuzz-corpus"
# The fuzz build has UBSan in recover mode; make any report a failure.
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:${UBSAN_OPTIONS:-}"
export ASAN_OPTIONS="detect_leaks=1:${ASAN_OPTIONS:-}"

run_one() {
  local name="$1"
  local bin="$build_dir/fuzz/$name"
  local work="$build_dir/fuzz-corpus/$name"
  local log="$build_dir/fuzz-logs/$name.log"
  mkdir -p "$work"
  local dirs=("$work")
  [ -d "tests/fuzz/corpus/$name" ] && dirs+=("tests/fuzz/corpus/$name")
  local extra=()
  if [ "$smoke" = 1 ]; then
    # The CI smoke run must be reproducible: the seeds only (no corpus from
    # earlier runs) and a fixed random seed, so a fresh clone explores the
    # same inputs that were explored before the commit landed. Campaigns
    # (--seconds) keep their corpus and random seeds.
    rm -rf "$work" && mkdir -p "$work"
    extra+=("-seed=1")
  fi
  if [ "$name" = secrets_engine_fuzz ]; then
    # The rule pack's prefilter keywords, so the fuzzer reaches the regexes.
    grep -h '^ *keywords:' policies/secrets/*.yaml | grep -o "'[^']*'" | tr -d "'" | sort -u |
      sed 's/.*/"&"/' >"$build_dir/fuzz-logs/secrets_engine_fuzz.dict"
    extra+=("-dict=$build_dir/fuzz-logs/secrets_engine_fuzz.dict")
  elif [ -f "tests/fuzz/$name.dict" ]; then extra+=("-dict=tests/fuzz/$name.dict")
  elif [[ "$name" == vuln_* || "$name" == detect_format_fuzz ]]; then
    extra+=("-dict=tests/fuzz/vuln.dict")
  fi
  # -timeout: one input taking 10 s is a hang; -rss_limit_mb: bounded memory.
  "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$build_dir/artifacts/$name-" "${extra[@]}" "${dirs[@]}" >"$log" 2>&1
}

summarise() {
  local name="$1" status="$2" log="$build_dir/fuzz-logs/$1.log"
  local execs cov ft
  # A target that fails on its seeds prints no cov/ft: "-", not a script error.
  execs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | awk '{print $2}' | tail -1 || true)
  cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | awk '{print $2}' || true)
  ft=$(grep -oE 'ft: [0-9]+' "$log" | tail -1 | awk '{print $2}' || true)
  printf '%-28s %-6s execs=%-10s cov=%-6s ft=%-6s\n' "$name" "$status" "${execs:--}" "${cov:--}" \
    "${ft:--}"
}

start=$(date +%s)
declare -A running=()  # target -> pid of its background job
failed=()
summary="$build_dir/fuzz-summary.txt"
: >"$summary"
launch() {  # runs one target in the background; its exit code lands in a file
  local name="$1"
  rm -f "$build_dir/fuzz-logs/$name.rc"
  ( rc=0; run_one "$name" || rc=$?; echo "$rc" >"$build_dir/fuzz-logs/$name.rc" ) &
  running[$name]=$!
}
reap() {  # records every finished job; returns when none finished yet
  local name rc
  for name in "${!running[@]}"; do
    [ -f "$build_dir/fuzz-logs/$name.rc" ] || continue
    wait "${running[$name]}" 2>/dev/null || true
    unset "running[$name]"
    rc=$(cat "$build_dir/fuzz-logs/$name.rc")
    if [ "$rc" = 0 ]; then summarise "$name" ok | tee -a "$summary"; else
      summarise "$name" FAIL | tee -a "$summary"
      failed+=("$name")
      echo "--- $name (exit $rc): tail of $build_dir/fuzz-logs/$name.log" >&2
      tail -n 30 "$build_dir/fuzz-logs/$name.log" >&2
    fi
  done
}

echo "fuzz: ${#targets[@]} targets, ${seconds}s each, $jobs at a time"
for name in "${targets[@]}"; do
  if [ ! -x "$build_dir/fuzz/$name" ]; then
    echo "fuzz: $name was not built ($build_dir/fuzz/$name missing)" >&2
    failed+=("$name")
    continue
  fi
  while [ ${#running[@]} -ge "$jobs" ]; do sleep 1; reap; done
  launch "$name"
done
while [ ${#running[@]} -gt 0 ]; do sleep 1; reap; done

echo "fuzz: done in $(( $(date +%s) - start ))s; summary in $summary"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: FAILED: ${failed[*]} (inputs in $build_dir/artifacts/)" >&2
  exit 1
fi
