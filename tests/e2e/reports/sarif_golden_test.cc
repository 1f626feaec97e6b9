// SARIF output compared byte for byte with golden files written by the
// reporter before it was changed to stream its results structurally (the
// old one spliced them in by searching the serialized text for a marker):
// real Trivy fixtures with waived, expiring and below-threshold findings, a
// real CycloneDX SBOM under a deny policy, and an error run. The tool
// version is the only part replaced (by @VERSION@) before comparing.
//
// To rewrite the golden files after an intended change:
//   SECGATE_UPDATE_GOLDEN=1 build/tests/e2e/reports/reports_e2e_test --gtest_filter='SarifGolden*'
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include <nlohmann/json.hpp>

#include "tests/e2e/reports/reports_e2e.h"

namespace secgate::reports_e2e {
namespace {

using secgate::testing::Fixture;
using secgate::testing::GateBinary;
using secgate::testing::ReadFile;
using secgate::testing::RunProcess;
using secgate::testing::SourceRoot;
using secgate::testing::TempDir;

std::string GoldenPath(const std::string& name) {
  return SourceRoot() + "/tests/e2e/reports/golden/" + name;
}

// `text` with every occurrence of the driver's version string replaced.
std::string WithoutVersion(const std::string& text) {
  auto doc = nlohmann::json::parse(text);
  std::string version = doc["runs"][0]["tool"]["driver"].value("version", "");
  if (version.empty()) return text;
  const std::string from = "\"" + version + "\"";
  std::string out = text;
  for (size_t at = out.find(from); at != std::string::npos; at = out.find(from, at))
    out.replace(at, from.size(), "\"@VERSION@\"");
  return out;
}

void ExpectGolden(const std::string& sarif_file, const std::string& golden) {
  std::string actual = WithoutVersion(ReadFile(sarif_file));
  if (std::getenv("SECGATE_UPDATE_GOLDEN")) {
    std::ofstream(GoldenPath(golden), std::ios::binary) << actual;
    return;
  }
  EXPECT_EQ(actual, ReadFile(GoldenPath(golden))) << golden;
}

TEST(SarifGoldenTest, TrivyFixturesWithWaivers) {
  Workspace ws;
  std::vector<std::string> args = {"--report", "sarif=out.sarif", "--fail-on", "critical"};
  for (const auto& f : TrivyFixtures()) args.push_back(f);
  ProcessResult r = ws.Vuln(args);
  ASSERT_EQ(r.exit_code, 1) << r.err;
  ExpectGolden(ws.Path("out.sarif"), "vuln-trivy.sarif");
}

TEST(SarifGoldenTest, CycloneDxUnderADenyPolicy) {
  TempDir dir;
  dir.Write("bom.json", ReadFile(Fixture("sbom/cyclonedx/dd-jake2.json")));
  dir.Write("secgate.yaml",
            "version: 1\nsbom:\n  licenses:\n    deny: [Apache-2.0]\n    unknown: warn\n");
  ProcessResult r = RunProcess(
      {GateBinary("secgate-sbom"), "--today", kToday, "--policy", "secgate.yaml", "--no-github",
       "--report", "sarif=out.sarif", "bom.json"},
      {.cwd = dir.path(), .unset_env = {"GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY"}});
  ASSERT_EQ(r.exit_code, 1) << r.err;
  ExpectGolden(dir.path() + "/out.sarif", "sbom-jake2.sarif");
}

TEST(SarifGoldenTest, ErrorRun) {
  Workspace ws;
  ws.Write("broken.json", "{\"SchemaVersion\": 2, \"Results\": [");
  ProcessResult r = ws.Vuln({"--report", "sarif=out.sarif", "broken.json"});
  ASSERT_EQ(r.exit_code, 2) << r.err;
  ExpectGolden(ws.Path("out.sarif"), "vuln-error.sarif");
}

}  // namespace
}  // namespace secgate::reports_e2e
