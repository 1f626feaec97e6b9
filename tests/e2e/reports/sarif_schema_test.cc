// SARIF from the real gates, validated against the official OASIS schema
// (tests/schemas/sarif-2.1.0.json) by Ajv. The validator is installed by
// tests/tools/install-node-tools.sh; when that fails the test fails (it
// never skips). To cover another gate, add a GateRun to Runs().
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/e2e/reports/reports_e2e.h"

namespace secgate::reports_e2e {
namespace {

using nlohmann::json;
using secgate::testing::ReadFile;

struct GateRun {
  std::string name;                ///< Output file stem.
  std::vector<std::string> args;   ///< Arguments after the common ones.
  int exit_code;                   ///< Expected exit code.
  int suppressed;                  ///< Results expected to carry a suppression.
};

// Every gate available now: secgate-vuln on each real Trivy fixture, all of
// them at once, and an error run (whose SARIF must be valid too).
std::vector<GateRun> Runs() {
  std::vector<GateRun> runs = {
      {"vuln-alpine", {"alpine-39.json"}, 1, 1},
      {"vuln-debian", {"debian-buster.json"}, 0, 1},
      {"vuln-gomod", {"gomod.json"}, 1, 0},
      {"vuln-pnpm", {"pnpm.json"}, 0, 1},
      {"vuln-centos", {"centos-7.json"}, 0, 0},
      {"vuln-clean", {"alpine-39-skip.json"}, 0, 0},
      {"vuln-error", {"no-such-report.json"}, 2, 0},
  };
  std::vector<std::string> all = TrivyFixtures();
  runs.push_back({"vuln-all", all, 1, 3});
  return runs;
}

class SarifSchemaTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_NO_FATAL_FAILURE(InstallNodeTools()); }
  Workspace ws_;
};

TEST_F(SarifSchemaTest, EveryGateRunValidatesAgainstTheOfficialSchema) {
  std::vector<std::string> files;
  int suppressed_total = 0;
  for (const auto& run : Runs()) {
    std::string out = run.name + ".sarif";
    std::vector<std::string> args = {"--quiet", "--report", "sarif=" + out};
    args.insert(args.end(), run.args.begin(), run.args.end());
    auto r = ws_.Vuln(args);
    ASSERT_EQ(r.exit_code, run.exit_code) << run.name << "\n" << r.out << r.err;
    std::string text = ReadFile(ws_.Path(out));
    ASSERT_FALSE(text.empty()) << run.name;
    json doc = json::parse(text);
    const json& results = doc["runs"][0]["results"];
    int suppressed = 0;
    for (const auto& res : results) {
      if (!res.contains("suppressions")) continue;
      ++suppressed;
      EXPECT_EQ(res["suppressions"][0]["kind"], "external");
      EXPECT_EQ(res["suppressions"][0]["status"], "accepted");
      EXPECT_FALSE(res["suppressions"][0]["justification"].get<std::string>().empty());
    }
    EXPECT_EQ(suppressed, run.suppressed) << run.name;
    suppressed_total += suppressed;
    if (run.exit_code == 2) {
      EXPECT_EQ(doc["runs"][0]["invocations"][0]["executionSuccessful"], false);
    }
    files.push_back(ws_.Path(out));
  }
  ASSERT_GT(suppressed_total, 0);
  auto v = ValidateSarif(files);
  EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
}

// The validator really checks: a document that breaks the schema fails.
TEST_F(SarifSchemaTest, ValidatorRejectsAnInvalidDocument) {
  auto r = ws_.Vuln({"--quiet", "--report", "sarif=ok.sarif", "alpine-39.json"});
  ASSERT_EQ(r.exit_code, 1) << r.err;
  json doc = json::parse(ReadFile(ws_.Path("ok.sarif")));
  doc["runs"][0]["results"][0]["level"] = "fatal";
  doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] =
      "not a uri";
  std::string bad = ws_.Write("bad.sarif", doc.dump());
  auto v = ValidateSarif({bad});
  EXPECT_EQ(v.exit_code, 1) << v.out << v.err;
  EXPECT_NE(v.err.find("level"), std::string::npos) << v.err;
  EXPECT_NE(v.err.find("uri-reference"), std::string::npos) << v.err;
}

TEST_F(SarifSchemaTest, ImageTargetsBecomeEncodedUrisAndFingerprintsAreStable) {
  ASSERT_EQ(ws_.Vuln({"--quiet", "--report", "sarif=a.sarif", "alpine-39.json"}).exit_code, 1);
  ASSERT_EQ(ws_.Vuln({"--quiet", "--report", "sarif=b.sarif", "alpine-39.json"}).exit_code, 1);
  std::string a = ReadFile(ws_.Path("a.sarif"));
  EXPECT_EQ(a, ReadFile(ws_.Path("b.sarif")));  // Same input, byte-identical report.
  json doc = json::parse(a);
  EXPECT_EQ(doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
               ["uri"],
            "testdata/fixtures/images/alpine-39.tar.gz%20(alpine%203.9.4)");
  EXPECT_EQ(doc["runs"][0]["tool"]["driver"]["rules"][0]["properties"]["security-severity"],
            "9.8");
}

}  // namespace
}  // namespace secgate::reports_e2e
