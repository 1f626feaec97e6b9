// GitHub Actions output from the real secgate-vuln: annotations on stdout
// under GITHUB_ACTIONS=true (or --github), off with --no-github, escaping
// of hostile values, and the Markdown summary appended to an existing
// $GITHUB_STEP_SUMMARY file.
#include <gtest/gtest.h>

#include <sstream>

#include "tests/e2e/reports/reports_e2e.h"

namespace secgate::reports_e2e {
namespace {

using secgate::testing::ReadFile;

std::vector<std::string> CommandLines(const std::string& out) {
  std::vector<std::string> lines;
  std::istringstream in(out);
  for (std::string l; std::getline(in, l);)
    if (l.starts_with("::")) lines.push_back(l);
  return lines;
}

TEST(GithubE2eTest, AnnotationsAndSummaryAppendedUnderGithubActions) {
  Workspace ws;
  const std::string before = "## Earlier step\n\nKeep me | please\n";
  std::string summary = ws.Write("summary.md", before);
  auto r = ws.Vuln({"alpine-39.json", "debian-buster.json"},
                   {{"GITHUB_ACTIONS", "true"}, {"GITHUB_STEP_SUMMARY", summary}});
  ASSERT_EQ(r.exit_code, 1) << r.err;
  auto lines = CommandLines(r.out);
  ASSERT_EQ(lines.size(), 3u) << r.out;
  EXPECT_TRUE(lines[0].starts_with("::error title=CVE-2019-14697 (critical) in musl-utils@1.1.20-r4::"))
      << lines[0];
  // The expiring waiver is flagged on the waiver file, at its line.
  EXPECT_EQ(lines[1],
            "::warning file=secgate-waivers.yaml,line=17,title=Waiver CVE-2019-18224 expires in "
            "10 days::Owner carol@example.com, ticket SEC-102. libidn2 is not used by the service.");
  EXPECT_TRUE(lines[2].starts_with("::notice title=secgate-vuln%3A fail::8 findings, 1 violation, 2 waived"))
      << lines[2];
  // Human text is still there.
  EXPECT_NE(r.out.find("secgate-vuln 0.1.0: FAIL"), std::string::npos);

  std::string text = ReadFile(summary);
  ASSERT_TRUE(text.starts_with(before)) << text;
  EXPECT_NE(text.find("### ❌ secgate-vuln: FAIL", before.size()), std::string::npos) << text;
  EXPECT_NE(text.find("#### Waivers expiring soon (1)"), std::string::npos);

  // A second run appends again: both summaries are kept.
  auto again = ws.Vuln({"pnpm.json"}, {{"GITHUB_ACTIONS", "true"}, {"GITHUB_STEP_SUMMARY", summary}});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  std::string twice = ReadFile(summary);
  EXPECT_TRUE(twice.starts_with(text));
  EXPECT_NE(twice.find("### ✅ secgate-vuln: PASS", text.size()), std::string::npos);
}

TEST(GithubE2eTest, FlagsTurnItOnAndOff) {
  Workspace ws;
  auto off = ws.Vuln({"--no-github", "alpine-39.json"}, {{"GITHUB_ACTIONS", "true"}});
  EXPECT_EQ(off.exit_code, 1);
  EXPECT_TRUE(CommandLines(off.out).empty()) << off.out;
  auto none = ws.Vuln({"alpine-39.json"});
  EXPECT_TRUE(CommandLines(none.out).empty()) << none.out;
  auto on = ws.Vuln({"--github", "alpine-39.json"});
  EXPECT_EQ(CommandLines(on.out).size(), 3u) << on.out;  // error, waiver warning, notice
  auto not_true = ws.Vuln({"alpine-39.json"}, {{"GITHUB_ACTIONS", "false"}});
  EXPECT_TRUE(CommandLines(not_true.out).empty());
}

TEST(GithubE2eTest, HostileValuesAreEscaped) {
  Workspace ws;
  // A package name holding every character that matters to a command.
  ws.Write("hostile.json", GenerateTrivy(1, 0, "%25:a,b\r\n::error::injected"));
  auto r = ws.Vuln({"--github", "--quiet", "hostile.json"});
  ASSERT_EQ(r.exit_code, 1) << r.err;
  auto lines = CommandLines(r.out);
  ASSERT_EQ(lines.size(), 3u) << r.out;  // error, waiver warning, notice
  EXPECT_EQ(lines[0],
            "::error file=package-lock.json,title=CVE-2099-10000 (critical) in "
            "pkg-0%2525%3Aa%2Cb%0D%0A%3A%3Aerror%3A%3Ainjected@1.0.0::"
            "pkg-0%2525:a,b%0D%0A::error::injected 1.0.0 is vulnerable to CVE-2099-10000 "
            "(critical) in package-lock.json; fixed in 1.0.1. Fails the gate (at or above high).");
  EXPECT_EQ(r.out.find('\r'), std::string::npos);
}

TEST(GithubE2eTest, UnwritableSummaryFailsClosed) {
  Workspace ws;
  auto r = ws.Vuln({"--quiet", "pnpm.json"},
                   {{"GITHUB_ACTIONS", "true"}, {"GITHUB_STEP_SUMMARY", ws.Path("no/such/dir.md")}});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("cannot append the job summary"), std::string::npos) << r.err;
}

TEST(GithubE2eTest, ErrorRunAnnotatesTheError) {
  Workspace ws;
  std::string summary = ws.Write("summary.md", "");
  auto r = ws.Vuln({"--quiet", "missing.json"},
                   {{"GITHUB_ACTIONS", "true"}, {"GITHUB_STEP_SUMMARY", summary}});
  EXPECT_EQ(r.exit_code, 2);
  auto lines = CommandLines(r.out);
  ASSERT_EQ(lines.size(), 1u) << r.out;
  EXPECT_TRUE(lines[0].starts_with("::error title=secgate-vuln could not run::missing.json"))
      << lines[0];
  EXPECT_NE(ReadFile(summary).find("### ⚠️ secgate-vuln: ERROR"), std::string::npos);
}

}  // namespace
}  // namespace secgate::reports_e2e
