// Every real Trivy report in tests/fixtures/vuln/trivy/ through the real
// binary, with the default policy (fail on high; unknown counts as high).
// Expected counts were computed with jq, independently of secgate:
//   jq -c '[(if type=="array" then .[] else .Results[]? end) | .Vulnerabilities[]?
//          | .Severity] | group_by(.) | map({(.[0]): length}) | add' FILE
// and then adjusted by hand for dedup where noted.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/testing/run_process.h"

namespace secgate {
namespace {

using testing::Fixture;
using testing::GateBinary;
using testing::RunProcess;

struct Expected {
  const char* file;
  int critical, high, medium, low, unknown;
  int before_dedup;
  int exit_code;
};

class TrivyCountsTest : public ::testing::TestWithParam<Expected> {};

TEST_P(TrivyCountsTest, CountsPerSeverityAndExitCode) {
  const Expected& e = GetParam();
  testing::TempDir dir;
  std::string json_path = dir.path() + "/verdict.json";
  auto r = RunProcess({GateBinary("secgate-vuln"), "--today", "2026-11-21", "--quiet",
                       "--report", "json=" + json_path, Fixture(std::string("vuln/trivy/") + e.file)},
                      {.cwd = dir.path()});
  EXPECT_EQ(r.exit_code, e.exit_code) << r.err;
  EXPECT_EQ(r.out, "");  // --quiet
  auto v = nlohmann::json::parse(testing::ReadFile(json_path));
  const auto& by = v["summary"]["by_severity"];
  EXPECT_EQ(by["critical"], e.critical);
  EXPECT_EQ(by["high"], e.high);
  EXPECT_EQ(by["medium"], e.medium);
  EXPECT_EQ(by["low"], e.low);
  EXPECT_EQ(by["unknown"], e.unknown);
  EXPECT_EQ(v["summary"]["findings_before_dedup"], e.before_dedup);
  EXPECT_EQ(v["exit_code"], e.exit_code);
  EXPECT_EQ(v["verdict"], e.exit_code == 1 ? "fail" : "pass");
  EXPECT_EQ(v["inputs"][0]["format"], "trivy");
}

INSTANTIATE_TEST_SUITE_P(
    RealReports, TrivyCountsTest,
    ::testing::Values(
        Expected{"alpine-39.json", 2, 0, 4, 0, 0, 6, 1},
        Expected{"alpine-39-skip.json", 0, 0, 0, 0, 0, 0, 0},
        Expected{"amazon-2.json", 0, 0, 1, 1, 0, 2, 0},
        // Two CVEs share vendor advisory RHSA-2019:2304: still two findings.
        Expected{"centos-7.json", 0, 0, 1, 2, 0, 3, 0},
        Expected{"debian-buster.json", 1, 0, 0, 1, 0, 2, 1},
        // GMS-2022-20 in the same module version under three go.mod targets
        // is one finding after dedup: 4 UNKNOWN -> 2.
        Expected{"gomod.json", 0, 0, 1, 0, 2, 5, 1},
        Expected{"gradle.json", 1, 1, 0, 0, 0, 2, 1},
        Expected{"mariner-1.0.json", 0, 1, 0, 1, 0, 2, 1},
        Expected{"pnpm.json", 1, 0, 1, 0, 0, 2, 1},
        Expected{"report-legacy-old.json", 0, 1, 0, 0, 0, 1, 1},
        // Secrets are gated (class secret): jq '[.Results[].Secrets[]?.Severity]'
        // -> CRITICAL, HIGH; secrets.fail_on low fails on both.
        Expected{"secrets.json", 1, 1, 0, 0, 0, 2, 1},
        Expected{"ubuntu-gp2-x86-vm.json", 0, 1, 0, 0, 0, 1, 1},
        Expected{"dd-scheme_2_many_vulns.json", 1, 1, 3, 0, 0, 5, 1},
        Expected{"dd-severity_prio.json", 1, 0, 0, 1, 0, 2, 1}),
    [](const auto& info) {
      std::string name = info.param.file;
      for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
      return name;
    });

TEST(TrivyReportTest, SecretsAreGatedNotCounted) {
  testing::TempDir dir;
  auto r = RunProcess({GateBinary("secgate-vuln"), "--today", "2026-11-21", "--report",
                       "json=-", Fixture("vuln/trivy/secrets.json")},
                      {.cwd = dir.path()});
  ASSERT_EQ(r.exit_code, 1) << r.err;
  auto v = nlohmann::json::parse(r.out);
  EXPECT_FALSE(v["inputs"][0].contains("skipped"));
  EXPECT_EQ(v["summary"]["findings"], 2);
  EXPECT_EQ(v["summary"]["by_class"], nlohmann::json({{"secret", 2}}));
}

TEST(TrivyReportTest, SeveralReportsAtOnceAndStdin) {
  testing::TempDir dir;
  auto r = RunProcess({GateBinary("secgate-vuln"), "--today", "2026-11-21", "--report", "json=-",
                       Fixture("vuln/trivy/amazon-2.json"), "-"},
                      {.stdin_data = testing::ReadFile(Fixture("vuln/trivy/alpine-39.json")),
                       .cwd = dir.path()});
  ASSERT_EQ(r.exit_code, 1) << r.err;
  auto v = nlohmann::json::parse(r.out);
  EXPECT_EQ(v["summary"]["findings"], 8);
  EXPECT_EQ(v["inputs"].size(), 2u);
  EXPECT_EQ(v["inputs"][1]["path"], "<stdin>");
  EXPECT_EQ(v["inputs"][1]["findings"], 6);
}

}  // namespace
}  // namespace secgate
