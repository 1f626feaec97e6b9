// Unit tests for the npm 7+ audit reader (gates/vuln/readers/npm_audit_v2.cc).
#include <gtest/gtest.h>

#include "tests/unit/vuln/reader_test_util.h"

namespace secgate::vuln {
namespace {

using testing::RunReader;
using testing::RunReaderOnFixture;

TEST(NpmAuditV2Reader, CarriersAreNotCounted) {
  // jq '[.vulnerabilities[].via[] | objects] | length' dd-v2-many_vuln_npm7.json -> 8
  // (15 map entries; the others only carry advisories of their dependencies)
  auto r = RunReaderOnFixture(&ReadNpmAuditV2, "vuln/npm-audit/dd-v2-many_vuln_npm7.json");
  ASSERT_TRUE(r.status.ok()) << r.error;
  EXPECT_EQ(r.out.findings.size(), 8u);
  // npmjs.com URLs carry no GHSA: the numeric id is all there is.
  bool saw_numeric = false;
  for (const auto& f : r.out.findings) saw_numeric |= f.id == "NPM-1488";
  EXPECT_TRUE(saw_numeric);
}

TEST(NpmAuditV2Reader, GhsaFromUrlNumericOnlyAlias) {
  auto r = RunReaderOnFixture(&ReadNpmAuditV2, "vuln/npm-audit/auditci-npm7-high.json");
  ASSERT_TRUE(r.status.ok()) << r.error;
  ASSERT_EQ(r.out.findings.size(), 1u);
  const core::Finding& f = r.out.findings[0];
  EXPECT_EQ(f.id, "GHSA-hrpp-h998-j3pp");
  EXPECT_EQ(f.aliases, std::vector<std::string>{"NPM-1094102"});
  EXPECT_EQ(f.package.name, "qs");
  EXPECT_EQ(f.package.version, "");
  EXPECT_EQ(f.fixed_versions, std::vector<std::string>{"6.11.2"});
  EXPECT_EQ(f.location.path, "node_modules/qs");
  EXPECT_EQ(f.severity, core::Severity::kHigh);
}

TEST(NpmAuditV2Reader, Errors) {
  const std::string head = R"({"auditReportVersion":2,"vulnerabilities":{"qs":{"name":"qs","severity":"high","via":)";
  EXPECT_EQ(RunReader(&ReadNpmAuditV2, head + R"("qs"}}})").error,
            "in.json:/vulnerabilities/qs/via: expected array, got string");
  EXPECT_EQ(RunReader(&ReadNpmAuditV2, head + R"([{"source":1,"name":"qs"}]}}})").error,
            "in.json:/vulnerabilities/qs/via/0: missing severity");
  EXPECT_EQ(RunReader(&ReadNpmAuditV2, head + R"([{"source":1,"name":"qs","severity":"urgent"}]}}})").error,
            "in.json:/vulnerabilities/qs/via/0/severity: unknown severity 'urgent'");
  EXPECT_EQ(RunReader(&ReadNpmAuditV2, R"({"auditReportVersion":3,"vulnerabilities":{}})").error,
            "in.json:/auditReportVersion: unsupported npm auditReportVersion 3 (expected 2)");
  EXPECT_EQ(RunReader(&ReadNpmAuditV2,
                      R"({"error":{"code":"ENOLOCK","summary":"This command requires an existing lockfile."}})")
                .error,
            "in.json:/error: the audit failed: ENOLOCK: This command requires an existing lockfile.");
}

}  // namespace
}  // namespace secgate::vuln
