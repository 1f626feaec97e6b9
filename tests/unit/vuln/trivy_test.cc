// Unit tests for the Trivy reader (trivy.cc): the shapes other readers' tests
// rely on (severity words, pointers in errors).
#include <gtest/gtest.h>

#include "tests/unit/vuln/reader_test_util.h"

namespace secgate::vuln {
namespace {

using testing::RunReader;

std::string Report(const std::string& vuln) {
  return R"({"SchemaVersion":2,"ArtifactName":"x","Results":[{"Target":"t","Type":"npm","Vulnerabilities":[)" +
         vuln + "]}]}";
}

TEST(TrivyReader, ReadsVulnerability) {
  auto r = RunReader(&ReadTrivy, Report(R"({"VulnerabilityID":"CVE-1","PkgName":"p","InstalledVersion":"1",
    "FixedVersion":"1.1, 2.0","Severity":"HIGH","VendorSeverity":{"nvd":4}})"));
  ASSERT_TRUE(r.status.ok()) << r.error;
  ASSERT_EQ(r.out.findings.size(), 1u);
  EXPECT_EQ(r.out.findings[0].fixed_versions, (std::vector<std::string>{"1.1", "2.0"}));
  ASSERT_EQ(r.out.findings[0].ratings.size(), 1u);
  EXPECT_EQ(r.out.findings[0].ratings[0].severity, core::Severity::kCritical);
}

TEST(TrivyReader, Errors) {
  EXPECT_EQ(RunReader(&ReadTrivy, Report(R"({"VulnerabilityID":"CVE-1","PkgName":"p","Severity":1})")).error,
            "in.json:/Results/0/Vulnerabilities/0/Severity: expected string, got number");
  EXPECT_EQ(RunReader(&ReadTrivy, Report(R"({"VulnerabilityID":"CVE-1","Severity":"HIGH"})")).error,
            "in.json:/Results/0/Vulnerabilities/0: missing PkgName");
  EXPECT_EQ(RunReader(&ReadTrivy, Report(R"({"VulnerabilityID":"CVE-1","PkgName":"p","Severity":"SEVERE"})")).error,
            "in.json:/Results/0/Vulnerabilities/0/Severity: unknown severity 'SEVERE'");
}

// Found by vuln_trivy_fuzz in the CI smoke run: a CVSS score of 25.3 was
// accepted and reached the verdict. Scores outside 0-10 are broken input.
TEST(TrivyReader, CvssScoreOutsideZeroToTenIsAnError) {
  EXPECT_EQ(RunReader(&ReadTrivy, Report(R"({"VulnerabilityID":"CVE-1","PkgName":"p","Severity":"HIGH",
    "CVSS":{"nvd":{"V3Score":25.3}}})")).error,
            "in.json:/Results/0/Vulnerabilities/0/CVSS/nvd/V3Score: CVSS score 25.3 is outside 0-10");
  EXPECT_EQ(RunReader(&ReadTrivy, Report(R"({"VulnerabilityID":"CVE-1","PkgName":"p","Severity":"HIGH",
    "CVSS":{"nvd":{"V2Score":-1}}})")).error,
            "in.json:/Results/0/Vulnerabilities/0/CVSS/nvd/V2Score: CVSS score -1 is outside 0-10");
  EXPECT_TRUE(RunReader(&ReadTrivy, Report(R"({"VulnerabilityID":"CVE-1","PkgName":"p","Severity":"HIGH",
    "CVSS":{"nvd":{"V3Score":10}}})")).status.ok());
}

}  // namespace
}  // namespace secgate::vuln
