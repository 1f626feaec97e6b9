#!/usr/bin/env bash
# Builds the .deb from a finished build (cpack -G DEB), unpacks it into a
# scratch root with dpkg -x, checks the package metadata and file list, runs
# the installed secgate-vuln (--version, selftest with the installed default
# policy) and renders the installed man page.
#   deb_test.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
for tool in cpack dpkg-deb man; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool not installed (scripts/setup-deps.sh)" >&2; exit 1; }
done
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

(cd "$scratch" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$scratch/pkg" >"$scratch/cpack.log" 2>&1) \
  || { cat "$scratch/cpack.log"; fail "cpack -G DEB failed"; }
debs=("$scratch"/pkg/secgate_*.deb)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || fail "expected one secgate_*.deb, got: ${debs[*]}"
deb=${debs[0]}
version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")
[ -n "$version" ] || fail "no CPACK_PACKAGE_VERSION in CPackConfig.cmake"

[ "$(dpkg-deb -f "$deb" Package)" = secgate ] || fail "package name is not secgate"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "package version is not $version"
[ -n "$(dpkg-deb -f "$deb" Maintainer)" ] || fail "no Maintainer"
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libgit2 libyaml-cpp libre2 libc6; do
  case "$depends" in *"$lib"*) ;; *) fail "Depends lacks $lib: $depends" ;; esac
done
echo "ok: secgate $version, Depends: $depends"

root="$scratch/root"
dpkg -x "$deb" "$root"
expected=(
  usr/bin/secgate-vuln usr/bin/secgate-secrets usr/bin/secgate-sbom usr/bin/secgate-code
  usr/bin/secgate-waivers
  usr/share/secgate/policies/default.yaml usr/share/secgate/policies/proprietary.yaml
  usr/share/secgate/policies/internal-service.yaml
  usr/share/secgate/rules/vcs.yaml usr/share/secgate/rules/_allowlist.yaml
  usr/share/doc/secgate/README.md usr/share/doc/secgate/policy.md
  usr/share/man/man1/secgate-vuln.1 usr/share/man/man1/secgate-secrets.1
  usr/share/man/man1/secgate-sbom.1 usr/share/man/man1/secgate-code.1
  usr/share/man/man1/secgate-waivers.1
)
for f in "${expected[@]}"; do [ -f "$root/$f" ] || fail "missing from the package: /$f"; done
extra=$(cd "$root/usr/bin" && ls | grep -v -x -e secgate-vuln -e secgate-secrets -e secgate-sbom -e secgate-code -e secgate-waivers || true)
[ -z "$extra" ] || fail "unexpected programs in /usr/bin: $extra"
echo "ok: file list (${#expected[@]} files checked, /usr/bin holds the four gates only)"

out=$("$root/usr/bin/secgate-vuln" --version) || fail "installed secgate-vuln --version exited $?"
[ "$out" = "secgate-vuln $version" ] || fail "--version printed '$out'"
"$root/usr/bin/secgate-vuln" selftest --policy "$root/usr/share/secgate/policies/default.yaml" \
  >"$scratch/selftest" || { cat "$scratch/selftest"; fail "installed secgate-vuln selftest is not armed"; }
echo "ok: installed secgate-vuln --version and selftest"

page="$root/usr/share/man/man1/secgate-vuln.1"
head -n 1 "$page" | grep -q '^\.TH "SECGATE-VULN" 1' || fail "man page does not start with .TH"
MANWIDTH=100 man -P cat -l "$page" >"$scratch/man.txt" 2>"$scratch/man.err" || fail "man -l failed: $(cat "$scratch/man.err")"
grep -q "^NAME" "$scratch/man.txt" || fail "rendered man page has no NAME"
grep -q "secgate-vuln - gate scanner reports" "$scratch/man.txt" || fail "rendered NAME line is wrong"
grep -q -- "--policy" "$scratch/man.txt" || fail "rendered man page lacks the options"
grep -q "EXIT STATUS" "$scratch/man.txt" || fail "rendered man page lacks EXIT STATUS"
[ ! -s "$scratch/man.err" ] || fail "man warned: $(cat "$scratch/man.err")"
echo "ok: man -l renders secgate-vuln(1)"
