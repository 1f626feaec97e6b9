// End-to-end through secgate-vuln: a duplicate key in any object of any
// input format, read or skipped, exits 2 naming the object and the key.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/testing/run_process.h"

namespace secgate::testing {
namespace {

struct GateRun {
  ProcessResult p;
  nlohmann::json verdict;
};

GateRun Gate(const std::string& content, const std::vector<std::string>& extra = {}) {
  TempDir dir;
  dir.Write("in.json", content);
  std::vector<std::string> argv = {GateBinary("secgate-vuln"), "--quiet", "--today", "2026-01-15",
                                   "--report", "json=verdict.json"};
  argv.insert(argv.end(), extra.begin(), extra.end());
  argv.push_back("in.json");
  ProcessOptions o;
  o.cwd = dir.path();
  o.unset_env = {"GITHUB_ACTIONS"};
  GateRun r{RunProcess(argv, o), nullptr};
  r.verdict = nlohmann::json::parse(ReadFile(dir.path() + "/verdict.json"), nullptr, false);
  return r;
}

std::string Error(const std::string& where_and_what) {
  return "secgate-vuln: error: in.json:" + where_and_what + "\n";
}

const char kDup[] = " (ambiguous: JSON readers disagree on which copy wins)";

std::string TrivyVuln(const std::string& members) {
  return R"({"SchemaVersion":2,"ArtifactName":"a","Results":[{"Target":"t","Class":"os-pkgs",)"
         R"("Type":"alpine","Vulnerabilities":[{"VulnerabilityID":"CVE-2024-1","PkgName":"p",)"
         R"("InstalledVersion":"1")" + members + "}]}]}";
}

TEST(VulnDuplicateKeys, TrivySeverityTwiceIsRefused) {
  // Before: nlohmann kept the last copy, so CRITICAL,LOW read as LOW (a pass
  // with --fail-on critical).
  GateRun r = Gate(TrivyVuln(R"(,"Severity":"CRITICAL","Severity":"LOW")"), {"--fail-on", "critical"});
  EXPECT_EQ(r.p.exit_code, 2);
  EXPECT_EQ(r.p.err, Error(std::string("/Results/0/Vulnerabilities/0: duplicate key \"Severity\"") + kDup));
}

TEST(VulnDuplicateKeys, DuplicateInSkippedMembersIsRefused) {
  // Description and Layer are projected away; Metadata is never routed.
  GateRun a = Gate(TrivyVuln(R"(,"Severity":"LOW","Layer":{"Digest":"x","Digest":"y"})"));
  EXPECT_EQ(a.p.err, Error(std::string("/Results/0/Vulnerabilities/0/Layer: duplicate key \"Digest\"") + kDup));
  GateRun b = Gate(R"({"SchemaVersion":2,"Metadata":{"OS":{"Family":"alpine","Family":"debian"}},"Results":[]})");
  EXPECT_EQ(b.p.exit_code, 2);
  EXPECT_EQ(b.p.err, Error(std::string("/Metadata/OS: duplicate key \"Family\"") + kDup));
  GateRun c = Gate(R"({"SchemaVersion":2,"Results":[],"Results":[]})");
  EXPECT_EQ(c.p.err, Error(std::string("/: duplicate key \"Results\"") + kDup));
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
    EXPECT_EQ(r.p.err, Error(c.error + kDup));
  }
}

}  // namespace
}  // namespace secgate::testing
