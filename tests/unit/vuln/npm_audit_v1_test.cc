// Unit tests for the npm 6 / pnpm / yarn 2-3 reader (npm_audit_v1.cc).
#include <gtest/gtest.h>

#include "tests/unit/vuln/reader_test_util.h"

namespace secgate::vuln {
namespace {

using testing::RunReader;
using testing::RunReaderOnFixture;

TEST(NpmAuditV1Reader, GhsaIdCveAndNumericAliases) {
  auto r = RunReaderOnFixture(&ReadNpmAuditV1, "vuln/npm-audit/auditci-npm6-high.json");
  ASSERT_TRUE(r.status.ok()) << r.error;
  ASSERT_EQ(r.out.findings.size(), 1u);
  const core::Finding& f = r.out.findings[0];
  EXPECT_EQ(f.id, "GHSA-hrpp-h998-j3pp");
  EXPECT_EQ(f.aliases, (std::vector<std::string>{"CVE-2022-24999", "NPM-1094102"}));
  EXPECT_EQ(f.package.version, "6.10.2");
  EXPECT_EQ(f.location.path, "qs");
}

TEST(NpmAuditV1Reader, PnpmRootPrefixIsStripped) {
  auto r = RunReaderOnFixture(&ReadNpmAuditV1, "vuln/pnpm-audit/dd-pnpm_audit_one_vuln.json");
  ASSERT_TRUE(r.status.ok()) << r.error;
  ASSERT_EQ(r.out.findings.size(), 2u);
  EXPECT_EQ(r.out.findings[0].location.path, "minimist");
}

TEST(NpmAuditV1Reader, DevFindingsAreDevOnly) {
  auto r = RunReader(&ReadNpmAuditV1, R"({"advisories":{"7":{"id":7,"module_name":"m","severity":"low",
    "findings":[{"version":"1.0.0","paths":["a>m"],"dev":true},{"version":"2.0.0","paths":["m"],"dev":false}]}},
    "metadata":{}})");
  ASSERT_TRUE(r.status.ok()) << r.error;
  ASSERT_EQ(r.out.findings.size(), 2u);
  EXPECT_EQ(r.out.findings[0].id, "NPM-7");
  EXPECT_TRUE(r.out.findings[0].dev_only);
  EXPECT_FALSE(r.out.findings[1].dev_only);
}

TEST(NpmAuditV1Reader, Errors) {
  const std::string head = R"({"advisories":{"1":{"id":1,"module_name":"qs",)";
  EXPECT_EQ(RunReader(&ReadNpmAuditV1, head + R"("severity":"high","findings":{}}},"metadata":{}})").error,
            "in.json:/advisories/1/findings: expected array, got object");
  EXPECT_EQ(RunReader(&ReadNpmAuditV1, R"({"advisories":{"1":{"id":1,"severity":"high"}},"metadata":{}})").error,
            "in.json:/advisories/1: missing module_name");
  EXPECT_EQ(RunReader(&ReadNpmAuditV1, head + R"("severity":"severe"}},"metadata":{}})").error,
            "in.json:/advisories/1/severity: unknown severity 'severe'");
  EXPECT_EQ(RunReader(&ReadNpmAuditV1, R"({"metadata":{}})").error,
            "in.json: not an npm 6 / pnpm / yarn 2-3 audit report: no advisories object");
}

}  // namespace
}  // namespace secgate::vuln
