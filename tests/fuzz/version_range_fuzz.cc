// libFuzzer target: version orderings and banned-purl ranges. Input: a range
// and two versions separated by newlines. Never crash; every ordering is
// reflexive and antisymmetric; range matching is deterministic.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "gates/sbom/version_range.h"

namespace {

[[noreturn]] void Fail(const char* what, const std::string& a, const std::string& b) {
  std::fprintf(stderr, "version_range_fuzz: %s ('%s' vs '%s')\n", what, a.c_str(), b.c_str());
  std::abort();
}

int Sign(int v) { return v < 0 ? -1 : v > 0 ? 1 : 0; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace secgate::sbom;
  const std::string text(reinterpret_cast<const char*>(data), size);
  size_t n1 = text.find('\n');
  size_t n2 = n1 == std::string::npos ? std::string::npos : text.find('\n', n1 + 1);
  const std::string range = text.substr(0, n1);
  const std::string a = n1 == std::string::npos ? "" : text.substr(n1 + 1, n2 - n1 - 1);
  const std::string b = n2 == std::string::npos ? "" : text.substr(n2 + 1);
  for (VersionScheme s : {VersionScheme::kSemver, VersionScheme::kPypi, VersionScheme::kMaven,
                          VersionScheme::kDebian, VersionScheme::kGeneric}) {
    if (CompareVersions(s, a, a) != 0) Fail("not reflexive", a, a);
    if (Sign(CompareVersions(s, a, b)) != -Sign(CompareVersions(s, b, a)))
      Fail("not antisymmetric", a, b);
  }
  for (const char* type : {"npm", "pypi", "maven", "deb", "generic"}) {
    auto banned = ParseBannedPurl(std::string("pkg:") + type + "/x@" + range);
    auto purl = secgate::core::ParsePurl(std::string("pkg:") + type + "/x");
    if (!banned.ok() || !purl) continue;
    if (BannedMatches(*banned, *purl, a) != BannedMatches(*banned, *purl, a))
      Fail("match not deterministic", range, a);
  }
  return 0;
}
