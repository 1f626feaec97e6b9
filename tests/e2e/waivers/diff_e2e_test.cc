// secgate-waivers diff end to end: the real gates write the JSON verdicts of
// a base and a head (real Trivy and npm audit fixtures, a secrets scan at
// two commits of a real repository), and diff classifies every finding;
// `--git` reads the waiver file, ignore files and added lines of a real
// repository built in the test. Expected sets are computed in the test
// from the verdicts themselves (fingerprint sets), never hard-coded.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "tests/e2e/waivers/e2e_util.h"

namespace secgate::testing {
namespace {

using nlohmann::json;

ProcessResult Gate(const std::string& gate, const std::vector<std::string>& args,
                   const std::string& cwd) {
  std::vector<std::string> argv = {GateBinary("secgate-" + gate), "--quiet", "--no-github"};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunProcess(argv, {.cwd = cwd, .unset_env = {"GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY"}});
}

std::set<std::string> Fingerprints(const std::string& verdict_path, const std::string& disposition = "") {
  std::set<std::string> out;
  json v = json::parse(ReadFile(verdict_path));
  for (const auto& f : v["findings"])
    if (disposition.empty() || f["disposition"] == disposition) out.insert(f["fingerprint"]);
  return out;
}

std::set<std::string> FingerprintsOf(const json& list) {
  std::set<std::string> out;
  for (const auto& e : list) out.insert(e["fingerprint"]);
  return out;
}

std::set<std::string> Minus(const std::set<std::string>& a, const std::set<std::string>& b) {
  std::set<std::string> out;
  for (const auto& x : a)
    if (!b.count(x)) out.insert(x);
  return out;
}

json DiffJson(const std::vector<std::string>& args, const std::string& cwd, int want_exit) {
  std::vector<std::string> a = {"diff", "--format", "json", "--today", kToday};
  a.insert(a.end(), args.begin(), args.end());
  auto r = Waivers(a, cwd);
  EXPECT_EQ(r.exit_code, want_exit) << r.err << r.out;
  if (r.exit_code == 2) return json::object();
  return json::parse(r.out);
}

// An image rebuilt on a newer base: the musl and busybox findings of the real
// alpine 3.9 report are fixed in the head (the packages were upgraded).
TEST(DiffE2e, SuccessiveTrivyImagesShowFixedAndNew) {
  TempDir dir;
  const ImagePair image = AlpineMuslUpgrade();
  dir.Write("v1.json", image.before);
  dir.Write("v2.json", image.after);
  EXPECT_EQ(Gate("vuln", {"--report", "json=base.json", "v1.json"}, dir.path()).exit_code, 1);
  Gate("vuln", {"--report", "json=head.json", "v2.json"}, dir.path());
  auto base = Fingerprints(dir.path() + "/base.json");
  auto head = Fingerprints(dir.path() + "/head.json");
  ASSERT_FALSE(Minus(base, head).empty());

  json d = DiffJson({"--base", "base.json", "--head", "head.json"}, dir.path(), 0);
  EXPECT_EQ(FingerprintsOf(d["fixed"]), Minus(base, head));
  EXPECT_TRUE(d["new_violations"].empty());
  EXPECT_EQ(d["summary"]["still_present"].get<size_t>(), head.size());
  for (const auto& f : d["fixed"]) EXPECT_EQ(f["package"].get<std::string>().rfind("musl", 0), 0u);

  // The other way round (a downgrade) the same findings are new: exit 1.
  json back = DiffJson({"--base", "head.json", "--head", "base.json"}, dir.path(), 1);
  auto new_violations = FingerprintsOf(back["new_violations"]);
  EXPECT_EQ(new_violations, Minus(Fingerprints(dir.path() + "/base.json", "violation"), head));
  EXPECT_TRUE(back["fixed"].empty());

  auto md = Waivers({"diff", "--format", "markdown", "--base", "head.json", "--head", "base.json"},
                    dir.path());
  EXPECT_EQ(md.exit_code, 1);
  EXPECT_EQ(md.out.rfind("<!-- secgate-pr-comment -->\n", 0), 0u) << md.out;
  EXPECT_NE(md.out.find("❌ " + std::to_string(new_violations.size()) + " new violations"),
            std::string::npos) << md.out;
  EXPECT_NE(md.out.find("<details><summary>Still present"), std::string::npos);
}

// Two npm audits of successive lockfiles (real npm 7 reports).
TEST(DiffE2e, SuccessiveNpmAuditsPairByFingerprint) {
  TempDir dir;
  dir.Write("one.json", ReadFile(Fixture("vuln/npm-audit/dd-v2-one_vuln.json")));
  dir.Write("many.json", ReadFile(Fixture("vuln/npm-audit/dd-v2-many_vuln_npm7.json")));
  Gate("vuln", {"--fail-on", "low", "--report", "json=base.json", "one.json"}, dir.path());
  Gate("vuln", {"--fail-on", "low", "--report", "json=head.json", "many.json"}, dir.path());
  auto base = Fingerprints(dir.path() + "/base.json");
  auto head = Fingerprints(dir.path() + "/head.json");
  ASSERT_FALSE(Minus(head, base).empty());
  json d = DiffJson({"--base", "base.json", "--head", "head.json"}, dir.path(), 1);
  std::set<std::string> news = FingerprintsOf(d["new_violations"]);
  for (const auto& x : FingerprintsOf(d["new_not_failing"])) news.insert(x);
  EXPECT_EQ(news, Minus(head, base));
  EXPECT_EQ(FingerprintsOf(d["fixed"]), Minus(base, head));
  EXPECT_EQ(d["summary"]["still_present"].get<size_t>() + d["summary"]["changed"].get<size_t>(),
            head.size() - Minus(head, base).size());
  // pr.fail_on: any also fails when nothing is new but violations remain.
  dir.Write("secgate.yaml", "pr:\n  fail_on: any\n");
  DiffJson({"--base", "head.json", "--head", "head.json"}, dir.path(), 1);
  dir.Write("secgate.yaml", "pr:\n  fail_on: new\n");
  json same = DiffJson({"--base", "head.json", "--head", "head.json"}, dir.path(), 0);
  EXPECT_EQ(same["summary"]["still_present"].get<size_t>(), head.size());
}

// A waiver that expires turns a waived finding into a violation; a waiver
// added waives one: both are "changed", with the waiver named.
TEST(DiffE2e, DispositionChangesNameTheWaiver) {
  TempDir dir;
  dir.Write("alpine.json", ReadFile(Fixture("vuln/trivy/alpine-39.json")));
  dir.Write("w.yaml", "version: 1\nwaivers:\n" +
                          Entry("CVE-2019-14697", "sec@example.com", "2026-03-01", "2026-04-20",
                                "musl is not reachable", "    ticket: SEC-7\n"));
  Gate("vuln", {"--today", "2026-04-01", "--waivers", "w.yaml", "--report", "json=waived.json",
                "alpine.json"},
       dir.path());
  Gate("vuln", {"--today", "2026-04-25", "--waivers", "w.yaml", "--report", "json=expired.json",
                "alpine.json"},
       dir.path());
  json d = DiffJson({"--base", "waived.json", "--head", "expired.json"}, dir.path(), 0);
  ASSERT_FALSE(d["changed"].empty()) << d.dump(1);
  for (const auto& c : d["changed"]) {
    EXPECT_EQ(c["id"], "CVE-2019-14697");
    EXPECT_EQ(c["base_disposition"], "waived");
    EXPECT_EQ(c["head_disposition"], "violation");
    EXPECT_EQ(c["why"], "waiver CVE-2019-14697 (sec@example.com) expired 2026-04-20");
  }
  json back = DiffJson({"--base", "expired.json", "--head", "waived.json"}, dir.path(), 0);
  ASSERT_FALSE(back["changed"].empty());
  EXPECT_EQ(back["changed"][0]["why"],
            "waived by CVE-2019-14697 (sec@example.com, until 2026-04-20, SEC-7)");
}

// Secrets at two commits of a real repository: one token removed, one added.
TEST(DiffE2e, SecretsAtTwoCommits) {
  TempDir dir;
  const std::string& a = kTokenA;
  const std::string& b = kTokenB;
  Git(dir.path(), {"init", "-q", "-b", "main", "repo"});
  const std::string repo = dir.path() + "/repo";
  dir.Write("repo/app.env", "TOKEN=" + a + "\n");
  Git(repo, {"add", "."});
  Git(repo, {"commit", "-q", "-m", "base"});
  Gate("secrets", {"--report", "json=" + dir.path() + "/base.json", "."}, repo);
  dir.Write("repo/app.env", "# rotated\n");
  dir.Write("repo/deploy.env", "GH=" + b + "\n");
  Git(repo, {"add", "."});
  Git(repo, {"commit", "-q", "-m", "head"});
  Gate("secrets", {"--report", "json=" + dir.path() + "/head.json", "."}, repo);
  json d = DiffJson({"--base", "base.json", "--head", "head.json"}, dir.path(), 1);
  ASSERT_EQ(d["new_violations"].size(), 1u) << d.dump(1);
  ASSERT_EQ(d["fixed"].size(), 1u);
  EXPECT_EQ(d["new_violations"][0]["path"], "deploy.env");
  EXPECT_EQ(d["fixed"][0]["path"], "app.env");
  for (const char* fmt : {"text", "markdown", "json"}) {
    auto r = Waivers({"diff", "--format", fmt, "--base", "base.json", "--head", "head.json"},
                     dir.path());
    EXPECT_EQ(r.out.find(a.substr(4)), std::string::npos) << fmt;
    EXPECT_EQ(r.out.find(b.substr(4)), std::string::npos) << fmt;
  }
}

TEST(DiffE2e, TheCommentStaysWithinGithubsLimit) {
  TempDir dir;
  std::vector<TestFinding> many;
  for (int i = 0; i < 4000; ++i)
    many.push_back({"CVE-2099-" + std::to_string(10000 + i),
                    "pkg:npm/package-with-a-long-name-" + std::to_string(i) + "@1.0.0", "",
                    "vuln:fp-" + std::to_string(i)});
  dir.Write("base.json", VerdictJson("vuln", {}));
  dir.Write("head.json", VerdictJson("vuln", many));
  auto r = Waivers({"diff", "--format", "markdown", "--base", "base.json", "--head", "head.json"},
                   dir.path());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_LE(r.out.size(), 60000u);
  EXPECT_GT(r.out.size(), 50000u);
  EXPECT_NE(r.out.find(" more"), std::string::npos);
  EXPECT_NE(r.out.find("❌ 4000 new violations"), std::string::npos);
  EXPECT_EQ(Count(r.out, "<!-- secgate-pr-comment -->"), 1);
  // With the run's address known, the cut links to it.
  auto linked = RunProcess({GateBinary("secgate-waivers"), "diff", "--format", "markdown", "--base",
                            "base.json", "--head", "head.json"},
                           {.cwd = dir.path(),
                            .env = {{"GITHUB_SERVER_URL", "https://github.example"},
                                    {"GITHUB_REPOSITORY", "o/r"},
                                    {"GITHUB_RUN_ID", "77"}}});
  EXPECT_NE(linked.out.find("more ([full report](https://github.example/o/r/actions/runs/77))"),
            std::string::npos);
}

TEST(DiffE2e, BadInputsExit2) {
  TempDir dir;
  dir.Write("v.json", VerdictJson("vuln", {{"CVE-1", "", "", "vuln:1"}}));
  dir.Write("s.json", VerdictJson("secrets", {{"r", "", "a.env", "secret:r:1"}}));
  json bad = json::parse(VerdictJson("vuln", {{"CVE-1", "", "", "vuln:1"}}));
  bad["findings"][0]["disposition"] = "maybe";
  dir.Write("bad.json", bad.dump());
  json err = json::parse(VerdictJson("vuln", {}));
  err["verdict"] = "error";
  err["error"] = "x.json: truncated";
  dir.Write("error.json", err.dump());
  dir.Write("text.json", "not json");
  struct Case { std::vector<std::string> args; std::string message; };
  const Case cases[] = {
      {{"--base", "v.json"}, "secgate-waivers: error: --head: give --base and --head together"},
      {{}, "secgate-waivers: error: diff: nothing to compare"},
      {{"--base", "v.json", "--head", "s.json"},
       "secgate-waivers: error: --base/--head: the base has verdicts of vuln and the head of secrets"},
      {{"--base", "v.json", "--head", "bad.json"},
       "secgate-waivers: error: bad.json:/findings/0/disposition: unknown disposition 'maybe'"},
      {{"--base", "v.json", "--head", "error.json"},
       "secgate-waivers: error: error.json:/verdict: is the verdict of a failed run"},
      {{"--base", "v.json", "--head", "text.json"}, "secgate-waivers: error: text.json"},
      {{"--base", "v.json", "--head", "missing.json"}, "secgate-waivers: error: missing.json"},
      {{"--base", "v.json", "--head", "v.json", "--format", "html"},
       "secgate-waivers: error: --format: unknown format 'html'"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> args = {"diff"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    auto r = Waivers(args, dir.path());
    EXPECT_EQ(r.exit_code, 2) << c.message;
    EXPECT_EQ(r.err.rfind(c.message, 0), 0u) << r.err;
    EXPECT_TRUE(r.out.empty());
  }
}

// --git on a real repository: the waiver file at both ends, ignore files
// and inline markers on added lines.
class DiffGitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Git(dir_.path(), {"init", "-q", "-b", "main", "repo"});
    repo_ = dir_.path() + "/repo";
    dir_.Write("repo/secgate-waivers.yaml",
               "version: 1\nwaivers:\n" +
                   Entry("CVE-2024-0001", "alice@example.com", "2026-03-01", "2026-04-20", "old",
                         "    package: pkg:npm/a\n    ticket: SEC-1\n") +
                   Entry("CVE-2024-0002", "bob@example.com", "2026-03-01", "2026-04-20", "scoped",
                         "    package: pkg:npm/b\n    ticket: SEC-2\n") +
                   Entry("CVE-2024-0003", "carol@example.com", "2026-03-01", "2026-04-20", "gone",
                         "    ticket: SEC-3\n"));
    dir_.Write("repo/src/app.py", "print('hello')\n");
    Git(repo_, {"add", "."});
    Git(repo_, {"commit", "-q", "-m", "base"});
    Git(repo_, {"tag", "base"});
    dir_.Write("repo/secgate-waivers.yaml",
               "version: 1\nwaivers:\n" +
                   Entry("CVE-2024-0001", "alice@example.com", "2026-03-01", "2026-05-25", "old",
                         "    package: pkg:npm/a\n    ticket: SEC-1\n") +
                   Entry("CVE-2024-0002", "bob@example.com", "2026-03-01", "2026-04-20", "scoped",
                         "    package: pkg:npm/c\n    ticket: SEC-2\n") +
                   Entry("CVE-2024-0009", "dave@example.com", "2026-03-20", "2026-05-01",
                         "new exemption"));
    dir_.Write("repo/.trivyignore", "CVE-2024-7777\n");
    secret_line_ = "KEY = 'not-a-real-value-1234567890'  # gitleaks:allow";
    dir_.Write("repo/src/app.py", "print('hello')\nimport os  # nosemgrep\n" + secret_line_ + "\n");
    Git(repo_, {"add", "."});
    Git(repo_, {"commit", "-q", "-m", "head"});
  }
  TempDir dir_;
  std::string repo_, secret_line_;
};

TEST_F(DiffGitTest, ListsEveryKindOfExemptionChange) {
  json d = DiffJson({"--git", "base..HEAD"}, repo_, 0);
  std::map<std::string, json> by;
  for (const auto& c : d["exemptions"]) by[c["change"].get<std::string>() + " " + c["what"].get<std::string>()] = c;
  ASSERT_EQ(by.size(), 7u) << d.dump(1);
  EXPECT_EQ(by["waiver extended CVE-2024-0001"]["detail"], "expires 2026-04-20 -> 2026-05-25");
  EXPECT_EQ(by["waiver re-scoped CVE-2024-0002"]["detail"], "package pkg:npm/b -> package pkg:npm/c");
  EXPECT_EQ(by["waiver added CVE-2024-0009"]["owner"], "dave@example.com");
  EXPECT_EQ(by["waiver added CVE-2024-0009"]["expires"], "2026-05-01");
  EXPECT_EQ(by["waiver added CVE-2024-0009"]["where"], "secgate-waivers.yaml:19");
  EXPECT_EQ(by["waiver removed CVE-2024-0003"]["loosens"], false);
  EXPECT_EQ(by["ignore file changed .trivyignore"]["detail"], "added");
  EXPECT_EQ(by["suppression marker added nosemgrep"]["where"], "src/app.py:2");
  EXPECT_EQ(by["suppression marker added gitleaks:allow"]["where"], "src/app.py:3");
  EXPECT_NE(d["headline"].get<std::string>().find(
                "1 waiver added (owner dave@example.com, expires 2026-05-01)"),
            std::string::npos) << d["headline"];
  // The added lines themselves never appear in any format.
  for (const char* fmt : {"text", "markdown", "json"}) {
    auto r = Waivers({"diff", "--format", fmt, "--git", "base..HEAD"}, repo_);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.find("not-a-real-value"), std::string::npos) << fmt;
    EXPECT_EQ(r.out.find("import os"), std::string::npos) << fmt;
  }
}

TEST_F(DiffGitTest, RequireTicketFailsOnExemptionsWithoutOne) {
  dir_.Write("repo/strict.yaml", "pr:\n  exemptions: require_ticket\n");
  json d = DiffJson({"--policy", "strict.yaml", "--git", "base..HEAD"}, repo_, 1);
  std::set<std::string> failing;
  for (const auto& c : d["exemptions"])
    if (c["fails"] == true) failing.insert(c["what"]);
  // The new waiver has no ticket; the ignore file and markers cannot carry
  // one; the extended and re-scoped waivers have tickets.
  EXPECT_EQ(failing, (std::set<std::string>{"CVE-2024-0009", ".trivyignore", "nosemgrep",
                                            "gitleaks:allow"}));
  EXPECT_EQ(d["exemptions_without_ticket"], 4);
}

TEST_F(DiffGitTest, BadRepositoriesAndRangesExit2) {
  auto r = Waivers({"diff", "--git", "base..nope"}, repo_);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.rfind("secgate-waivers: error: --git: cannot resolve 'base..nope'", 0), 0u) << r.err;
  r = Waivers({"diff", "--git", "HEAD"}, repo_);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "secgate-waivers: error: --git: expected a range BASE..HEAD, got 'HEAD'\n");
  TempDir plain;
  r = Waivers({"diff", "--git", "a..b"}, plain.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.rfind("secgate-waivers: error: --git: not in a git repository", 0), 0u) << r.err;
  // A waiver file that is not valid at the head is an error, never "no waivers".
  dir_.Write("repo/secgate-waivers.yaml", "version: 1\nwaivers: [\n");
  Git(repo_, {"commit", "-q", "-am", "broken"});
  r = Waivers({"diff", "--git", "base..HEAD"}, repo_);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.rfind("secgate-waivers: error: secgate-waivers.yaml:", 0), 0u) << r.err;
}

