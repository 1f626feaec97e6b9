// End-to-end through secgate-vuln: Trivy keys that differ from known ones
// only in case, Trivy findings without Severity or VulnerabilityID, Grype
// matches without severity, and the Trivy report shape with
// ImageID/RepoTags/RepoDigests beside Results.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/e2e/vuln/vuln_e2e_util.h"

namespace secgate::testing {
namespace {

TEST(VulnTrivyCase, CaseVariantKeysAreRefused) {
  struct Case {
    std::string content, error;
  };
  const std::string tail = R"( only in case (a case-insensitive reader takes it for )";
  const Case cases[] = {
      // Before: the findings under "vulnerabilities" were ignored (exit 0).
      {R"({"SchemaVersion":2,"Results":[{"Target":"t","vulnerabilities":[{"VulnerabilityID":"CVE-1","PkgName":"p","Severity":"CRITICAL"}]}]})",
       "/Results/0: key \"vulnerabilities\" differs from \"Vulnerabilities\"" + tail + "\"Vulnerabilities\")"},
      {R"({"SchemaVersion":2,"results":[{"Target":"t"}]})",
       "/: key \"results\" differs from \"Results\"" + tail + "\"Results\")"},
      {TrivyVuln(R"(,"Severity":"LOW","severity":"CRITICAL")"),
       "/Results/0/Vulnerabilities/0: key \"severity\" differs from \"Severity\"" + tail + "\"Severity\")"},
      {TrivyVuln(R"(,"Severity":"LOW","PkgIdentifier":{"purl":"pkg:apk/p@1"})"),
       "/Results/0/Vulnerabilities/0/PkgIdentifier: key \"purl\" differs from \"PURL\"" + tail + "\"PURL\")"},
      {R"([{"Target":"t","VULNERABILITIES":[]}])",
       "/0: key \"VULNERABILITIES\" differs from \"Vulnerabilities\"" + tail + "\"Vulnerabilities\")"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.content);
    GateRun r = Gate(c.content);
    EXPECT_EQ(r.p.exit_code, 2);
    EXPECT_EQ(r.p.err, ErrorLine(c.error));
  }
}

TEST(VulnTrivyFields, MissingSeverityIsAnError) {
  // Before: read as UNKNOWN.
  GateRun r = Gate(TrivyVuln(""));
  EXPECT_EQ(r.p.exit_code, 2);
  EXPECT_EQ(r.p.err, ErrorLine("/Results/0/Vulnerabilities/0: missing Severity (Trivy always writes one)"));
  GateRun empty = Gate(TrivyVuln(R"(,"Severity":"")"));
  EXPECT_EQ(empty.p.err, r.p.err);
  GateRun unknown = Gate(TrivyVuln(R"(,"Severity":"UNKNOWN")"));
  EXPECT_EQ(unknown.p.exit_code, 1) << unknown.p.err;  // unknown_as: high
}

TEST(VulnTrivyFields, LegacyRecordWithoutIdNamesTheRecord) {
  const std::string report =
      R"([{"Target":"a","Vulnerabilities":[{"VulnerabilityID":"CVE-2020-1","PkgName":"foo","Severity":"HIGH"}]},)"
      R"({"Target":"b","Vulnerabilities":[{"VulnerabilityID":"CVE-2020-2","PkgName":"bar","Severity":"LOW"},)"
      R"({"PkgName":"baz","InstalledVersion":"1","Severity":"CRITICAL"}]}])";
  GateRun r = Gate(report);
  EXPECT_EQ(r.p.exit_code, 2);
  EXPECT_EQ(r.p.err, ErrorLine("/1/Vulnerabilities/1: missing VulnerabilityID (Trivy always writes one)"));
}

TEST(VulnTrivyShape, ImageIdShapeWithoutSchemaVersionIsRead) {
  // Before: "not a recognised scanner report".
  const std::string report =
      R"({"ImageID":"sha256:0123","RepoTags":["app:1"],"RepoDigests":["app@sha256:4567"],)"
      R"x("Results":[{"Target":"app:1 (alpine 3.9.4)","Type":"alpine","Vulnerabilities":[)x"
      R"({"VulnerabilityID":"CVE-2019-1","PkgName":"openssl","InstalledVersion":"1.1.1b-r1","Severity":"MEDIUM"},)"
      R"({"VulnerabilityID":"CVE-2019-2","PkgName":"musl","InstalledVersion":"1.1.20-r4","Severity":"CRITICAL"}]}]})";
  GateRun r = Gate(report);
  EXPECT_EQ(r.p.exit_code, 1) << r.p.err;
  ASSERT_TRUE(r.verdict.is_object());
  EXPECT_EQ(r.verdict["summary"]["findings"], 2);
  EXPECT_EQ(r.verdict["summary"]["by_severity"]["critical"], 1);
  EXPECT_EQ(r.verdict["summary"]["by_severity"]["medium"], 1);
}

TEST(VulnGrype, MatchWithoutSeverityIsUnknownWithANote) {
  const std::string report =
      R"({"descriptor":{"name":"grype","version":"0.96.0"},"matches":[)"
      R"({"vulnerability":{"id":"CVE-2024-9","namespace":"nvd:cpe"},"artifact":{"name":"libx","version":"1"}},)"
      R"({"vulnerability":{"id":"CVE-2024-8","namespace":"nvd:cpe","severity":"Low"},"artifact":{"name":"liby","version":"1"}}]})";
  GateRun r = Gate(report);  // unknown_as high: fails
  EXPECT_EQ(r.p.exit_code, 1) << r.p.err;
  ASSERT_TRUE(r.verdict.is_object());
  EXPECT_EQ(r.verdict["summary"]["by_severity"]["unknown"], 1);
  EXPECT_EQ(r.verdict["summary"]["by_severity"]["low"], 1);
  ASSERT_TRUE(r.verdict["notes"].is_array());
  EXPECT_EQ(r.verdict["notes"][0], "in.json: grype: 1 match has no severity: read as UNKNOWN "
                                   "(vuln.unknown_as decides)");
  GateRun low = Gate(report, {"--fail-on", "critical"});
  EXPECT_EQ(low.p.exit_code, 0) << low.p.err;
}

}  // namespace
}  // namespace secgate::testing
