#include "gates/core/report/sarif_reporter.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/unit/core/report_test_util.h"

namespace secgate::core {
namespace {

using nlohmann::json;
using testing::MakeVerdict;
using testing::MakeWaiver;
using testing::SecretFinding;
using testing::VulnFinding;

json Render(const Verdict& v, size_t max_results = kSarifMaxResults) {
  std::ostringstream out;
  SarifReporter(max_results).Write(v, out);
  return json::parse(out.str());  // Throws (fails the test) on invalid JSON.
}

const json* FindRule(const json& run, const std::string& id) {
  for (const auto& r : run["tool"]["driver"]["rules"])
    if (r["id"] == id) return &r;
  return nullptr;
}

TEST(SarifReporterTest, RunHasToolAutomationAndOneRulePerId) {
  Verdict v = MakeVerdict({VulnFinding("CVE-1", "a", "1.0", Severity::kCritical, 9.8),
                           VulnFinding("CVE-1", "b", "2.0", Severity::kCritical, 9.1),
                           VulnFinding("CVE-2", "c", "1.0", Severity::kHigh)});
  json doc = Render(v);
  EXPECT_EQ(doc["version"], "2.1.0");
  ASSERT_EQ(doc["runs"].size(), 1u);
  const json& run = doc["runs"][0];
  const json& driver = run["tool"]["driver"];
  EXPECT_EQ(driver["name"], "secgate-vuln");
  EXPECT_EQ(driver["semanticVersion"], "0.1.0");
  EXPECT_EQ(driver["version"], "0.1.0");
  EXPECT_TRUE(driver["informationUri"].get<std::string>().starts_with("https://"));
  EXPECT_EQ(run["automationDetails"]["id"], "secgate-vuln/");
  ASSERT_EQ(driver["rules"].size(), 2u);
  const json* r1 = FindRule(run, "CVE-1");
  ASSERT_NE(r1, nullptr);
  // The rule's score is the worst of its findings, as a string.
  EXPECT_EQ((*r1)["properties"]["security-severity"], "9.8");
  EXPECT_EQ((*r1)["properties"]["problem.severity"], "error");
  EXPECT_NE(std::find((*r1)["properties"]["tags"].begin(), (*r1)["properties"]["tags"].end(),
                      "security"),
            (*r1)["properties"]["tags"].end());
  EXPECT_FALSE((*r1)["help"]["text"].get<std::string>().empty());
  EXPECT_NE((*r1)["help"]["markdown"].get<std::string>().find("`9.9.9`"), std::string::npos);
  // No score: the representative score of the band.
  EXPECT_EQ((*FindRule(run, "CVE-2"))["properties"]["security-severity"], "8.0");
  ASSERT_EQ(run["results"].size(), 3u);
  for (const auto& r : run["results"])
    EXPECT_EQ(driver["rules"][r["ruleIndex"].get<int>()]["id"], r["ruleId"]);
}

TEST(SarifReporterTest, LevelsFollowDispositionAndSeverity) {
  Verdict v = MakeVerdict({VulnFinding("CVE-C", "a", "1", Severity::kCritical),
                           VulnFinding("CVE-M", "b", "1", Severity::kMedium),
                           VulnFinding("CVE-L", "c", "1", Severity::kLow)},
                          {}, Gate::kVuln, Severity::kLow);
  Verdict below = MakeVerdict({VulnFinding("CVE-M", "b", "1", Severity::kMedium)});
  std::map<std::string, std::string> level;
  json doc = Render(v);
  for (const auto& r : doc["runs"][0]["results"]) level[r["ruleId"]] = r["level"];
  EXPECT_EQ(level["CVE-C"], "error");
  EXPECT_EQ(level["CVE-M"], "warning");
  EXPECT_EQ(level["CVE-L"], "note");
  EXPECT_EQ(Render(below)["runs"][0]["results"][0]["level"], "note");
}

TEST(SarifReporterTest, WaivedFindingsAreSuppressedNotDropped) {
  Verdict v = MakeVerdict({VulnFinding("CVE-W", "a", "1", Severity::kCritical)},
                          {MakeWaiver("CVE-W", "Not reachable from our code", "2026-06-01")});
  ASSERT_EQ(v.summary.waived, 1);
  json doc = Render(v);
  const json& results = doc["runs"][0]["results"];
  ASSERT_EQ(results.size(), 1u);
  const json& s = results[0]["suppressions"];
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0]["kind"], "external");
  EXPECT_EQ(s[0]["status"], "accepted");
  EXPECT_EQ(s[0]["justification"], "Not reachable from our code");
  EXPECT_EQ(s[0]["properties"]["owner"], "jane@example.com");
  EXPECT_EQ(results[0]["properties"]["disposition"], "waived");
}

TEST(SarifReporterTest, FingerprintsAreStableAndIgnoreLinesAndVersions) {
  Finding a = VulnFinding("CVE-1", "lodash", "4.17.4", Severity::kHigh);
  Finding b = VulnFinding("CVE-1", "lodash", "4.17.5", Severity::kHigh);
  Finding other = VulnFinding("CVE-1", "jquery", "4.17.4", Severity::kHigh);
  auto hash = [](const Finding& f) {
    return Render(MakeVerdict({f}))["runs"][0]["results"][0]["partialFingerprints"];
  };
  EXPECT_EQ(hash(a), hash(a));  // Same input, same output.
  EXPECT_EQ(hash(a)["primaryLocationLineHash"], hash(b)["primaryLocationLineHash"]);
  EXPECT_NE(hash(a)["secgate/v1"], hash(b)["secgate/v1"]);
  EXPECT_NE(hash(a)["primaryLocationLineHash"], hash(other)["primaryLocationLineHash"]);
  EXPECT_EQ(hash(a)["secgate/v1"], a.fingerprint);

  Finding s1 = SecretFinding("github-pat", "src/app.py", 3);
  Finding s2 = SecretFinding("github-pat", "src/app.py", 30);
  EXPECT_EQ(hash(s1), hash(s2));
}

