// Identifier tables from the SPDX License List (facts, typed in by hand) and
// the lookups over them. See license_ids.h.
#include "gates/sbom/license_ids.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "gates/core/strings.h"

namespace secgate::sbom {
namespace {

// GNU licenses: the bare id is deprecated, "-only" and "-or-later" are current.
constexpr std::string_view kGnuBases[] = {
    "AGPL-1.0", "AGPL-3.0", "GFDL-1.1", "GFDL-1.2", "GFDL-1.3", "GPL-1.0",
    "GPL-2.0",  "GPL-3.0",  "LGPL-2.0", "LGPL-2.1", "LGPL-3.0",
};

constexpr std::string_view kLicenseIds[] = {
    "0BSD", "AAL", "AFL-1.1", "AFL-1.2", "AFL-2.0", "AFL-2.1", "AFL-3.0", "APSL-1.0",
    "APSL-1.1", "APSL-1.2", "APSL-2.0", "Apache-1.0", "Apache-1.1", "Apache-2.0",
    "Artistic-1.0", "Artistic-1.0-Perl", "Artistic-2.0", "BSD-1-Clause", "BSD-2-Clause",
    "BSD-2-Clause-Patent", "BSD-3-Clause", "BSD-3-Clause-Clear", "BSD-3-Clause-LBNL",
    "BSD-3-Clause-No-Nuclear-License", "BSD-4-Clause", "BSD-4-Clause-UC",
    "BSD-Source-Code", "BSL-1.0", "BUSL-1.1", "BlueOak-1.0.0", "CAL-1.0", "CATOSL-1.1",
    "CC-BY-1.0", "CC-BY-2.0", "CC-BY-2.5", "CC-BY-3.0", "CC-BY-4.0", "CC-BY-NC-4.0",
    "CC-BY-NC-SA-4.0", "CC-BY-ND-4.0", "CC-BY-SA-3.0", "CC-BY-SA-4.0", "CC-PDDC",
    "CC0-1.0", "CDDL-1.0", "CDDL-1.1", "CDLA-Permissive-1.0", "CDLA-Permissive-2.0",
    "CDLA-Sharing-1.0", "CECILL-2.1", "CECILL-B", "CECILL-C", "CPAL-1.0", "CPL-1.0",
    "CUA-OPL-1.0", "ECL-1.0", "ECL-2.0", "EFL-2.0", "EPL-1.0", "EPL-2.0", "EUDatagrid",
    "EUPL-1.0", "EUPL-1.1", "EUPL-1.2", "Elastic-2.0", "Entessa", "FSFAP", "FTL",
    "Fair", "Frameworx-1.0", "HPND", "ICU", "IJG", "IPA", "IPL-1.0", "ISC", "ImageMagick",
    "Info-ZIP", "Intel", "JSON", "LPL-1.0", "LPL-1.02", "LPPL-1.3a", "LPPL-1.3c",
    "LiLiQ-P-1.1", "LiLiQ-R-1.1", "LiLiQ-Rplus-1.1", "MIT", "MIT-0", "MIT-CMU",
    "MIT-Modern-Variant", "MIT-advertising", "MIT-enna", "MIT-feh", "MITNFA", "MPL-1.0",
    "MPL-1.1", "MPL-2.0", "MPL-2.0-no-copyleft-exception", "MS-PL", "MS-RL", "MirOS",
    "Motosoto", "MulanPSL-1.0", "MulanPSL-2.0", "Multics", "NASA-1.3", "NCSA", "NGPL",
    "NPL-1.0", "NPL-1.1", "NPOSL-3.0", "NTP", "Naumen", "Nokia", "OCLC-2.0", "ODbL-1.0",
    "OFL-1.0", "OFL-1.1", "OGTSL", "OLDAP-2.8", "OPL-1.0", "OSET-PL-2.1", "OSL-1.0",
    "OSL-2.0", "OSL-2.1", "OSL-3.0", "OpenSSL", "PDDL-1.0", "PHP-3.0", "PHP-3.01",
    "PSF-2.0", "PostgreSQL", "Python-2.0", "QPL-1.0", "RPL-1.1", "RPL-1.5", "RPSL-1.0",
    "RSCPL", "Ruby", "SGI-B-2.0", "SISSL", "SMLNJ", "SPL-1.0", "SSPL-1.0",
    "Sleepycat", "UCL-1.0", "UPL-1.0", "Unicode-3.0", "Unicode-DFS-2015",
    "Unicode-DFS-2016", "Unlicense", "VSL-1.0", "Vim", "W3C", "W3C-19980720",
    "W3C-20150513", "WTFPL", "Watcom-1.0", "X11", "XFree86-1.1", "Xnet", "YPL-1.1",
    "ZPL-1.1", "ZPL-2.0", "ZPL-2.1", "Zend-2.0", "Zimbra-1.3", "Zlib", "blessing",
    "bzip2-1.0.6", "curl", "libpng-2.0", "libtiff", "zlib-acknowledgement", "Beerware",
    "BitTorrent-1.1", "CNRI-Python", "DOC", "EPICS", "Glide", "HPND-sell-variant",
    "Hippocratic-2.1", "Libpng", "OpenPBS-2.3", "PolyForm-Noncommercial-1.0.0",
    "PolyForm-Small-Business-1.0.0", "Qhull", "SSH-OpenSSH", "SSH-short", "TCL",
    "TU-Berlin-2.0", "UnixCrypt", "X11-distribute-modifications-variant", "Xerox",
    "bzip2-1.0.5", "copyleft-next-0.3.1", "dvipdfm", "etalab-2.0", "psfrag", "xpp",
};

// Every exception id of the SPDX License List (exceptions.json of the 3.2x
// releases, deprecated ones included): the right side of WITH must be one
// of these or an AdditionRef- (license_expr.cc), so a license id there
// ("MIT WITH AGPL-3.0-only") does not parse.
constexpr std::string_view kExceptionIds[] = {
    "389-exception", "Asterisk-exception", "Asterisk-linking-protocols-exception",
    "Autoconf-exception-2.0", "Autoconf-exception-3.0", "Autoconf-exception-generic",
    "Autoconf-exception-generic-3.0", "Autoconf-exception-macro", "Bison-exception-1.24",
    "Bison-exception-2.2", "Bootloader-exception", "CGAL-linking-exception",
    "CLISP-exception-2.0", "Classpath-exception-2.0", "DigiRule-FOSS-exception",
    "FLTK-exception", "Fawkes-Runtime-exception", "Font-exception-2.0",
    "GCC-exception-2.0", "GCC-exception-2.0-note", "GCC-exception-3.1", "GNAT-exception",
    "GNOME-examples-exception", "GNU-compiler-exception", "GPL-3.0-389-ds-base-exception",
    "GPL-3.0-interface-exception", "GPL-3.0-linking-exception",
    "GPL-3.0-linking-source-exception", "GPL-CC-1.0", "GStreamer-exception-2005",
    "GStreamer-exception-2008", "Gmsh-exception", "Independent-modules-exception",
    "KiCad-libraries-exception", "LGPL-3.0-linking-exception", "LLGPL", "LLVM-exception",
    "LZMA-exception", "Libtool-exception", "Linux-syscall-note", "Nokia-Qt-exception-1.1",
    "OCCT-exception-1.0", "OCaml-LGPL-linking-exception", "OpenJDK-assembly-exception-1.0",
    "PCRE2-exception", "PS-or-PDF-font-exception-20170817", "QPL-1.0-INRIA-2004-exception",
    "Qt-GPL-exception-1.0", "Qt-LGPL-exception-1.1", "Qwt-exception-1.0",
    "RRDtool-FLOSS-exception-2.0", "SANE-exception", "SHL-2.0", "SHL-2.1", "SWI-exception",
    "Swift-exception", "Texinfo-exception", "UBDL-exception", "Universal-FOSS-exception-1.0",
    "WxWindows-exception-3.1", "cryptsetup-OpenSSL-exception", "eCos-exception-2.0",
    "erlang-otp-linking-exception", "fmt-exception", "freertos-exception-2.0",
    "gnu-javamail-exception", "harbour-exception", "i2p-gpl-java-exception",
    "libpri-OpenH323-exception", "mif-exception", "mxml-exception",
    "openvpn-openssl-exception", "polyparse-exception", "romic-exception",
    "stunnel-exception", "u-boot-exception-2.0", "vsftpd-openssl-exception",
    "x11vnc-openssl-exception",
};

// Deprecated ids that name a license plus an exception (SPDX License List,
// "deprecated identifiers"), and other renamed ids.
struct Renamed {
  std::string_view from, to, exception;
  bool or_later;
};
constexpr Renamed kRenamed[] = {
    {"GPL-2.0-with-classpath-exception", "GPL-2.0-only", "Classpath-exception-2.0", false},
    {"GPL-2.0-with-GCC-exception", "GPL-2.0-only", "GCC-exception-2.0", false},
    {"GPL-2.0-with-autoconf-exception", "GPL-2.0-only", "Autoconf-exception-2.0", false},
    {"GPL-2.0-with-bison-exception", "GPL-2.0-only", "Bison-exception-2.2", false},
    {"GPL-2.0-with-font-exception", "GPL-2.0-only", "Font-exception-2.0", false},
    {"GPL-3.0-with-GCC-exception", "GPL-3.0-only", "GCC-exception-3.1", false},
    {"GPL-3.0-with-autoconf-exception", "GPL-3.0-only", "Autoconf-exception-3.0", false},
    {"eCos-2.0", "GPL-2.0-or-later", "eCos-exception-2.0", true},
    {"wxWindows", "GPL-2.0-or-later", "WxWindows-exception-3.1", true},
    {"StandardML-NJ", "SMLNJ", "", false},
    {"Nunit", "zlib-acknowledgement", "", false},
    {"BSD-2-Clause-FreeBSD", "BSD-2-Clause", "", false},
    {"BSD-2-Clause-NetBSD", "BSD-2-Clause", "", false},
};

struct Tables {
  std::unordered_map<std::string, KnownLicense> licenses;  // by lower-case id
  std::unordered_map<std::string, std::string> exceptions;
  std::map<std::string, std::vector<std::string>, std::less<>> families;
};

bool VersionLess(const std::string& a, const std::string& b);

const Tables& GetTables() {
  static const Tables* t = [] {
    auto* t = new Tables;
    auto add = [&](std::string_view id, KnownLicense k) {
      t->licenses.emplace(core::AsciiLower(id), std::move(k));
    };
    for (std::string_view id : kLicenseIds) add(id, {std::string(id), "", false, false});
    for (std::string_view base : kGnuBases) {
      std::string b(base);
      add(b, {b + "-only", "", false, true});
      add(b + "-only", {b + "-only", "", false, false});
      add(b + "-or-later", {b + "-or-later", "", true, false});
    }
    for (const auto& r : kRenamed)
      add(r.from, {std::string(r.to), std::string(r.exception), r.or_later, true});
    for (std::string_view id : kExceptionIds) t->exceptions.emplace(core::AsciiLower(id), std::string(id));
    auto note_family = [&](std::string_view base) {
      std::string family, version;
      if (SplitFamilyVersion(base, &family, &version)) t->families[family].push_back(version);
    };
    for (std::string_view id : kLicenseIds) note_family(id);
    for (std::string_view base : kGnuBases) note_family(base);
    for (auto& [family, versions] : t->families) {
      std::sort(versions.begin(), versions.end(), VersionLess);
      versions.erase(std::unique(versions.begin(), versions.end()), versions.end());
    }
    return t;
  }();
  return *t;
}

// Dotted numeric comparison ("1.10" > "1.9").
bool VersionLess(const std::string& a, const std::string& b) {
  size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    long x = 0, y = 0;
    while (i < a.size() && a[i] != '.') x = x * 10 + (a[i++] - '0');
    while (j < b.size() && b[j] != '.') y = y * 10 + (b[j++] - '0');
    if (x != y) return x < y;
    ++i, ++j;
  }
  return false;
}

}  // namespace

