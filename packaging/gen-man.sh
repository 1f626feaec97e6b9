#!/bin/sh
# Writes a man page (roff, section 1) for one secgate gate from its --help.
#   packaging/gen-man.sh BINARY NAME VERSION OUTPUT
# The help text is kept verbatim in no-fill blocks; roff control characters
# are escaped so that no line of it can be read as a request.
set -eu
bin=$1 name=$2 version=$3 out=$4
help=$("$bin" --help) || { echo "gen-man: $bin --help failed" >&2; exit 2; }
[ -n "$help" ] || { echo "gen-man: $bin --help printed nothing" >&2; exit 2; }
summary=$(printf '%s\n' "$help" | head -n 1 | sed "s/^$name: //")
escape() {
  # Backslashes first, then a leading . or ' would start a request; the
  # typographic characters the help uses become ASCII, so the page renders
  # without warnings in any locale.
  sed -e 's/\\/\\e/g' -e "s/^\\([.']\\)/\\\\\\&\\1/" \
      -e 's/…/.../g' -e 's/—/--/g' -e 's/–/-/g' -e "s/’/'/g" -e "s/‘/'/g" -e 's/“/"/g' -e 's/”/"/g'
}
{
  echo ".TH \"$(printf '%s' "$name" | tr '[:lower:]' '[:upper:]')\" 1 \"\" \"secgate $version\" \"User Commands\""
  echo ".SH NAME"
  printf '%s \\- %s\n' "$name" "$(printf '%s' "$summary" | escape)"
  echo ".SH SYNOPSIS"
  echo ".B $name"
  printf '%s\n' '[\fIOPTIONS\fR] ...'
  case $name in
    secgate-vuln|secgate-secrets|secgate-sbom)
      echo ".br"
      echo ".B $name selftest"
      printf '%s\n' '[\fB\-\-policy\fR \fIFILE\fR] [\fB\-\-waivers\fR \fIFILE\fR] [\fB\-\-today\fR \fIDATE\fR]' ;;
  esac
  echo ".SH DESCRIPTION"
  echo ".nf"
  printf '%s\n' "$help" | escape
  echo ".fi"
  echo ".SH EXIT STATUS"
  echo ".TP"
  echo ".B 0"
  echo "pass: nothing unwaived at or above the policy's threshold"
  echo ".TP"
  echo ".B 1"
  echo "violations found (selftest: the gate is not armed)"
  echo ".TP"
  echo ".B 2"
  echo "error: bad usage, an unreadable input or a bad policy file; never a pass"
  echo ".SH FILES"
  echo ".TP"
  echo ".I secgate.yaml"
  printf '%s\n' 'the policy, read from the working directory unless \fB\-\-policy\fR is given'
  echo ".TP"
  echo ".I secgate-waivers.yaml"
  printf '%s\n' 'the waiver file, read from the working directory unless \fB\-\-waivers\fR is given'
  echo ".TP"
  echo ".I /usr/share/secgate/policies/"
  echo "the default policy and presets to copy"
  echo ".SH SEE ALSO"
  echo "secgate-vuln(1), secgate-secrets(1), secgate-sbom(1), secgate-code(1), secgate-waivers(1),"
  echo "/usr/share/doc/secgate/"
} > "$out.tmp"
mv "$out.tmp" "$out"
