// SARIF from secgate-code on real SARIF and Trivy inputs (tests/fixtures/
// code/), with a waived finding and an error run, validated against the
// official SARIF 2.1.0 schema; and one run per producing tool, each holding
// exactly that tool's findings of the JSON verdict written by the same run.
#include <gtest/gtest.h>

#include <map>

#include <nlohmann/json.hpp>

#include "tests/e2e/reports/reports_e2e.h"

namespace secgate::reports_e2e {
namespace {

using nlohmann::json;
using secgate::testing::Fixture;
using secgate::testing::GateBinary;
using secgate::testing::ReadFile;
using secgate::testing::RunProcess;
using secgate::testing::TempDir;

class CodeSarifTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_NO_FATAL_FAILURE(InstallNodeTools()); }

  // secgate-code with SARIF and JSON reports named after `name`.
  ProcessResult Code(const std::string& name, const std::vector<std::string>& inputs) {
    std::vector<std::string> argv = {GateBinary("secgate-code"), "--today", kToday, "--quiet",
                                     "--report", "sarif=" + name + ".sarif",
                                     "--report", "json=" + name + ".json"};
    for (const auto& in : inputs) argv.push_back(Fixture("code/" + in));
    ProcessOptions o;
    o.cwd = dir_.path();
    return RunProcess(argv, o);
  }
  json Doc(const std::string& file) { return json::parse(ReadFile(dir_.path() + "/" + file)); }
  TempDir dir_;
};

// The verdict's findings per producing tool.
std::map<std::string, int> FindingsByTool(const json& verdict) {
  std::map<std::string, int> out;
  for (const auto& f : verdict["findings"]) out[f["code"]["tool"].get<std::string>()]++;
  return out;
}

std::map<std::string, int> ResultsByRun(const json& sarif) {
  std::map<std::string, int> out;
  for (const auto& run : sarif["runs"]) {
    const std::string tool = run["tool"]["driver"]["name"];
    EXPECT_EQ(out.count(tool), 0u) << "two runs for " << tool;
    out[tool] = static_cast<int>(run["results"].size());
  }
  return out;
}

TEST_F(CodeSarifTest, OneValidRunPerProducingTool) {
  // Two LGTM runs in one log, semgrep with upstream suppressions, CodeQL
  // rules in extensions, Trivy misconfigurations: four producers.
  const std::vector<std::string> inputs = {
      "sarif/dd-lgtm-export-2runs.sarif", "sarif/semgrep-ci-autofix.sarif",
      "sarif/dd-codeQL-output.sarif", "trivy/trivy-helm_testchart.json"};
  auto r = Code("mixed", inputs);
  ASSERT_EQ(r.exit_code, 1) << r.err;
  const json verdict = Doc("mixed.json");
  const json sarif = Doc("mixed.sarif");
  const auto by_tool = FindingsByTool(verdict);
  EXPECT_EQ(by_tool.size(), 4u);
  EXPECT_EQ(ResultsByRun(sarif), by_tool);
  for (const auto& run : sarif["runs"])
    EXPECT_FALSE(run["tool"]["driver"]["rules"].empty()) << run["tool"]["driver"]["name"];

  // Each fixture alone: the same one-run-per-tool rule.
  std::vector<std::string> files = {dir_.path() + "/mixed.sarif"};
  for (size_t i = 0; i < inputs.size(); ++i) {
    const std::string name = "alone" + std::to_string(i);
    auto one = Code(name, {inputs[i]});
    ASSERT_NE(one.exit_code, 2) << one.err;
    EXPECT_EQ(ResultsByRun(Doc(name + ".sarif")), FindingsByTool(Doc(name + ".json")))
        << inputs[i];
    files.push_back(dir_.path() + "/" + name + ".sarif");
  }
  auto valid = ValidateSarif(files);
  EXPECT_EQ(valid.exit_code, 0) << valid.out << valid.err;
}

TEST_F(CodeSarifTest, WaivedAndErrorRunsValidate) {
  auto first = Code("first", {"sarif/semgrep-with-source-edit.sarif"});
  ASSERT_EQ(first.exit_code, 1) << first.err;
  std::string fp, tool;  // of a violation: "Semgrep OSS" is this log's driver name
  const json verdict = Doc("first.json");
  for (const auto& f : verdict["findings"]) {
    if (f["disposition"] != "violation") continue;
    fp = f["fingerprint"];
    tool = f["code"]["tool"];
  }
  ASSERT_FALSE(fp.empty());
  dir_.Write("secgate-waivers.yaml", "version: 1\nwaivers:\n  - id: " + fp +
                                         "\n    gate: code\n    tool: " + tool + "\n"
                                         "    reason: reviewed, the input is a constant\n"
                                         "    owner: appsec@example.com\n"
                                         "    created: 2026-01-01\n    expires: 2026-03-01\n");
  auto waived = Code("waived", {"sarif/semgrep-with-source-edit.sarif"});
  EXPECT_NE(waived.exit_code, 2) << waived.err;
  int suppressed = 0;
  const json sarif = Doc("waived.sarif");
  for (const auto& res : sarif["runs"][0]["results"]) {
    if (!res.contains("suppressions")) continue;
    ++suppressed;
    EXPECT_EQ(res["suppressions"][0]["kind"], "external");
  }
  EXPECT_EQ(suppressed, 1);

  auto error = Code("error", {"sarif/checkov-openapi-runner-results.sarif"});
  ASSERT_EQ(error.exit_code, 2);
  EXPECT_EQ(Doc("error.sarif")["runs"][0]["invocations"][0]["executionSuccessful"], false);
  auto valid = ValidateSarif({dir_.path() + "/waived.sarif", dir_.path() + "/error.sarif"});
  EXPECT_EQ(valid.exit_code, 0) << valid.out << valid.err;
}

}  // namespace
}  // namespace secgate::reports_e2e
