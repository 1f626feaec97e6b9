// Unit tests for the pip-audit reader (pip_audit.cc).
#include <gtest/gtest.h>

#include "tests/unit/vuln/reader_test_util.h"

namespace secgate::vuln {
namespace {

using testing::RunReader;
using testing::RunReaderOnFixture;

TEST(PipAuditReader, ObjectShapeUnknownSeverityAndPurl) {
  auto r = RunReader(&ReadPipAudit, R"({"dependencies":[{"name":"Jinja_Lite","version":"2.0.1","vulns":[
    {"id":"PYSEC-2025-11","fix_versions":["2.0.4"],"aliases":["CVE-2025-0404"],"description":"Sandbox escape."}]},
    {"name":"internal","skip_reason":"Dependency not found on the package index"}],"fixes":[]})");
  ASSERT_TRUE(r.status.ok()) << r.error;
  ASSERT_EQ(r.out.findings.size(), 1u);
  const core::Finding& f = r.out.findings[0];
  EXPECT_EQ(f.severity, core::Severity::kUnknown);
  EXPECT_EQ(f.package.purl, "pkg:pypi/jinja-lite@2.0.1");
  EXPECT_EQ(f.aliases, std::vector<std::string>{"CVE-2025-0404"});
  EXPECT_EQ(r.out.skipped["not audited"], 1);
  ASSERT_EQ(r.out.notes.size(), 1u);
  EXPECT_NE(r.out.notes[0].find("internal: Dependency not found"), std::string::npos);
}

TEST(PipAuditReader, LegacyArrayShape) {
  auto r = RunReaderOnFixture(&ReadPipAudit, "vuln/pip-audit/dd-zero_vulns.json");
  ASSERT_TRUE(r.status.ok()) << r.error;
  EXPECT_EQ(r.out.findings.size(), 0u);
  EXPECT_EQ(r.out.skipped["not audited"], 1);
}

TEST(PipAuditReader, Errors) {
  const std::string head = R"({"dependencies":[{"name":"j","version":"1","vulns":[)";
  EXPECT_EQ(RunReader(&ReadPipAudit, head + R"({"id":"PYSEC-1","fix_versions":"2"}]}]})").error,
            "in.json:/dependencies/0/vulns/0/fix_versions: expected array, got string");
  EXPECT_EQ(RunReader(&ReadPipAudit, head + R"({"fix_versions":[]}]}]})").error,
            "in.json:/dependencies/0/vulns/0: missing id");
  EXPECT_EQ(RunReader(&ReadPipAudit, R"({"dependencies":[{"name":"j","version":"1"}]})").error,
            "in.json:/dependencies/0: missing vulns (or skip_reason)");
  EXPECT_EQ(RunReader(&ReadPipAudit, R"({"dependencies":{}})").error,
            "in.json:/dependencies: expected array, got object");
}

}  // namespace
}  // namespace secgate::vuln
