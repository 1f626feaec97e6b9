// Unit tests for the osv-scanner reader (osv_scanner.cc).
#include <gtest/gtest.h>

#include "tests/unit/vuln/reader_test_util.h"

namespace secgate::vuln {
namespace {

using testing::RunReader;
using testing::RunReaderOnFixture;

std::string Report(const std::string& group_extra, const std::string& record_extra = "") {
  return R"({"results":[{"source":{"path":"/src/web/package-lock.json","type":"lockfile"},"packages":[{)"
         R"("package":{"name":"yaml-mini","version":"3.0.2","ecosystem":"npm"},"dependency_groups":["dev"],)"
         R"("vulnerabilities":[{"id":"GHSA-gggg-hhhh-jjjj","aliases":["CVE-2025-0303"],)" + record_extra +
         R"("affected":[{"package":{"ecosystem":"npm","name":"yaml-mini"},"ranges":[{"type":"SEMVER",)"
         R"("events":[{"introduced":"0"},{"fixed":"3.1.0"}]}]}]}],)"
         R"("groups":[{"ids":["GHSA-gggg-hhhh-jjjj"],"aliases":["CVE-2025-0303","GHSA-gggg-hhhh-jjjj"])" +
         group_extra + "}]}]}]}";
}

TEST(OsvScannerReader, GroupIsOneFindingWithMaxSeverityAndFix) {
  auto r = RunReader(&ReadOsvScanner, Report(R"(,"max_severity":"5.3")"));
  ASSERT_TRUE(r.status.ok()) << r.error;
  ASSERT_EQ(r.out.findings.size(), 1u);
  const core::Finding& f = r.out.findings[0];
  EXPECT_EQ(f.severity, core::Severity::kMedium);
  EXPECT_DOUBLE_EQ(f.score, 5.3);
  EXPECT_EQ(f.aliases, std::vector<std::string>{"CVE-2025-0303"});
  EXPECT_EQ(f.fixed_versions, std::vector<std::string>{"3.1.0"});
  EXPECT_EQ(f.location.path, "/src/web/package-lock.json");
  EXPECT_TRUE(f.dev_only);
}

TEST(OsvScannerReader, EmptyMaxSeverityIsUnknownNotZero) {
  auto r = RunReader(&ReadOsvScanner, Report(R"(,"max_severity":"")"));
  ASSERT_TRUE(r.status.ok()) << r.error;
  EXPECT_EQ(r.out.findings[0].severity, core::Severity::kUnknown);
}

TEST(OsvScannerReader, RecordsGiveSeverityWithoutMaxSeverity) {
  auto r = RunReader(&ReadOsvScanner, Report("", R"("database_specific":{"severity":"MODERATE"},)"));
  ASSERT_TRUE(r.status.ok()) << r.error;
  EXPECT_EQ(r.out.findings[0].severity, core::Severity::kMedium);
  EXPECT_EQ(r.out.findings[0].severity_source, "ghsa");
}

TEST(OsvScannerReader, FixtureGroupsDeduplicateRecords) {
  // jq '[.results[].packages[].groups[]] | length' multiple-packages-with-vulns -> 3
  // (6 records: each GHSA + RUSTSEC pair is one group)
  auto r = RunReaderOnFixture(&ReadOsvScanner, "vuln/osv-scanner/osvjson-multiple-packages-with-vulns.json");
  ASSERT_TRUE(r.status.ok()) << r.error;
  EXPECT_EQ(r.out.findings.size(), 3u);
}

TEST(OsvScannerReader, Errors) {
  EXPECT_EQ(RunReader(&ReadOsvScanner, Report(R"(,"max_severity":7.5)")).error,
            "in.json:/results/0/packages/0/groups/0/max_severity: expected string, got number");
  EXPECT_EQ(RunReader(&ReadOsvScanner, Report(R"(,"max_severity":"high")")).error,
            "in.json:/results/0/packages/0/groups/0/max_severity: expected a CVSS score, got 'high'");
  EXPECT_EQ(RunReader(&ReadOsvScanner, Report("", R"("database_specific":{"severity":"SEVERE"},)")).error,
            "in.json:/results/0/packages/0/vulnerabilities/0/database_specific/severity: unknown severity 'SEVERE'");
  EXPECT_EQ(RunReader(&ReadOsvScanner, R"({"results":[{"packages":[{"package":{"version":"1"}}]}]})").error,
            "in.json:/results/0/packages/0/package: missing name");
}

}  // namespace
}  // namespace secgate::vuln
