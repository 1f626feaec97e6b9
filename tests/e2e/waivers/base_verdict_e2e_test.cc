// Every gate's --base-verdict: the gate compares its run with the base's
// JSON verdict inline, prints what secgate-waivers diff prints, and exits
// by pr.fail_on (1 only on new violations by default). Real fixtures and a
// real repository; expected sets come from the verdicts the gates write.
#include <gtest/gtest.h>

#include <set>

#include <nlohmann/json.hpp>

#include "tests/e2e/waivers/e2e_util.h"

namespace secgate::testing {
namespace {

using nlohmann::json;

ProcessResult RunGate(const std::string& gate, const std::vector<std::string>& args,
                  const std::string& cwd) {
  std::vector<std::string> argv = {GateBinary("secgate-" + gate), "--no-github", "--color",
                                   "never", "--today", kToday};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunProcess(argv, {.cwd = cwd, .unset_env = {"GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY"}});
}

std::set<std::string> Violations(const std::string& path) {
  std::set<std::string> out;
  const json verdict = json::parse(ReadFile(path));
  for (const auto& f : verdict["findings"])
    if (f["disposition"] == "violation") out.insert(f["fingerprint"]);
  return out;
}

// What the gate printed after its own verdict, from "compared with".
std::string Comparison(const std::string& out) {
  size_t at = out.find("compared with ");
  return at == std::string::npos ? "" : out.substr(at);
}

// The alpine 3.9 image and the same image with musl upgraded.
class BaseVerdictVuln : public ::testing::Test {
 protected:
  void SetUp() override {
    const ImagePair image = AlpineMuslUpgrade();
    dir_.Write("old.json", image.before);
    dir_.Write("new.json", image.after);
    ASSERT_EQ(RunGate("vuln", {"-q", "--report", "json=old-verdict.json", "old.json"}, p()).exit_code, 1);
    RunGate("vuln", {"-q", "--report", "json=new-verdict.json", "new.json"}, p());
  }
  std::string p() const { return dir_.path(); }
  TempDir dir_;
};

TEST_F(BaseVerdictVuln, ExitsOnNewViolationsOnlyAndPrintsWhatDiffPrints) {
  // Downgrade: the musl findings are new violations.
  auto down = RunGate("vuln", {"--base-verdict", "new-verdict.json", "old.json"}, p());
  EXPECT_EQ(down.exit_code, 1) << down.err;
  const size_t news = Violations(p() + "/old-verdict.json").size() -
                      Violations(p() + "/new-verdict.json").size();
  ASSERT_GT(news, 0u);
  EXPECT_NE(down.out.find("New violations (" + std::to_string(news) + "):"), std::string::npos)
      << down.out;
  // Exactly secgate-waivers diff's text, under another title.
  auto diff = Waivers({"diff", "--base", "new-verdict.json", "--head", "old-verdict.json"}, p());
  EXPECT_EQ(diff.exit_code, 1);
  std::string want = diff.out;
  want.replace(0, std::string("secgate-waivers diff").size(), "compared with new-verdict.json");
  EXPECT_EQ(Comparison(down.out), want);

  // Upgrade: nothing new, violations gone: exit 0, fixed listed. The run's
  // own verdict still fails as usual without --base-verdict.
  auto up = RunGate("vuln", {"--base-verdict", "old-verdict.json", "new.json"}, p());
  EXPECT_EQ(up.exit_code, 0) << up.out << up.err;
  EXPECT_NE(up.out.find("Fixed ("), std::string::npos) << up.out;

  // Same report on both sides: the image still has violations, none new.
  auto same = RunGate("vuln", {"--base-verdict", "old-verdict.json", "old.json"}, p());
  EXPECT_EQ(same.exit_code, 0) << same.out;
  EXPECT_NE(same.out.find("no new violations"), std::string::npos);
  // pr.fail_on: any fails on every violation left, new or not.
  dir_.Write("secgate.yaml", "version: 1\npr:\n  fail_on: any\n");
  EXPECT_EQ(RunGate("vuln", {"--base-verdict", "old-verdict.json", "old.json"}, p()).exit_code, 1);
  // --quiet prints nothing and keeps the exit code.
  dir_.Write("secgate.yaml", "version: 1\n");
  auto quiet = RunGate("vuln", {"-q", "--base-verdict", "new-verdict.json", "old.json"}, p());
  EXPECT_EQ(quiet.exit_code, 1);
  EXPECT_TRUE(quiet.out.empty()) << quiet.out;
}

TEST_F(BaseVerdictVuln, ReportsKeepTheRunsOwnVerdict) {
  auto r = RunGate("vuln", {"-q", "--base-verdict", "old-verdict.json", "--report", "json=head.json",
                        "new.json"},
               p());
  EXPECT_EQ(r.exit_code, 0);
  json head = json::parse(ReadFile(p() + "/head.json"));
  json plain = json::parse(ReadFile(p() + "/new-verdict.json"));
  EXPECT_EQ(head["findings"], plain["findings"]);
  EXPECT_EQ(head["exit_code"], plain["exit_code"]);
}

TEST_F(BaseVerdictVuln, BadBaseVerdictsExit2BeforeScanning) {
  dir_.Write("text.json", "not json");
  json err = json::parse(ReadFile(p() + "/old-verdict.json"));
  err["verdict"] = "error";
  err["error"] = "x: truncated";
  dir_.Write("error.json", err.dump());
  TempDir repo;
  Git(repo.path(), {"init", "-q", "-b", "main"});
  RunGate("secrets", {"-q", "--report", "json=" + p() + "/secrets.json", "."}, repo.path());
  struct Case { std::string file, message; };
  const Case cases[] = {
      {"text.json", "secgate-vuln: error: text.json"},
      {"missing.json", "secgate-vuln: error: missing.json"},
      {"error.json", "secgate-vuln: error: error.json:/verdict: is the verdict of a failed run"},
      {"secrets.json", "secgate-vuln: error: --base-verdict: secrets.json is a verdict of "
                       "secgate-secrets, not of secgate-vuln"},
  };
  for (const Case& c : cases) {
    auto r = RunGate("vuln", {"--base-verdict", c.file, "new.json"}, p());
    EXPECT_EQ(r.exit_code, 2) << c.file;
    EXPECT_EQ(r.err.rfind(c.message, 0), 0u) << r.err;
    EXPECT_EQ(r.out.find("Summary:"), std::string::npos) << c.file;
  }
  // An input the gate cannot read is exit 2 whatever the base says.
  dir_.Write("broken.json", "{\"Results\": [");
  EXPECT_EQ(RunGate("vuln", {"--base-verdict", "old-verdict.json", "broken.json"}, p()).exit_code, 2);
}

// Secrets: the head adds a token on a branch whose base already had one.
TEST(BaseVerdictSecrets, OnlyTheAddedTokenFails) {
  TempDir dir;
  const std::string& a = kTokenA;
  const std::string& b = kTokenB;
  Git(dir.path(), {"init", "-q", "-b", "main", "repo"});
  const std::string repo = dir.path() + "/repo";
  dir.Write("repo/app.env", "TOKEN=" + a + "\n");
  ASSERT_EQ(RunGate("secrets", {"-q", "--report", "json=" + dir.path() + "/base.json", "."}, repo)
                .exit_code,
            1);
  auto same = RunGate("secrets", {"--base-verdict", dir.path() + "/base.json", "."}, repo);
  EXPECT_EQ(same.exit_code, 0) << same.out << same.err;
  dir.Write("repo/deploy.env", "GH=" + b + "\n");
  auto added = RunGate("secrets", {"--base-verdict", dir.path() + "/base.json", "."}, repo);
  EXPECT_EQ(added.exit_code, 1);
  EXPECT_NE(added.out.find("New violations (1):"), std::string::npos) << added.out;
  EXPECT_NE(added.out.find("deploy.env"), std::string::npos);
  EXPECT_EQ(added.out.find(a.substr(4)), std::string::npos);
  EXPECT_EQ(added.out.find(b.substr(4)), std::string::npos);
}

// SBOM: a denied licence present on both sides is not new.
TEST(BaseVerdictSbom, DeniedLicenceOnBothSidesIsNotNew) {
  TempDir dir;
  dir.Write("bom.json", ReadFile(Fixture("sbom/cyclonedx/bomex-laravel-7.12.0-bom.1.2.json")));
  dir.Write("secgate.yaml", "version: 1\nsbom:\n  licenses:\n    deny: [MIT]\n");
  ASSERT_EQ(RunGate("sbom", {"-q", "--report", "json=base.json", "bom.json"}, dir.path()).exit_code, 1);
  ASSERT_FALSE(Violations(dir.path() + "/base.json").empty());
  auto r = RunGate("sbom", {"--base-verdict", "base.json", "bom.json"}, dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(Comparison(r.out).find("no new violations"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace secgate::testing