bool FindLicenseId(std::string_view id, KnownLicense* out) {
  const auto& m = GetTables().licenses;
  auto it = m.find(core::AsciiLower(id));
  if (it == m.end()) return false;
  *out = it->second;
  return true;
}

std::string FindExceptionId(std::string_view id) {
  const auto& m = GetTables().exceptions;
  auto it = m.find(core::AsciiLower(id));
  return it == m.end() ? std::string() : it->second;
}

bool IsGnuBase(std::string_view base) {
  if (base.size() < 7 || base.size() > 8) return false;  // "GPL-2.0" .. "AGPL-3.0"
  return std::any_of(std::begin(kGnuBases), std::end(kGnuBases),
                     [&](std::string_view b) { return core::EqualsIgnoreCase(b, base); });
}

const std::vector<std::string>& FamilyVersions(std::string_view family) {
  static const std::vector<std::string> kNone;
  const auto& f = GetTables().families;
  auto it = f.find(family);
  return it == f.end() ? kNone : it->second;
}

bool SplitFamilyVersion(std::string_view base, std::string* family, std::string* version) {
  size_t dash = base.rfind('-');
  if (dash == std::string_view::npos || dash == 0 || dash + 1 >= base.size()) return false;
  std::string_view v = base.substr(dash + 1);
  bool digit_expected = true;
  for (char c : v) {
    bool digit = c >= '0' && c <= '9';
    if (!digit && (c != '.' || digit_expected)) return false;
    digit_expected = !digit;
  }
  if (digit_expected) return false;  // trailing '.'
  *family = std::string(base.substr(0, dash));
  *version = std::string(v);
  return true;
}

}  // namespace secgate::sbom
