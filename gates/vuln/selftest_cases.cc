// The built-in inputs of `secgate-vuln selftest` (gates/cli/selftest.h).
#include <string>
#include <vector>

#include "gates/vuln/cli.h"

namespace secgate::vuln {

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

}  // namespace

std::vector<cli::SelftestCase> SelftestCases(const core::Policy&) {
  return {
      {"CRITICAL finding with a fix (Trivy report, CVE-0000-0001)",
       TrivyReport(TrivyFinding("CVE-0000-0001", "CRITICAL")), true},
      {"HIGH finding with a fix (Trivy report, CVE-0000-0002)",
       TrivyReport(TrivyFinding("CVE-0000-0002", "HIGH")), true},
      {"no findings (Trivy report)", TrivyReport(""), false},
  };
}

}  // namespace secgate::vuln
