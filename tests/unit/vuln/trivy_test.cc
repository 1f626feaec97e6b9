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

}  // namespace
}  // namespace secgate::vuln
