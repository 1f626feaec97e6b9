// End-to-end through secgate-vuln: a duplicate key in any object of any
// input format, read or skipped, exits 2 naming the object and the key.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/e2e/vuln/vuln_e2e_util.h"

namespace secgate::testing {
namespace {

const char kDup[] = " (ambiguous: JSON readers disagree on which copy wins)";

TEST(VulnDuplicateKeys, TrivySeverityTwiceIsRefused) {
  // Before: nlohmann kept the last copy, so CRITICAL,LOW read as LOW (a pass
  // with --fail-on critical).
  GateRun r = Gate(TrivyVuln(R"(,"Severity":"CRITICAL","Severity":"LOW")"), {"--fail-on", "critical"});
  EXPECT_EQ(r.p.exit_code, 2);
  EXPECT_EQ(r.p.err, ErrorLine(std::string("/Results/0/Vulnerabilities/0: duplicate key \"Severity\"") + kDup));
}

TEST(VulnDuplicateKeys, DuplicateInSkippedMembersIsRefused) {
  // Description and Layer are projected away; Metadata is never routed.
  GateRun a = Gate(TrivyVuln(R"(,"Severity":"LOW","Layer":{"Digest":"x","Digest":"y"})"));
  EXPECT_EQ(a.p.err, ErrorLine(std::string("/Results/0/Vulnerabilities/0/Layer: duplicate key \"Digest\"") + kDup));
  GateRun b = Gate(R"({"SchemaVersion":2,"Metadata":{"OS":{"Family":"alpine","Family":"debian"}},"Results":[]})");
  EXPECT_EQ(b.p.exit_code, 2);
  EXPECT_EQ(b.p.err, ErrorLine(std::string("/Metadata/OS: duplicate key \"Family\"") + kDup));
  GateRun c = Gate(R"({"SchemaVersion":2,"Results":[],"Results":[]})");
  EXPECT_EQ(c.p.err, ErrorLine(std::string("/: duplicate key \"Results\"") + kDup));
}

TEST(VulnDuplicateKeys, EveryOtherReaderRefusesThem) {
  struct Case {
    std::string content, error;
  };
  const Case cases[] = {
      {R"({"descriptor":{"name":"grype"},"matches":[{"vulnerability":{"id":"CVE-1","severity":"High","id":"CVE-2"},"artifact":{"name":"a"}}]})",
       "/matches/0/vulnerability: duplicate key \"id\""},
      {R"({"auditReportVersion":2,"vulnerabilities":{"qs":{"name":"qs","severity":"high","severity":"low","via":[]}}})",
       "/vulnerabilities/qs: duplicate key \"severity\""},
      {"{\"type\":\"auditSummary\",\"data\":{}}\n{\"type\":\"auditAdvisory\",\"type\":\"info\",\"data\":{}}\n",
       "2:/: duplicate key \"type\""},
      {R"({"bomFormat":"CycloneDX","specVersion":"1.5","vulnerabilities":[{"id":"CVE-1","ratings":[{"severity":"critical","severity":"low"}]}]})",
       "/vulnerabilities/0/ratings/0: duplicate key \"severity\""},
      {R"({"dependencies":[{"name":"j","version":"1","vulns":[{"id":"PYSEC-1","id":"PYSEC-2","fix_versions":[]}]}]})",
       "/dependencies/0/vulns/0: duplicate key \"id\""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.content);
    GateRun r = Gate(c.content);
    EXPECT_EQ(r.p.exit_code, 2);
    EXPECT_EQ(r.p.err, ErrorLine(c.error + kDup));
  }
}

}  // namespace
}  // namespace secgate::testing
