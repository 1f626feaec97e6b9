#!/usr/bin/env bash
# Configures and builds one CMake preset (default: "default" -> build/).
#   scripts/build.sh [default|asan|fuzz] [extra cmake -D options]
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-default}"
shift || true
cmake --preset "$preset" "$@" >/dev/null
cmake --build --preset "$preset" -j "$(nproc)"
