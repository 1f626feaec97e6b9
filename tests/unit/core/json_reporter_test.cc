// Tests for gates/core/report/json_reporter.cc: the JSON verdict
// (secgate.verdict/v1, docs/json-schema.md) parses, and its head, summary,
// waivers, notes and findings say what the verdict says.
#include "gates/core/report/json_reporter.h"

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

std::string Text(const Verdict& v) {
  std::ostringstream out;
  JsonReporter().Write(v, out);
  return out.str();
}

json Render(const Verdict& v) { return json::parse(Text(v)); }  // Throws on invalid JSON.

// Critical and high fail (the high one is waived), medium is below the threshold.
Verdict ThreeFindings() {
  return MakeVerdict({VulnFinding("CVE-C", "a", "1.0", Severity::kCritical, 9.8),
                      VulnFinding("CVE-H", "b", "2.0", Severity::kHigh),
                      VulnFinding("CVE-M", "c", "3.0", Severity::kMedium)},
                     {MakeWaiver("CVE-H", "not reachable", "2026-02-01")});
}

const json* FindingById(const json& doc, const std::string& id) {
  for (const auto& f : doc["findings"])
    if (f["id"] == id) return &f;
  return nullptr;
}

TEST(JsonReporterTest, HeadNamesTheSchemaToolAndVerdict) {
  Verdict v = ThreeFindings();
  v.policy_source = "secgate.yaml";
  v.policy_sha256 = "abc";
  std::string text = Text(v);
  EXPECT_TRUE(text.starts_with("{\n  \"schema\": \"secgate.verdict/v1\",\n")) << text;
  json doc = json::parse(text);
  EXPECT_EQ(doc["schema"], "secgate.verdict/v1");
  EXPECT_EQ(doc["tool"], (json{{"name", "secgate-vuln"}, {"version", "0.1.0"}}));
  EXPECT_EQ(doc["gate"], "vuln");
  EXPECT_EQ(doc["verdict"], "fail");
  EXPECT_EQ(doc["exit_code"], 1);
  EXPECT_FALSE(doc.contains("error"));
  EXPECT_EQ(doc["today"], "2026-01-10");
  EXPECT_EQ(doc["policy"], (json{{"source", "secgate.yaml"}, {"sha256", "abc"}, {"fail_on", "high"}}));
  EXPECT_EQ(doc["waiver_file"]["source"], "secgate-waivers.yaml");
}

TEST(JsonReporterTest, SummaryCountsEveryDisposition) {
  // 3 violations, 2 waived, 4 below the threshold, 1 ignored: no two alike.
  std::vector<Finding> f = {VulnFinding("CVE-C", "a", "1", Severity::kCritical),
                            VulnFinding("CVE-V", "a", "1", Severity::kHigh),
                            VulnFinding("CVE-V", "b", "1", Severity::kHigh),
                            VulnFinding("CVE-W", "a", "1", Severity::kHigh),
                            VulnFinding("CVE-W", "b", "1", Severity::kHigh)};
  for (const char* pkg : {"a", "b", "c", "d"})
    f.push_back(VulnFinding("CVE-M", pkg, "1", Severity::kMedium));
  f.push_back(VulnFinding("CVE-I", "a", "1", Severity::kLow));
  f.back().ignore_reason = "not affected (scanner's ignore file)";
  json s = Render(MakeVerdict(f, {MakeWaiver("CVE-W", "not reachable", "2026-02-01")}))["summary"];
  EXPECT_EQ(s["findings"], 10);
  EXPECT_EQ(s["violations"], 3);
  EXPECT_EQ(s["waived"], 2);
  EXPECT_EQ(s["below_threshold"], 4);
  EXPECT_EQ(s["ignored"], 1);
  EXPECT_EQ(s["findings_before_dedup"], 10);
  EXPECT_EQ(s["by_severity"],
            (json{{"critical", 1}, {"high", 4}, {"medium", 4}, {"low", 1}, {"unknown", 0}}));
  EXPECT_FALSE(s.contains("by_class"));  // one class: not grouped
}

