#!/usr/bin/env bash
# Installs the Debian packages secgate needs to build and test (idempotent;
# run as root on Debian 12 or Ubuntu 22.04+). Only missing packages are
# installed, so a second run is quick.
#   scripts/setup-deps.sh          build + test dependencies
#   scripts/setup-deps.sh --build  build dependencies only
set -euo pipefail

build_pkgs=(g++ cmake ninja-build pkg-config git
            libgit2-dev nlohmann-json3-dev libyaml-cpp-dev libre2-dev libcli11-dev
            libssl-dev libtomlplusplus-dev)
test_pkgs=(libgtest-dev libgmock-dev googletest libbenchmark-dev ccache jq python3 python3-yaml curl clang libclang-rt-14-dev
           hyperfine ripgrep pre-commit chromium nodejs npm dpkg-dev file man-db)

pkgs=("${build_pkgs[@]}")
[ "${1:-}" = "--build" ] || pkgs+=("${test_pkgs[@]}")

missing=()
for p in "${pkgs[@]}"; do
  # A Node.js from outside Debian (e.g. NodeSource's nodejs) ships npm itself,
  # and Debian's npm package cannot be installed next to it.
  if [ "$p" = npm ] && command -v npm >/dev/null; then continue; fi
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then SUDO=sudo; else
    echo "setup-deps: missing packages (${missing[*]}) and not root" >&2; exit 2; fi
else
  SUDO=
fi
echo "setup-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
