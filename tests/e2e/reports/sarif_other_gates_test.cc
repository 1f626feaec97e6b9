// SARIF from secgate-secrets and secgate-sbom on real inputs, with waived
// findings, validated against the official SARIF 2.1.0 schema (issue 4:
// "for each gate's output on real fixtures, including waived findings").
#include <gtest/gtest.h>

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

// Synthetic tokens of GitHub's classic PAT shape (ghp_ + 36 alphanumerics):
// made for this test, never real credentials. Assembled at run time so this
// source file does not itself hold a token (the project scans itself).
const std::string kTokenA = std::string("gh") + "p_" + "Q7vR2mX9kL4pW8nT3jH6sD1fG5bY0cZeA2uN";
const std::string kTokenB = std::string("gh") + "p_" + "M4tK8wP2xV6rB9nJ3hL7qS1dF5gC0yZaE8iU";

int Suppressed(const json& sarif) {
  int n = 0;
  for (const auto& r : sarif["runs"][0]["results"]) {
    if (!r.contains("suppressions")) continue;
    EXPECT_EQ(r["suppressions"][0]["kind"], "external");
    EXPECT_FALSE(r["suppressions"][0]["justification"].get<std::string>().empty());
    ++n;
  }
  return n;
}

class OtherGatesSarifTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_NO_FATAL_FAILURE(InstallNodeTools()); }
  TempDir dir_;
};

TEST_F(OtherGatesSarifTest, SecretsSarifWithAWaivedFindingValidates) {
  dir_.Write("src/a.env", "GITHUB_TOKEN=" + kTokenA + "\n");
  dir_.Write("src/b.env", "# deploy\nGH=" + kTokenB + "\n");
  const std::vector<std::string> base = {GateBinary("secgate-secrets"), "--today", kToday,
                                         "--quiet"};
  auto first_args = base;
  first_args.insert(first_args.end(), {"--report", "json=first.json", "src"});
  auto first = RunProcess(first_args, {.cwd = dir_.path()});
  ASSERT_EQ(first.exit_code, 1) << first.err;
  json v = json::parse(ReadFile(dir_.path() + "/first.json"));
  ASSERT_EQ(v["summary"]["violations"], 2);
  std::string fp_a;
  for (const auto& f : v["findings"])
    if (f["location"]["path"].get<std::string>().find("a.env") != std::string::npos)
      fp_a = f["fingerprint"];
  ASSERT_EQ(fp_a.rfind("secret:github-pat-classic:", 0), 0u) << fp_a;
  dir_.Write("secgate-waivers.yaml", "version: 1\nwaivers:\n  - id: " + fp_a +
                                         "\n    gate: secrets\n    path: src/a.env\n"
                                         "    reason: Revoked token kept in a test fixture\n"
                                         "    owner: sec@example.com\n    created: 2026-01-01\n"
                                         "    expires: 2026-03-01\n");
  auto args = base;
  args.insert(args.end(), {"--report", "sarif=secrets.sarif", "src"});
  auto r = RunProcess(args, {.cwd = dir_.path()});
  ASSERT_EQ(r.exit_code, 1) << r.err;
  std::string text = ReadFile(dir_.path() + "/secrets.sarif");
  EXPECT_EQ(text.find(kTokenA), std::string::npos);
  EXPECT_EQ(text.find(kTokenB), std::string::npos);
  json sarif = json::parse(text);
  EXPECT_EQ(sarif["runs"][0]["tool"]["driver"]["name"], "secgate-secrets");
  EXPECT_EQ(sarif["runs"][0]["results"].size(), 2u);
  EXPECT_EQ(Suppressed(sarif), 1);
  const json& loc = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
  EXPECT_GE(loc["region"]["startLine"].get<int>(), 1);
  auto valid = ValidateSarif({dir_.path() + "/secrets.sarif"});
  EXPECT_EQ(valid.exit_code, 0) << valid.out << valid.err;
}

// bomex-laravel 1.2: four components are BSD-3-Clause (counted with jq:
// [.components[] | select(any(.licenses[]?; .license.id=="BSD-3-Clause"))] | length).
TEST_F(OtherGatesSarifTest, SbomSarifWithAWaivedFindingValidates) {
  dir_.Write("secgate.yaml", "sbom:\n  licenses:\n    deny: [BSD-3-Clause]\n");
  dir_.Write("secgate-waivers.yaml",
             "version: 1\nwaivers:\n  - id: BSD-3-Clause\n    gate: sbom\n"
             "    package: pkg:composer/nikic/php-parser\n"
             "    reason: Build-time only, not shipped\n    owner: legal@example.com\n"
             "    created: 2026-01-01\n    expires: 2026-03-01\n");
  auto r = RunProcess({GateBinary("secgate-sbom"), "--today", kToday, "--quiet", "--report",
                       "sarif=sbom.sarif",
                       Fixture("sbom/cyclonedx/bomex-laravel-7.12.0-bom.1.2.json")},
                      {.cwd = dir_.path()});
  ASSERT_EQ(r.exit_code, 1) << r.err;
  json sarif = json::parse(ReadFile(dir_.path() + "/sbom.sarif"));
  EXPECT_EQ(sarif["runs"][0]["tool"]["driver"]["name"], "secgate-sbom");
  EXPECT_EQ(sarif["runs"][0]["results"].size(), 4u);
  EXPECT_EQ(Suppressed(sarif), 1);
  auto valid = ValidateSarif({dir_.path() + "/sbom.sarif"});
  EXPECT_EQ(valid.exit_code, 0) << valid.out << valid.err;
}

}  // namespace
}  // namespace secgate::reports_e2e
