// GitLab Code Quality from the real gates on real fixtures: valid against
// the documented field list (tests/schemas/gitlab-codequality.json, through
// Ajv), one item per violation or waived finding with the mapped severity,
// fingerprints unique and stable, and no secret value in the file.
#include <gtest/gtest.h>

#include <set>

#include <nlohmann/json.hpp>

#include "tests/e2e/reports/reports_e2e.h"

namespace secgate::reports_e2e {
namespace {

using nlohmann::json;
using secgate::testing::GateBinary;
using secgate::testing::ReadFile;
using secgate::testing::RunProcess;
using secgate::testing::SourceRoot;
using secgate::testing::TempDir;

ProcessResult ValidateCodeQuality(const std::string& file) {
  return RunProcess({"/usr/bin/env", "node", SourceRoot() + "/tests/tools/validate-json-schema.js",
                     SourceRoot() + "/tests/schemas/gitlab-codequality.json", file},
                    {.timeout_seconds = 120});
}

std::string Expected(const json& finding) {
  if (finding["disposition"] == "waived") return "info";
  std::string s = finding.value("counted_as", finding["severity"].get<std::string>());
  if (s == "critical") return "blocker";
  if (s == "high") return "critical";
  if (s == "medium") return "major";
  if (s == "low") return "minor";
  return "info";
}

class CodeQualityTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_NO_FATAL_FAILURE(InstallNodeTools()); }
};

TEST_F(CodeQualityTest, VulnItemsMatchTheVerdict) {
  Workspace ws;
  std::vector<std::string> args = {"--quiet", "--report", "codequality=cq.json", "--report",
                                   "json=v.json"};
  for (const auto& f : TrivyFixtures()) args.push_back(f);
  auto r = ws.Vuln(args);
  ASSERT_EQ(r.exit_code, 1) << r.err;
  auto valid = ValidateCodeQuality(ws.Path("cq.json"));
  EXPECT_EQ(valid.exit_code, 0) << valid.err;
  json cq = json::parse(ReadFile(ws.Path("cq.json")));
  json v = json::parse(ReadFile(ws.Path("v.json")));
  ASSERT_TRUE(cq.is_array());
  EXPECT_EQ(cq.size(), v["summary"]["violations"].get<size_t>() + v["summary"]["waived"].get<size_t>());
  ASSERT_GT(v["summary"]["waived"].get<int>(), 0);
  std::multiset<std::string> want, got;
  for (const auto& f : v["findings"])
    if (f["disposition"] == "violation" || f["disposition"] == "waived")
      want.insert("secgate-vuln/" + f["id"].get<std::string>() + " " + Expected(f));
  std::set<std::string> fingerprints;
  for (const auto& item : cq) {
    got.insert(item["check_name"].get<std::string>() + " " + item["severity"].get<std::string>());
    EXPECT_TRUE(fingerprints.insert(item["fingerprint"]).second) << item.dump();
    EXPECT_EQ(item["fingerprint"].get<std::string>().size(), 32u);
    EXPECT_FALSE(item["location"]["path"].get<std::string>().empty());
  }
  EXPECT_EQ(got, want);

  // Same inputs, same fingerprints: GitLab pairs base and head by them.
  auto again = ws.Vuln({"--quiet", "--report", "codequality=cq2.json", TrivyFixtures()[0]});
  json cq2 = json::parse(ReadFile(ws.Path("cq2.json")));
  for (const auto& item : cq2) EXPECT_TRUE(fingerprints.count(item["fingerprint"])) << item.dump();
}

TEST_F(CodeQualityTest, SecretsItemsPointAtTheLineAndHideTheValue) {
  TempDir dir;
  // A synthetic token of GitHub's classic PAT shape, assembled at run time.
  const std::string token = std::string("gh") + "p_" + "Q7vR2mX9kL4pW8nT3jH6sD1fG5bY0cZeA2uN";
  dir.Write("src/app.env", "# settings\nNAME=x\nGITHUB_TOKEN=" + token + "\n");
  auto r = RunProcess({GateBinary("secgate-secrets"), "--quiet", "--report", "codequality=cq.json",
                       "src"},
                      {.cwd = dir.path()});
  ASSERT_EQ(r.exit_code, 1) << r.err;
  std::string text = ReadFile(dir.path() + "/cq.json");
  EXPECT_EQ(text.find(token), std::string::npos);
  EXPECT_EQ(text.find(token.substr(8)), std::string::npos);
  auto valid = ValidateCodeQuality(dir.path() + "/cq.json");
  EXPECT_EQ(valid.exit_code, 0) << valid.err;
  json cq = json::parse(text);
  ASSERT_EQ(cq.size(), 1u) << text;
  EXPECT_EQ(cq[0]["location"]["path"], "src/app.env");
  EXPECT_EQ(cq[0]["location"]["lines"]["begin"], 3);
  EXPECT_EQ(cq[0]["severity"], "blocker");  // github-pat-classic is critical
}

TEST_F(CodeQualityTest, APassingRunIsAnEmptyList) {
  TempDir dir;
  dir.Write("src/readme.txt", "nothing to see\n");
  auto r = RunProcess({GateBinary("secgate-secrets"), "--quiet", "--report", "codequality=-", "src"},
                      {.cwd = dir.path()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "[]\n");
}

}  // namespace
}  // namespace secgate::reports_e2e