TEST(JsonReporterTest, FindingsAreWorstFirstWithTheirDisposition) {
  json doc = Render(ThreeFindings());
  ASSERT_EQ(doc["findings"].size(), 3u);
  const json& c = doc["findings"][0];
  EXPECT_EQ(c["id"], "CVE-C");
  EXPECT_EQ(c["severity"], "critical");
  EXPECT_EQ(c["score"], 9.8);
  EXPECT_EQ(c["disposition"], "violation");
  EXPECT_EQ(c["package"], (json{{"name", "a"}, {"version", "1.0"}, {"ecosystem", "npm"},
                                {"purl", "pkg:npm/a@1.0"}}));
  EXPECT_EQ(c["location"],
            (json{{"target", "package-lock.json"}, {"path", "web/package-lock.json"}}));
  EXPECT_EQ(c["fixed_versions"], json::array({"9.9.9"}));
  EXPECT_EQ(c["sources"], json::array({"trivy"}));
  EXPECT_FALSE(c["fingerprint"].get<std::string>().empty());
  EXPECT_FALSE(c.contains("waiver"));
  const json* m = FindingById(doc, "CVE-M");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ((*m)["disposition"], "below_threshold");
}

TEST(JsonReporterTest, AWaivedFindingCarriesItsWaiver) {
  json doc = Render(ThreeFindings());
  const json* h = FindingById(doc, "CVE-H");
  ASSERT_NE(h, nullptr);
  EXPECT_EQ((*h)["disposition"], "waived");
  EXPECT_EQ((*h)["waiver"], (json{{"id", "CVE-H"},
                                  {"owner", "jane@example.com"},
                                  {"reason", "not reachable"},
                                  {"ticket", "SEC-1"},
                                  {"expires", "2026-02-01"},
                                  {"line", 3}}));
  ASSERT_EQ(doc["waivers"].size(), 1u);
  const json& w = doc["waivers"][0];
  EXPECT_EQ(w["id"], "CVE-H");
  EXPECT_EQ(w["gate"], "vuln");
  EXPECT_EQ(w["status"], "active");
  EXPECT_EQ(w["created"], "2026-01-01");
  EXPECT_EQ(w["days_left"], 22);
  EXPECT_EQ(w["matches"], 1);
}

TEST(JsonReporterTest, NotesAndInputsAreListed) {
  Verdict v = ThreeFindings();
  v.notes = {"no policy file: built-in defaults", "baseline: wrote 3 waivers to b.yaml"};
  v.inputs.push_back({"trivy.json", "trivy", 3, {{"misconfigurations", 2}}});
  v.inputs.push_back({"grype.json", "grype", 0, {}});
  json doc = Render(v);
  EXPECT_EQ(doc["notes"], json::array({"no policy file: built-in defaults",
                                       "baseline: wrote 3 waivers to b.yaml"}));
  ASSERT_EQ(doc["inputs"].size(), 2u);
  EXPECT_EQ(doc["inputs"][0], (json{{"path", "trivy.json"},
                                    {"format", "trivy"},
                                    {"findings", 3},
                                    {"skipped", {{"misconfigurations", 2}}}}));
  EXPECT_FALSE(doc["inputs"][1].contains("skipped"));
}

TEST(JsonReporterTest, ASecretShowsOnlyItsRedaction) {
  Verdict v = MakeVerdict({SecretFinding("github-pat", "src/a.js", 7)}, {}, Gate::kSecrets);
  json f = Render(v)["findings"][0];
  EXPECT_EQ(f["secret"], (json{{"prefix", "ghp_"}, {"length", 40}}));
  EXPECT_EQ(f["location"], (json{{"path", "src/a.js"}, {"line", 7}}));
  EXPECT_EQ(f["fingerprint"], "secret:github-pat:0123456789abcdef");
  EXPECT_FALSE(f.contains("package"));
}

TEST(JsonReporterTest, MixedClassesAreCountedByClass) {
  Finding secret = SecretFinding("aws-access-key-id", "app/.env", 1);
  secret.cls = FindingClass::kSecret;
  json doc = Render(MakeVerdict({VulnFinding("CVE-1", "a", "1", Severity::kLow), secret}));
  EXPECT_EQ(doc["summary"]["by_class"], (json{{"vulnerability", 1}, {"secret", 1}}));
  for (const auto& f : doc["findings"]) EXPECT_TRUE(f.contains("class")) << f.dump();
}

TEST(JsonReporterTest, AnErrorVerdictHasTheErrorAndNoFindings) {
  Verdict v = MakeVerdict({});
  v.exit_code = ExitCode::kError;
  v.error = "r.json:/Results: expected array, got object";
  std::string text = Text(v);
  EXPECT_TRUE(text.ends_with("\"findings\": []\n}\n")) << text;
  json doc = json::parse(text);
  EXPECT_EQ(doc["verdict"], "error");
  EXPECT_EQ(doc["exit_code"], 2);
  EXPECT_EQ(doc["error"], "r.json:/Results: expected array, got object");
}

}  // namespace
}  // namespace secgate::core