TEST(SarifReporterTest, LocationsAreValidUrisWithAFallback) {
  Finding image = VulnFinding("CVE-1", "musl", "1", Severity::kHigh);
  image.location.path.clear();
  image.location.target = "alpine:3.9 (alpine 3.9.4)";
  Finding nowhere = VulnFinding("CVE-2", "musl", "1", Severity::kHigh);
  nowhere.location = {};
  nowhere.input.clear();
  Finding secret = SecretFinding("github-pat", "my dir/app.py", 12);
  std::map<std::string, json> loc;
  json doc = Render(MakeVerdict({image, nowhere}));
  for (const auto& r : doc["runs"][0]["results"])
    loc[r["ruleId"]] = r["locations"][0]["physicalLocation"];
  EXPECT_EQ(loc["CVE-1"]["artifactLocation"]["uri"], "alpine%3A3.9%20(alpine%203.9.4)");
  EXPECT_EQ(loc["CVE-2"]["artifactLocation"]["uri"], "secgate-vuln");
  EXPECT_EQ(loc["CVE-1"]["region"]["startLine"], 1);
  json s = Render(MakeVerdict({secret}, {}, Gate::kSecrets))["runs"][0]["results"][0];
  EXPECT_EQ(s["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "my%20dir/app.py");
  EXPECT_EQ(s["locations"][0]["physicalLocation"]["region"]["startLine"], 12);
}

TEST(SarifReporterTest, SecretMessagesShowOnlyPrefixLengthAndFingerprint) {
  json run = Render(MakeVerdict({SecretFinding("github-pat", "app.py", 3)}, {}, Gate::kSecrets))
                 ["runs"][0];
  std::string msg = run["results"][0]["message"]["text"];
  EXPECT_NE(msg.find("ghp_…"), std::string::npos) << msg;
  EXPECT_NE(msg.find("40 chars"), std::string::npos) << msg;
  EXPECT_NE(msg.find("secret:github-pat:0123456789abcdef"), std::string::npos) << msg;
  EXPECT_EQ(run["tool"]["driver"]["name"], "secgate-secrets");
  EXPECT_EQ(run["automationDetails"]["id"], "secgate-secrets/");
  auto tags = run["tool"]["driver"]["rules"][0]["properties"]["tags"];
  EXPECT_EQ(tags[0], "security");
  EXPECT_EQ(tags[1], "secret");
}

TEST(SarifReporterTest, CutKeepsTheWorstAndSaysHowManyWereLeftOut) {
  std::vector<Finding> f;
  for (int i = 0; i < 5; ++i)
    f.push_back(VulnFinding("CVE-LOW-" + std::to_string(i), "p", "1", Severity::kLow));
  f.push_back(VulnFinding("CVE-CRIT", "p", "1", Severity::kCritical));
  json run = Render(MakeVerdict(f), 2)["runs"][0];
  ASSERT_EQ(run["results"].size(), 2u);
  EXPECT_EQ(run["results"][0]["ruleId"], "CVE-CRIT");
  EXPECT_EQ(run["tool"]["driver"]["rules"].size(), 2u);  // Rules only for rendered results.
  EXPECT_EQ(run["properties"]["secgate"]["resultsOmitted"], 4);
  EXPECT_EQ(run["properties"]["secgate"]["resultsWritten"], 2);
}

TEST(SarifReporterTest, ErrorVerdictIsAFailedInvocation) {
  Verdict v;
  v.tool = "secgate-vuln";
  v.version = "0.1.0";
  v.exit_code = ExitCode::kError;
  v.error = "report.json: not JSON";
  json run = Render(v)["runs"][0];
  EXPECT_EQ(run["invocations"][0]["executionSuccessful"], false);
  EXPECT_EQ(run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"],
            "report.json: not JSON");
  EXPECT_TRUE(run["results"].empty());
}

TEST(SarifReporterTest, HostileTextStaysValidJson) {
  Finding f = VulnFinding("CVE-1", "evil\"pkg\n\x01", "1", Severity::kHigh);
  f.title = "bad utf8 \xFF\xFE here";
  json run = Render(MakeVerdict({f}))["runs"][0];
  EXPECT_NE(run["results"][0]["message"]["text"].get<std::string>().find("evil\"pkg"),
            std::string::npos);
}

// No finding id, however chosen, changes where the SARIF results go (the
// reporter once spliced them in at a marker).
TEST(ReportInjectionTest, SarifResultsStayAnArrayWhateverTheFindingId) {
  for (const std::string id : {"\x01secgate-results\x01", "\"results\": [", "]}]}"}) {
    SCOPED_TRACE(id);
    json doc = Render(MakeVerdict({VulnFinding(id, "a", "1.0", Severity::kHigh)}));
    const auto& run = doc["runs"][0];
    ASSERT_TRUE(run["results"].is_array()) << doc.dump();
    ASSERT_EQ(run["results"].size(), 1u);
    EXPECT_EQ(run["results"][0]["ruleId"], id);
    EXPECT_EQ(run["tool"]["driver"]["rules"][0]["id"], id);
    EXPECT_EQ(run["properties"]["secgate"]["resultsWritten"], 1);
  }
}

}  // namespace
}  // namespace secgate::core
