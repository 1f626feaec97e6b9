// Unit tests for the cargo-audit reader (cargo_audit.cc).
#include <gtest/gtest.h>

#include "tests/unit/vuln/reader_test_util.h"

namespace secgate::vuln {
namespace {

using testing::RunReader;
using testing::RunReaderOnFixture;

std::string Report(const std::string& cvss) {
  return R"({"database":{},"vulnerabilities":{"found":true,"count":1,"list":[{"advisory":{"id":"RUSTSEC-2025-0007",)"
         R"("package":"fastbuf","aliases":["CVE-2025-0505"],"cvss":)" + cvss +
         R"(},"versions":{"patched":[">=0.9.3"]},"package":{"name":"fastbuf","version":"0.9.1"}}]},)"
         R"("warnings":{"unmaintained":[{"kind":"unmaintained"}],"yanked":[{"kind":"yanked"},{"kind":"yanked"}]}})";
}

TEST(CargoAuditReader, SeverityFromCvssVector) {
  auto r = RunReader(&ReadCargoAudit, Report(R"("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")"));
  ASSERT_TRUE(r.status.ok()) << r.error;
  ASSERT_EQ(r.out.findings.size(), 1u);
  EXPECT_EQ(r.out.findings[0].severity, core::Severity::kCritical);  // 9.8
  EXPECT_DOUBLE_EQ(r.out.findings[0].score, 9.8);
  EXPECT_EQ(r.out.findings[0].fixed_versions, std::vector<std::string>{">=0.9.3"});
  EXPECT_EQ(r.out.skipped["warnings (unmaintained)"], 1);
  EXPECT_EQ(r.out.skipped["warnings (yanked)"], 2);
}

TEST(CargoAuditReader, NullCvssIsUnknown) {
  auto r = RunReader(&ReadCargoAudit, Report("null"));
  ASSERT_TRUE(r.status.ok()) << r.error;
  EXPECT_EQ(r.out.findings[0].severity, core::Severity::kUnknown);
}

TEST(CargoAuditReader, FixtureHasFourFindings) {
  // jq '.vulnerabilities.list | length' dd-many_findings.json -> 4
  auto r = RunReaderOnFixture(&ReadCargoAudit, "vuln/cargo-audit/dd-many_findings.json");
  ASSERT_TRUE(r.status.ok()) << r.error;
  EXPECT_EQ(r.out.findings.size(), 4u);
}

TEST(CargoAuditReader, Errors) {
  EXPECT_EQ(RunReader(&ReadCargoAudit, Report("7")).error,
            "in.json:/vulnerabilities/list/0/advisory/cvss: expected string, got number");
  EXPECT_EQ(RunReader(&ReadCargoAudit, Report(R"("CVSS:3.1/AV:Q")")).error,
            "in.json:/vulnerabilities/list/0/advisory/cvss: invalid CVSS v3 vector 'CVSS:3.1/AV:Q'");
  EXPECT_EQ(RunReader(&ReadCargoAudit, R"({"vulnerabilities":{"list":[{"advisory":{"id":"R-1"}}]}})").error,
            "in.json:/vulnerabilities/list/0: missing package");
}

}  // namespace
}  // namespace secgate::vuln
