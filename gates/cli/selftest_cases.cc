// The built-in inputs of `secgate-<gate> selftest` (selftest.h).
#include <algorithm>
#include <string>
#include <vector>

#include "gates/cli/selftest.h"

namespace secgate::cli {

namespace {

std::string TrivyReport(const std::string& vulnerabilities) {
  return R"({"SchemaVersion": 2, "ArtifactName": "secgate-selftest", "ArtifactType": "filesystem",
  "Results": [{"Target": "package-lock.json", "Class": "lang-pkgs", "Type": "npm",
               "Vulnerabilities": [)" +
         vulnerabilities + "]}]}\n";
}

std::string TrivyFinding(const std::string& id, const std::string& severity) {
  return R"({"VulnerabilityID": ")" + id +
         R"(", "PkgName": "secgate-selftest-package", "InstalledVersion": "1.0.0",
    "FixedVersion": "1.0.1", "Severity": ")" +
         severity + R"(", "Title": "secgate selftest: synthetic )" + severity +
         R"( vulnerability"})";
}

std::string Diff(const std::string& added) {
  return "diff --git a/app/settings.py b/app/settings.py\n"
         "index 1111111..2222222 100644\n"
         "--- a/app/settings.py\n"
         "+++ b/app/settings.py\n"
         "@@ -1,2 +1,3 @@\n"
         " DEBUG = False\n"
         "+" + added + "\n"
         " LOG_LEVEL = 'info'\n";
}

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

std::vector<SelftestCase> VulnSelftestCases(const core::Policy&) {
  return {
      {"CRITICAL finding with a fix (Trivy report, CVE-0000-0001)",
       TrivyReport(TrivyFinding("CVE-0000-0001", "CRITICAL")), true},
      {"HIGH finding with a fix (Trivy report, CVE-0000-0002)",
       TrivyReport(TrivyFinding("CVE-0000-0002", "HIGH")), true},
      {"no findings (Trivy report)", TrivyReport(""), false},
  };
}

std::vector<SelftestCase> SecretsSelftestCases(const core::Policy&) {
  // Split so that this file itself holds no token a scanner would report.
  const std::string token = std::string("gh") + "p_" + "Zq3TnW8vLk5RbX2mYc7HdJ4sGf9PaE1uVo6K";
  return {
      {"staged diff adding a GitHub token (github-pat-classic)", Diff("GITHUB_TOKEN = '" + token + "'"),
       true},
      {"staged diff adding a plain setting", Diff("TIMEOUT_SECONDS = 30"), false},
  };
}

std::vector<SelftestCase> SbomSelftestCases(const core::Policy& policy) {
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

}  // namespace secgate::cli
