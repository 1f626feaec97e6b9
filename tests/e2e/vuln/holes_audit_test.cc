// End-to-end regressions for audit-format and osv-scanner reader holes:
// reports that contradict their own totals (exit 2, naming the file, what the
// totals say and what was read), osv-scanner records in no group (each is a
// finding) and osv-scanner packages known only by a git commit (read, not
// refused). Inputs are written to a temp dir and named relatively.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/testing/run_process.h"

namespace secgate::testing {
namespace {

// secgate-vuln with a JSON verdict in dir/verdict.json, on `files`.
ProcessResult RunFiles(const std::vector<std::string>& files, TempDir& dir) {
  std::vector<std::string> argv = {GateBinary("secgate-vuln"), "--quiet", "--today",
                                   "2026-01-15", "--report", "json=verdict.json"};
  argv.insert(argv.end(), files.begin(), files.end());
  ProcessOptions o;
  o.cwd = dir.path();  // no secgate.yaml / waiver file there: built-in defaults
  o.unset_env = {"GITHUB_ACTIONS"};
  return RunProcess(argv, o);
}

ProcessResult RunOn(const std::string& content, TempDir& dir) {
  dir.Write("in.json", content);
  return RunFiles({"in.json"}, dir);
}

std::string ErrorFor(const std::string& content) {
  TempDir dir;
  ProcessResult r = RunOn(content, dir);
  EXPECT_EQ(r.exit_code, 2) << content;
  return r.err;
}

nlohmann::json VerdictFor(const std::string& content, int exit_code) {
  TempDir dir;
  ProcessResult r = RunOn(content, dir);
  EXPECT_EQ(r.exit_code, exit_code) << r.err;
  return nlohmann::json::parse(ReadFile(dir.path() + "/verdict.json"));
}

bool HasNote(const nlohmann::json& v, const std::string& text) {
  for (const auto& n : v["notes"])
    if (n.get<std::string>().find(text) != std::string::npos) return true;
  return false;
}

const char kNpm7Meta[] =
    R"("metadata":{"vulnerabilities":{"info":0,"low":0,"moderate":0,"high":0,"critical":1,)"
    R"("total":1}}})";

TEST(VulnAuditHoles, Npm7MetadataWithEmptyVulnerabilities) {
  EXPECT_EQ(ErrorFor(std::string(R"({"auditReportVersion":2,"vulnerabilities":{},)") + kNpm7Meta),
            "secgate-vuln: error: in.json: metadata.vulnerabilities says critical 1, total 1 but "
            "the report lists none (vulnerable packages by severity)\n");
}

TEST(VulnAuditHoles, Npm7WithoutVulnerabilities) {
  EXPECT_EQ(ErrorFor(std::string(R"({"auditReportVersion":2,)") + kNpm7Meta),
            "secgate-vuln: error: in.json: missing vulnerabilities\n");
}

TEST(VulnAuditHoles, Npm7CarrierNamingAMissingPackage) {
  // express is flagged critical only through qs, which the report lacks:
  // the totals agree (one package) but no advisory is anywhere.
  EXPECT_EQ(ErrorFor(std::string(R"({"auditReportVersion":2,"vulnerabilities":{"express":)"
                                 R"({"name":"express","severity":"critical","via":["qs"]}},)") +
                     kNpm7Meta),
            "secgate-vuln: error: in.json:/vulnerabilities/express: no advisory in via[] and no "
            "carrier leads to one (via names qs)\n");
}

TEST(VulnAuditHoles, Npm7CarrierCycleWithoutAdvisory) {
  EXPECT_EQ(ErrorFor(R"({"auditReportVersion":2,"vulnerabilities":{)"
                     R"("a":{"name":"a","severity":"high","via":["b"]},)"
                     R"("b":{"name":"b","severity":"high","via":["a"]}}})"),
            "secgate-vuln: error: in.json:/vulnerabilities/a: no advisory in via[] and no "
            "carrier leads to one (via names b)\n");
}

TEST(VulnAuditHoles, Npm7TotalsMismatchBySeverity) {
  EXPECT_EQ(ErrorFor(R"({"auditReportVersion":2,"vulnerabilities":{"qs":{"name":"qs",)"
                     R"("severity":"low","via":[{"source":1,"name":"qs","severity":"low",)"
                     R"("url":"https://github.com/advisories/GHSA-hrpp-h998-j3pp"}]}},)"
                     R"("metadata":{"vulnerabilities":{"low":0,"high":1,"total":1}}})"),
            "secgate-vuln: error: in.json: metadata.vulnerabilities says high 1, total 1 but the "
            "report lists low 1, total 1 (vulnerable packages by severity)\n");
}

TEST(VulnAuditHoles, Npm6MetadataWithEmptyAdvisories) {
  EXPECT_EQ(ErrorFor(R"({"advisories":{},"metadata":{"vulnerabilities":{"info":0,"low":0,)"
                     R"("moderate":0,"high":2,"critical":0}}})"),
            "secgate-vuln: error: in.json: metadata.vulnerabilities says high 2 but the report "
            "lists none (dependency paths of the advisories, by severity)\n");
}

TEST(VulnAuditHoles, YarnClassicSummaryWithoutAdvisoryLines) {
  EXPECT_EQ(ErrorFor("{\"type\":\"auditSummary\",\"data\":{\"vulnerabilities\":{\"info\":0,"
                     "\"low\":0,\"moderate\":0,\"high\":0,\"critical\":3},\"dependencies\":9}}\n"),
            "secgate-vuln: error: in.json: auditSummary says critical 3 but the report lists "
            "none (dependency paths of the advisories, by severity)\n");
}

TEST(VulnAuditHoles, CargoAuditFoundWithEmptyList) {
  EXPECT_EQ(ErrorFor(R"({"database":{},"vulnerabilities":{"found":true,"count":1,"list":[]},)"
                     R"("warnings":{}})"),
            "secgate-vuln: error: in.json: vulnerabilities.found is true but "
            "vulnerabilities.list has 0 entries\n");
  EXPECT_EQ(ErrorFor(R"({"database":{},"vulnerabilities":{"found":false,"count":2,"list":[]},)"
                     R"("warnings":{}})"),
            "secgate-vuln: error: in.json: vulnerabilities.count says count 2 but the report "
            "lists none (entries of vulnerabilities.list)\n");
}

TEST(VulnAuditHoles, PipAuditEveryDependencySkipped) {
  EXPECT_EQ(ErrorFor(R"({"dependencies":[{"name":"a","skip_reason":"not on PyPI"},)"
                     R"({"name":"b","skip_reason":"not on PyPI"}],"fixes":[]})"),
            "secgate-vuln: error: in.json: pip-audit audited none of the 2 dependencies (every "
            "one has a skip_reason)\n");
}

const char kOsvHead[] =
    R"({"results":[{"source":{"path":"go.mod","type":"lockfile"},"packages":[{"package":)"
    R"({"name":"golang.org/x/net","version":"0.1.0","ecosystem":"Go"},"vulnerabilities":[)"
    R"({"id":"GO-1","database_specific":{"severity":"CRITICAL"}},)"
    R"({"id":"GO-2","database_specific":{"severity":"LOW"}}],)";

TEST(VulnAuditHoles, OsvRecordsInNoGroupAreFindings) {
  auto v = VerdictFor(std::string(kOsvHead) + R"("groups":[]}]}]})", 1);
  EXPECT_EQ(v["summary"]["by_severity"]["critical"], 1);
  EXPECT_EQ(v["summary"]["by_severity"]["low"], 1);
  EXPECT_TRUE(HasNote(v, "in.json: osv-scanner: 2 vulnerability records in no group, each read "
                         "as its own finding"))
      << v["notes"].dump();
}

TEST(VulnAuditHoles, OsvRecordLeftOutOfTheGroupsIsAFinding) {
  auto v = VerdictFor(std::string(kOsvHead) + R"("groups":[{"ids":["GO-2"]}]}]}]})", 1);
  EXPECT_EQ(v["summary"]["by_severity"]["critical"], 1);
  EXPECT_EQ(v["summary"]["by_severity"]["low"], 1);
  EXPECT_TRUE(HasNote(v, "1 vulnerability records in no group")) << v["notes"].dump();
}

TEST(VulnAuditHoles, OsvPackageKnownOnlyByCommit) {
  TempDir dir;
  ProcessResult r = RunFiles({Fixture("vuln/synthetic/osv-commit-only.json")}, dir);
  ASSERT_EQ(r.exit_code, 1) << r.err;
  auto v = nlohmann::json::parse(ReadFile(dir.path() + "/verdict.json"));
  ASSERT_EQ(v["findings"].size(), 1u);
  const auto& f = v["findings"][0];
  EXPECT_EQ(f["id"], "CVE-2022-37434");
  EXPECT_EQ(f["severity"], "critical");
  EXPECT_EQ(f["package"]["name"], "04f42ceca40f73e2978b50e93806c2a18c1281fc");
  EXPECT_EQ(f["package"]["ecosystem"], "git");
  EXPECT_EQ(f["location"]["commit"], "04f42ceca40f73e2978b50e93806c2a18c1281fc");
  EXPECT_EQ(f["location"]["path"], "third_party/zlib");
  EXPECT_EQ(f["fixed_versions"],
            nlohmann::json::array({"eff308af425b67093bab25f80f1ae950166bece1"}));
}

TEST(VulnAuditHoles, CountDifferencesOnRealReportsAreNoted) {
  // npm 7 counts vulnerable packages (15), the gate reads advisories (8).
  TempDir dir;
  ProcessResult r = RunFiles({Fixture("vuln/npm-audit/dd-v2-many_vuln_npm7.json"),
                              Fixture("vuln/npm-audit/dd-v1-many_vuln.json")},
                             dir);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  auto v = nlohmann::json::parse(ReadFile(dir.path() + "/verdict.json"));
  EXPECT_TRUE(HasNote(v, "npm audit metadata counts 15 vulnerable packages; read as 8 findings"))
      << v["notes"].dump();
  EXPECT_TRUE(HasNote(v, "npm audit metadata counts 15 vulnerable dependency paths; read as 5 "
                         "findings"))
      << v["notes"].dump();
}

}  // namespace
}  // namespace secgate::testing
