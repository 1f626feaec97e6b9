// The leak test: a run over known secrets, in every output the gate has
// (text, json, each format core::ReportFormats() lists, GitHub annotations
// and step summary, the baseline file, stderr, the mask output), never
// contains a secret's value, nor any part of it past the 4-character prefix.
#include "gates/core/report/reporter.h"
#include "tests/e2e/secrets/secrets_e2e.h"

namespace secgate::secrets::e2e {
namespace {

const std::vector<std::string>& Secrets() {
  static const std::vector<std::string> s = {kToken, kToken2, kKeyId, kPassword};
  return s;
}

void ExpectNoSecret(const std::string& what, const std::string& text) {
  for (const auto& s : Secrets()) {
    EXPECT_EQ(text.find(s), std::string::npos) << what << " contains a secret";
    EXPECT_EQ(text.find(s.substr(4)), std::string::npos) << what << " contains a secret's tail";
  }
}

class LeakTest : public ::testing::Test {
 protected:
  void SetUp() override {
    repo.Write("a.py", "t = '" + kToken + "'\nk = '" + kKeyId + "'\n");
    repo.Git({"add", "."});
    repo.Commit("first");
    repo.Write("b/c.env", "T2=" + kToken2 + "\ndb_password = \"" + kPassword + "\"\n");
    repo.Git({"add", "."});
    repo.Commit("second");
  }
  Repo repo;
  testing::TempDir out;
  std::string policy = PolicyFile(out);
};

TEST_F(LeakTest, NoOutputFormatContainsASecret) {
  const std::vector<std::string> formats = core::ReportFormats();
  ASSERT_GE(formats.size(), 2u);
  for (const std::vector<std::string>& mode :
       {std::vector<std::string>{"--history"}, std::vector<std::string>{"."}}) {
    std::vector<std::string> args = {"--policy", policy, "--today", "2024-02-01", "--verbose",
                                     "--github", "--baseline-out", out.path() + "/baseline.yaml"};
    for (const auto& f : formats) args.push_back("--report=" + f + "=" + out.path() + "/r." + f);
    args.insert(args.end(), mode.begin(), mode.end());
    std::vector<std::string> argv = {testing::GateBinary("secgate-secrets")};
    argv.insert(argv.end(), args.begin(), args.end());
    testing::ProcessOptions o;
    o.cwd = repo.path();
    o.env = Repo::Env();
    o.env["GITHUB_ACTIONS"] = "true";
    o.env["GITHUB_STEP_SUMMARY"] = out.path() + "/summary.md";
    auto r = testing::RunProcess(argv, o);
    ASSERT_EQ(r.exit_code, 1) << r.err;
    ExpectNoSecret("stdout", r.out);
    ExpectNoSecret("stderr", r.err);
    EXPECT_NE(r.out.find("test-token"), std::string::npos);
    for (const auto& f : formats) {
      std::string report = testing::ReadFile(out.path() + "/r." + f);
      EXPECT_FALSE(report.empty()) << f;
      ExpectNoSecret(f + " report", report);
    }
    ExpectNoSecret("step summary", testing::ReadFile(out.path() + "/summary.md"));
    std::string baseline = testing::ReadFile(out.path() + "/baseline.yaml");
    EXPECT_NE(baseline.find(core::SecretFingerprint("test-token", kToken)), std::string::npos);
    ExpectNoSecret("baseline", baseline);
    // Every secret was found: the test is not passing on an empty run.
    auto json = nlohmann::json::parse(testing::ReadFile(out.path() + "/r.json"));
    EXPECT_EQ(json["findings"].size(), 4u) << mode[0];
  }
}

TEST_F(LeakTest, MaskOutputAndDiffStdinDoNotLeak) {
  std::string log = repo.Git({"log", "-p"}).out;
  ASSERT_NE(log.find(kToken), std::string::npos);
  auto masked = Gate({"mask", "--policy", policy}, repo.path(), log);
  EXPECT_EQ(masked.exit_code, 1);
  ExpectNoSecret("mask stdout", masked.out);
  ExpectNoSecret("mask stderr", masked.err);
  auto r = Gate({"--policy", policy, "--stdin", "--verbose"}, repo.path(), log);
  EXPECT_EQ(r.exit_code, 1);
  ExpectNoSecret("stdin run", r.out + r.err);
}

TEST_F(LeakTest, RuleErrorsDoNotEchoExamples) {
  testing::TempDir d;
  d.Write("rules.yaml",
          "version: 1\nrules:\n  - id: leaky\n    description: d\n    provider: P\n"
          "    severity: low\n    keywords: [tstk_]\n    regex: '(tstk_\\w+)'\n"
          "    examples: {match: ['" + kToken + "', [nested]], no_match: [x]}\n");
  d.Write("secgate.yaml", "version: 1\nsecrets:\n  rules: [rules.yaml]\n");
  auto r = Gate({"."}, d.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("rule leaky.examples.match[1]: expected a string"), std::string::npos)
      << r.err;
  ExpectNoSecret("rule error", r.out + r.err);
}

}  // namespace
}  // namespace secgate::secrets::e2e