// Levers the pull request controls: a .gitattributes that makes a file
// binary (or a NUL byte in it) and another spelling of a marker.
TEST_F(DiffGitTest, AttributesAndCaseDoNotHideMarkers) {
  dir_.Write("repo/.gitattributes", "*.dat binary\n*.cfg -diff\n");
  dir_.Write("repo/blob.dat", std::string("header\0", 7) + "\ntoken = 1  # NOSEMGREP\n");
  dir_.Write("repo/app.cfg", "key = 2  # Gitleaks:Allow\n");
  Git(repo_, {"add", "."});
  Git(repo_, {"commit", "-q", "-m", "hide"});
  json d = DiffJson({"--git", "HEAD~1..HEAD"}, repo_, 0);
  std::set<std::string> where;
  for (const auto& c : d["exemptions"])
    if (c["change"] == "suppression marker added") where.insert(c["what"].get<std::string>() + " " + c["where"].get<std::string>());
  EXPECT_EQ(where, (std::set<std::string>{"nosemgrep blob.dat:2", "gitleaks:allow app.cfg:1"})) << d.dump(1);
}

TEST_F(DiffGitTest, VerdictsAndGitTogether) {
  dir_.Write("repo/v.json", VerdictJson("vuln", {{"CVE-1", "", "", "vuln:1"}}));
  auto r = Waivers({"diff", "--format", "markdown", "--today", kToday, "--base", "v.json", "--head",
                    "v.json", "--git", "base...HEAD"},
                   repo_);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("✅ no new violations"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("#### Exemptions in `base...HEAD` (7)"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace secgate::testing
