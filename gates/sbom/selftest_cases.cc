// The built-in inputs of `secgate-sbom selftest` (gates/cli/selftest.h).
#include <algorithm>
#include <string>
#include <vector>

#include "gates/sbom/cli.h"

namespace secgate::sbom {

namespace {

std::string CycloneDx(const std::string& license) {
  return R"({"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
  "metadata": {"timestamp": "2024-01-01T00:00:00Z",
               "authors": [{"name": "secgate selftest"}],
               "tools": [{"vendor": "secgate", "name": "selftest"}],
               "component": {"type": "application", "name": "secgate-selftest-app", "version": "1.0.0"}},
  "components": [{"type": "library", "bom-ref": "selftest-lib", "name": "selftest-lib",
                  "version": "1.0.0", "purl": "pkg:generic/secgate-selftest/selftest-lib@1.0.0",
                  "supplier": {"name": "secgate selftest"},
                  "hashes": [{"alg": "SHA-256",
                              "content": "0000000000000000000000000000000000000000000000000000000000000000"}],
                  "licenses": [{"expression": ")" +
         license + R"("}]}]}
)";
}

}  // namespace

std::vector<cli::SelftestCase> SelftestCases(const core::Policy& policy) {
  const auto& s = policy.sbom;
  const std::string bad = s.licenses_deny.empty() ? "AGPL-3.0-only" : s.licenses_deny.front();
  std::string good = s.licenses_allow.empty() ? "" : s.licenses_allow.front();
  for (const char* id : {"MIT", "Apache-2.0", "BSD-3-Clause", "ISC"}) {
    if (!good.empty()) break;
    if (std::find(s.licenses_deny.begin(), s.licenses_deny.end(), id) == s.licenses_deny.end())
      good = id;
  }
  return {
      {"CycloneDX SBOM with a component under " + bad, CycloneDx(bad), true},
      {"complete CycloneDX SBOM, one component under " + good, CycloneDx(good), false},
  };
}

}  // namespace secgate::sbom
