// Regression tests, through the real binary, for holes in the matcher, the
// masking of values, --stdin and the baseline: a token straddling the cut
// of a long line (mask and --stdin), a value that is also part of a file
// name, a CI log holding a diff, a user rule with many capture groups or a
// failing example, a lone CR before an allow marker, and baseline paths
// that a waiver could not scope exactly.
#include "tests/e2e/secrets/secrets_e2e.h"

namespace secgate::secrets::e2e {
namespace {

using testing::TempDir;

std::string MaskTokenOf(const std::string& rule, const std::string& secret) {
  std::string fp = core::SecretFingerprint(rule, secret);
  return "[secgate:" + rule + ":" + fp.substr(fp.rfind(':') + 1) + "]";
}

std::string Replaced(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = 0; (at = text.find(from, at)) != std::string::npos; at += to.size())
    text.replace(at, from.size(), to);
  return text;
}

/// A line of `n` filler bytes (no keyword, no LF).
std::string Filler(size_t n) { return std::string(n, '.'); }

testing::ProcessResult GateOnFile(const std::vector<std::string>& args, const TempDir& dir,
                                  const std::string& input_file) {
  std::vector<std::string> argv = {testing::GateBinary("secgate-secrets")};
  argv.insert(argv.end(), args.begin(), args.end());
  testing::ProcessOptions o;
  o.cwd = dir.path();
  o.env = Repo::Env();
  o.unset_env = {"GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY"};
  o.stdin_file = input_file;  // a file: reads are full, so the old cut points are exact
  return testing::RunProcess(argv, o);
}

constexpr size_t kMiB = size_t{1} << 20;

// mask cut lines at exactly 1 MiB (16 reads of 64 KiB from a file) and
// masked each piece alone: a token across the cut came out whole.
TEST(HolesContentTest, MaskMasksATokenStraddlingTheLongLineCut) {
  TempDir d;
  const std::string policy = PolicyFile(d);
  std::string line = Filler(kMiB - 10) + kToken + Filler(kMiB - 10 - kToken.size() - 1) + " " +
                     kToken2 + Filler(300000) + "\n";
  std::string input = line + "after " + kToken + "\n";
  auto r = GateOnFile({"mask", "--quiet", "--policy", policy}, d, d.Write("in.log", input));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  std::string want = Replaced(Replaced(input, kToken, MaskTokenOf("test-token", kToken)), kToken2,
                              MaskTokenOf("test-token", kToken2));
  ASSERT_EQ(r.out.size(), want.size());
  EXPECT_TRUE(r.out == want) << "mask output differs from the input with both tokens masked";
  EXPECT_EQ(r.out.find("Q7mZ2xR9"), std::string::npos);
}

// --stdin cut an endless line at 17 MiB (1 MiB reads): a token across it was
// never seen, in plain text and in a diff's added line alike.
TEST(HolesContentTest, StdinFindsATokenStraddlingTheLongLineCut) {
  TempDir d;
  const std::string policy = PolicyFile(d);
  const std::string text = Filler(17 * kMiB - 10) + kToken + "\n";
  auto r = GateOnFile({"--policy", policy, "--stdin", "--report", "json=v.json"}, d,
                      d.Write("in.txt", text));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  auto v = nlohmann::json::parse(testing::ReadFile(d.path() + "/v.json"));
  EXPECT_EQ(Where(v), std::vector<std::string>{"test-token :1"});

  const std::string diff = "diff --git a/big.txt b/big.txt\n--- /dev/null\n+++ b/big.txt\n"
                           "@@ -0,0 +1,2 @@\n+" +
                           Filler(17 * kMiB - 10 - 80) + kToken + "\n+end\n";
  r = GateOnFile({"--policy", policy, "--stdin", "--report", "json=d.json"}, d,
                 d.Write("in.diff", diff));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  v = nlohmann::json::parse(testing::ReadFile(d.path() + "/d.json"));
  EXPECT_EQ(Where(v), std::vector<std::string>{"test-token big.txt:1"});
  EXPECT_EQ(v["inputs"][0]["format"], "diff");
}

/// Every output of a run with `args`: stdout, stderr, each report, the job
/// summary and the baseline file.
std::map<std::string, std::string> AllOutputs(std::vector<std::string> args, const TempDir& out,
                                              const std::string& cwd, int want_exit) {
  for (const char* f : {"json", "sarif", "junit", "markdown"})
    args.insert(args.end(), {"--report", std::string(f) + "=" + out.path() + "/out." + f});
  args.insert(args.end(), {"--github", "--baseline-out", out.path() + "/baseline.yaml"});
  std::vector<std::string> argv = {testing::GateBinary("secgate-secrets")};
  argv.insert(argv.end(), args.begin(), args.end());
  testing::ProcessOptions o;
  o.cwd = cwd;
  o.env = Repo::Env();
  o.env["GITHUB_STEP_SUMMARY"] = out.path() + "/summary.md";
  auto r = testing::RunProcess(argv, o);
  EXPECT_EQ(r.exit_code, want_exit) << r.out << r.err;
  std::map<std::string, std::string> all = {{"stdout", r.out}, {"stderr", r.err}};
  for (const char* f : {"json", "sarif", "junit", "markdown"})
    all[f] = testing::ReadFile(out.path() + "/out." + f);
  all["summary"] = testing::ReadFile(out.path() + "/summary.md");
  all["baseline"] = testing::ReadFile(out.path() + "/baseline.yaml");
  return all;
}

// A secret that is also part of a file name was printed in the path.
TEST(HolesContentTest, AValueInAFileNameIsMaskedInEveryOutput) {
  TempDir cfg;
  const std::string policy = PolicyFile(cfg);
  const std::string name = "deploy-" + kToken + ".env";
  Repo repo;
  repo.Write(name, "TOKEN=" + kToken + "\n");
  repo.Git({"add", "."});
  repo.Commit("add the deploy file");
  for (const std::string mode : {".", "--history"}) {
    TempDir out;
    auto all = AllOutputs({"--policy", policy, mode}, out, repo.path(), 1);
    for (const auto& [what, text] : all)
      EXPECT_EQ(text.find(kToken.substr(5, 12)), std::string::npos) << mode << " " << what << ":\n"
                                                                    << text;
    EXPECT_NE(all["json"].find("deploy-" + MaskTokenOf("test-token", kToken) + ".env"),
              std::string::npos)
        << all["json"];
  }
}

// --stdin took a whole CI log for a diff when a diff appeared in its first
// 64 KiB, and dropped every line outside a hunk.
// A long line cut between a secret's keyword context (`password = `) and
// the secret itself: the next window or chunk starts without the keyword,
// so the secret no longer matches. mask cut at the secret's start, not the
// match's, and printed it; PATH mode dropped it from the first chunk and
// never found it in the second. Cuts now fall before the whole match.
// (The offsets are mask's first window cut, 1 MiB - 256 KiB, and PATH
// mode's first chunk cut, 1 MiB - 32 KiB, for a file read in full blocks.)
std::string LineCutInsideKeywordContext(const std::string& a, const std::string& b) {
  std::string line = Filler(3 * kMiB / 2);
  auto place = [&](size_t cut, const std::string& secret) {
    std::string ctx = "password = " + std::string(40, ' ') + "\"" + secret + "\"";
    line.replace(cut - 30, ctx.size(), ctx);  // keyword before the cut, secret after it
  };
  place(kMiB - 256 * 1024, a);
  place(kMiB - 32 * 1024, b);
  return line + "\n";
}

TEST(HolesContentTest, ACutBetweenKeywordAndSecretNeitherLeaksNorMisses) {
  TempDir d;
  const std::string a = "Zq8Lr2Vx7Tn4Wp9Ks3Hb", b = "Mv5Rc1Yg6Jd0Qh8Xt2Nw";
  const std::string file = d.Write("in.log", LineCutInsideKeywordContext(a, b));
  auto m = GateOnFile({"mask", "--quiet"}, d, file);
  EXPECT_EQ(m.exit_code, 1) << m.err;
  EXPECT_EQ(m.out.find(a), std::string::npos) << "mask printed the secret after the cut";
  EXPECT_EQ(m.out.find(b), std::string::npos);
  const std::string want =
      Replaced(Replaced(testing::ReadFile(file), a, MaskTokenOf("generic-secret-assignment", a)),
               b, MaskTokenOf("generic-secret-assignment", b));
  EXPECT_TRUE(m.out == want) << "mask output differs from the input with both secrets masked";

  auto r = GateOnFile({"in.log", "--report", "json=v.json"}, d, file);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  auto v = nlohmann::json::parse(testing::ReadFile(d.path() + "/v.json"));
  EXPECT_EQ(Where(v), (std::vector<std::string>{"generic-secret-assignment in.log:1",
                                                "generic-secret-assignment in.log:1"}));
}

TEST(HolesContentTest, StdinLogWithADiffScansLinesOutsideHunks) {
  TempDir d;
  const std::string log =
      "build started\n"
      "diff --git a/a.txt b/a.txt\n--- a/a.txt\n+++ b/a.txt\n@@ -1 +1 @@\n-x\n+y\n"
      "deploying with " + kToken + "\n";
  auto v = GateJson({"--policy", PolicyFile(d), "--stdin"}, d.path(), 1, log);
  EXPECT_EQ(Where(v), std::vector<std::string>{"test-token :8"});
  EXPECT_EQ(v["inputs"][0]["format"], "diff");
}

std::string RuleFile(const std::string& id, const std::string& regex, int group,
                     const std::string& match, const std::string& no_match) {
  return "version: 1\nrules:\n  - id: " + id +
         "\n    description: d\n    provider: P\n    severity: high\n    keywords: [zq_]\n"
         "    regex: '" + regex + "'\n    secret_group: " + std::to_string(group) +
         "\n    examples: {match: ['" + match + "'], no_match: ['" + no_match + "']}\n";
}

std::string UserPolicy(const TempDir& d, const std::string& rules) {
  d.Write("rules.yaml", rules);
  return d.Write("secgate.yaml",
                 "version: 1\nsecrets:\n  rules: [rules.yaml]\n  replace_rules: true\n");
}

// The matcher had room for 10 submatches: a rule whose secret is capture
// group 10 loaded, then was skipped, and the scan passed.
TEST(HolesContentTest, UserRuleWithTenCaptureGroupsIsRun) {
  TempDir d;
  std::string policy = UserPolicy(
      d, RuleFile("ten-groups", "(z)(q)(_)()()()()()()([A-Za-z0-9]{20})", 10,
                  "k = zq_Ab3dE5gH7jK9mN1pQ2rS", "zq_short"));
  d.Write("f.txt", "v = zq_Xy7Kp2Lm9Qr4Tz8Wb3Nd\n");
  EXPECT_EQ(Where(GateJson({"--policy", policy, "f.txt"}, d.path(), 1)),
            std::vector<std::string>{"ten-groups f.txt:1"});
}

// A user rule's examples were never run: a rule that cannot find its own
// example loaded and passed every scan. (secgate.yaml is found in the
// working directory, so messages name rules.yaml relative to it.)
TEST(HolesContentTest, UserRuleExamplesAreRunWhenThePackLoads) {
  TempDir d;
  UserPolicy(
      d, RuleFile("blind", "(zq_[0-9]{20})", 1, "zq_Ab3dE5gH7jK9mN1pQ2rS", "nothing"));
  d.Write("f.txt", "clean\n");
  for (const auto& args : std::vector<std::vector<std::string>>{{"f.txt"}, {"mask"}}) {
    auto r = Gate(args, d.path(), "clean\n");
    EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
    EXPECT_EQ(r.err, "secgate-secrets: error: rules.yaml:3: rule blind: examples.match[0] is "
                     "not detected by the rule\n");
  }
  UserPolicy(d, RuleFile("greedy", "(zq_[A-Za-z0-9]{4,})", 1, "zq_Ab3dE5gH7jK9mN1pQ2rS",
                                  "zq_1234"));
  auto r = Gate({"f.txt"}, d.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "secgate-secrets: error: rules.yaml:3: rule greedy: examples.no_match[0] is "
                   "detected by the rule\n");
  // 2^32 - 1 passes the YAML integer check and was -1 once narrowed to an
  // int: the engine would have indexed submatch -1.
  UserPolicy(d, RuleFile("wraps", "(zq_[0-9]{20})", 0, "zq_1", "zq_2"));
  d.Write("rules.yaml", Replaced(testing::ReadFile(d.path() + "/rules.yaml"),
                                 "secret_group: 0", "secret_group: 4294967295"));
  r = Gate({"f.txt"}, d.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("rule wraps.secret_group: 4294967295 but the regex has 1 capture groups"),
            std::string::npos)
      << r.err;
}

// A lone CR ends the line on screen, but the scanner read the marker after
// it as being on the token's line.
TEST(HolesContentTest, ACarriageReturnEndsTheLineForAllowMarkers) {
  TempDir d;
  const std::string policy = PolicyFile(d);
  d.Write("cr.txt", "t = " + kToken + "\r# secgate:allow\n");
  EXPECT_EQ(Where(GateJson({"--policy", policy, "cr.txt"}, d.path(), 1)),
            std::vector<std::string>{"test-token cr.txt:1"});
  d.Write("crlf.txt", "t = " + kToken + " # secgate:allow\r\nu = 1\r\n");
  d.Write("cr_same.txt", "x = 1\rt = " + kToken + " # gitleaks:allow\rz = 2\n");
  GateJson({"--policy", policy, "crlf.txt", "cr_same.txt"}, d.path(), 0);
  GateJson({"--policy", policy, "--stdin"}, d.path(), 1, "t = " + kToken + "\rsecgate:allow\n");
}

// A newline in a file name became a space in the baseline's path scope, so
// the entry waived the secret in another file ("a b.env").
TEST(HolesContentTest, BaselinePathWithANewlineRoundTripsExactly) {
  TempDir d;
  const std::string policy = PolicyFile(d);
  d.Write("src/a\nb.env", "T=" + kToken + "\n");
  GateJson({"--policy", policy, "src", "--baseline-out", "base.yaml"}, d.path(), 1);
  const std::string base = testing::ReadFile(d.path() + "/base.yaml");
  EXPECT_NE(base.find("path: \"src/a\\nb.env\""), std::string::npos) << base;
  d.Write("src/a b.env", "T=" + kToken + "\n");
  GateJson({"--policy", policy, "--waivers", "base.yaml", "src/a b.env"}, d.path(), 1);
  GateJson({"--policy", policy, "--waivers", "base.yaml", "src/a\nb.env"}, d.path(), 0);
}

// A file name holding a glob character lost its path scope: the entry
// waived that secret in every file.
TEST(HolesContentTest, BaselineRefusesAPathAWaiverCannotScopeExactly) {
  TempDir d;
  const std::string policy = PolicyFile(d);
  d.Write("deploy*.env", "T=" + kToken + "\n");
  auto v =
      GateJson({"--policy", policy, "deploy*.env", "--baseline-out", "base.yaml"}, d.path(), 1);
  EXPECT_EQ(testing::ReadFile(d.path() + "/base.yaml").find("id:"), std::string::npos);
  EXPECT_NE(v["notes"].dump().find("baseline: 1 findings left out"), std::string::npos)
      << v["notes"].dump();
  d.Write("other.env", "T=" + kToken + "\n");
  GateJson({"--policy", policy, "--waivers", "base.yaml", "other.env"}, d.path(), 1);
}

}  // namespace
}  // namespace secgate::secrets::e2e
