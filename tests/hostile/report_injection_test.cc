// Hostile values in the reporters' structural outputs: terminal control
// sequences in package names, Trivy targets, file names and SBOM component
// names must not reach GitHub workflow commands or the step summary raw
// (the workflow log renders ANSI sequences), and a finding id equal to the
// SARIF reporter's old splice marker must not change the document's shape.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/hostile/hostile_util.h"

namespace secgate::hostile {
namespace {

using testing::ProcessResult;
using testing::TempDir;

// ESC [2J, OSC 0 title, BEL, backspace, TAB, DEL and the 8-bit CSI U+009B.
const std::string kControls = "\x1b[2J\x1b]0;pwned\x07\b\t\x7f\xc2\x9b" "31m";

// Every byte that is a control character (LF ends lines and is allowed).
void ExpectNoControls(const std::string& text, const std::string& what) {
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char u = static_cast<unsigned char>(text[i]);
    bool c1 = u == 0xc2 && i + 1 < text.size() &&
              static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
              static_cast<unsigned char>(text[i + 1]) <= 0x9f;
    if (u == '\n') continue;
    ASSERT_FALSE(u < 0x20 || u == 0x7f || c1)
        << what << ": raw control byte 0x" << std::hex << int(u) << " at " << std::dec << i
        << " in:\n" << text;
  }
}

TEST(ReportInjectionTest, ControlCharactersNeverReachWorkflowCommandsOrTheSummary) {
  TempDir dir;
  TrivyVuln v;
  v.pkg = "evil" + kControls;
  v.version = "1.0" + kControls;
  v.title = "title" + kControls;
  v.target = "image" + kControls;
  v.pkg_path = "package-lock" + kControls + ".json";
  std::string path = dir.Write("ansi.json", TrivyReport({v}));
  ProcessResult r = RunGate("secgate-vuln", dir, {"--github", path},
                            {.env = {{"GITHUB_STEP_SUMMARY", dir.path() + "/summary.md"}}});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("::error file=package-lock\\x1b[2J"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("evil\\x1b[2J\\x1b]0;pwned\\x07\\x08\\x09\\x7f\\x9b31m"), std::string::npos)
      << r.out;
  ExpectNoControls(r.out, "annotations");
  ExpectNoControls(r.err, "stderr");
  std::string summary = testing::ReadFile(dir.path() + "/summary.md");
  EXPECT_NE(summary.find("evil"), std::string::npos) << summary;
  ExpectNoControls(summary, "step summary");
}

TEST(ReportInjectionTest, SbomComponentNamesAreEscapedInAnnotations) {
  TempDir dir;
  std::string name = JsonString("lib" + kControls);
  std::string bom = dir.Write(
      "bom" + kControls + ".json",
      R"({"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [{"type": "library",
          "bom-ref": "a", "name": )" + name + R"(, "version": "1",
          "licenses": [{"license": {"id": "GPL-3.0-only"}}]}]})");
  dir.Write("secgate.yaml", "sbom:\n  licenses:\n    deny: [GPL-3.0-only]\n");
  ProcessResult r = RunGate("secgate-sbom", dir,
                            {"--policy", dir.path() + "/secgate.yaml", "--github", bom});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("lib\\x1b[2J"), std::string::npos) << r.out;
  ExpectNoControls(r.out, "annotations");
}

TEST(ReportInjectionTest, AFindingIdEqualToTheOldSarifMarkerKeepsResultsAnArray) {
  TempDir dir;
  TrivyVuln v;
  v.id = "\x01secgate-results\x01";
  std::string path = dir.Write("marker.json", TrivyReport({v}));
  ProcessResult r = RunGate("secgate-vuln", dir, {"--report", "sarif=out.sarif", path});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  auto sarif = nlohmann::json::parse(testing::ReadFile(dir.path() + "/out.sarif"));
  const auto& run = sarif["runs"][0];
  ASSERT_TRUE(run["results"].is_array()) << run["results"].dump();
  ASSERT_EQ(run["results"].size(), 1u);
  EXPECT_EQ(run["results"][0]["ruleId"], v.id);
  EXPECT_EQ(run["tool"]["driver"]["rules"][0]["id"], v.id);
  EXPECT_TRUE(run["properties"]["secgate"].is_object());
}

}  // namespace
}  // namespace secgate::hostile
