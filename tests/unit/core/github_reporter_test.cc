#include "gates/core/report/github_reporter.h"

#include <gtest/gtest.h>

#include <sstream>

#include "tests/unit/core/report_test_util.h"

namespace secgate::core {
namespace {

using testing::MakeVerdict;
using testing::MakeWaiver;
using testing::SecretFinding;
using testing::VulnFinding;

std::vector<std::string> Lines(const Verdict& v) {
  std::ostringstream out;
  GithubReporter().Write(v, out);
  std::vector<std::string> lines;
  std::istringstream in(out.str());
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  return lines;
}

TEST(GithubReporterTest, ViolationAnnotatesFileAndLine) {
  auto lines = Lines(MakeVerdict({SecretFinding("github-pat", "src/app.py", 12)}, {},
                                 Gate::kSecrets));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0],
            "::error file=src/app.py,line=12,title=Secret github-pat (high)::Possible secret "
            "(rule github-pat, high) in src/app.py:12: ghp_… (40 chars, fingerprint "
            "secret:github-pat:0123456789abcdef). Fails the gate (at or above high).");
  EXPECT_EQ(lines[1],
            "::notice title=secgate-secrets%3A fail::1 finding, 1 violation, 0 waived, 0 below "
            "threshold, 0 ignored (see the job summary)");
}

TEST(GithubReporterTest, MessagesAndPropertiesAreEscaped) {
  Finding f = SecretFinding("rule", "dir,a:b%/x.py", 3);
  f.secret = {};
  f.id = "r:1,2%\r\nx";
  auto lines = Lines(MakeVerdict({f}, {}, Gate::kSecrets));
  ASSERT_EQ(lines.size(), 2u);  // No raw CR/LF: still one line per command.
  EXPECT_TRUE(lines[0].starts_with("::error file=dir%2Ca%3Ab%25/x.py,line=3,title=Secret "
                                   "r%3A1%2C2%25%0D%0Ax (high)::Possible secret (rule r:1,2%25%0D%0Ax, "))
      << lines[0];
  EXPECT_EQ(lines[0].find('\r'), std::string::npos);
}

TEST(GithubReporterTest, AtMostTenErrorsThenARollUp) {
  std::vector<Finding> f;
  for (int i = 0; i < 12; ++i)
    f.push_back(VulnFinding("CVE-H" + std::to_string(i), "p", "1", Severity::kHigh));
  f.push_back(VulnFinding("CVE-CRIT", "p", "1", Severity::kCritical));
  auto lines = Lines(MakeVerdict(f));
  ASSERT_EQ(lines.size(), 11u);
  EXPECT_TRUE(lines[0].starts_with("::error file=web/package-lock.json,title=CVE-CRIT (critical)"))
      << lines[0];
  for (int i = 0; i < 10; ++i) EXPECT_TRUE(lines[i].starts_with("::error ")) << lines[i];
  EXPECT_EQ(lines[10],
            "::notice title=secgate-vuln%3A fail::13 findings, 13 violations, 0 waived, 0 below "
            "threshold, 0 ignored; 3 more violations not annotated (see the job summary)");
}

TEST(GithubReporterTest, WaiverWarningsOnTheWaiverFile) {
  Verdict v = MakeVerdict({VulnFinding("CVE-A", "a", "1", Severity::kHigh)},
                          {MakeWaiver("CVE-A", "low risk, for now", "2026-01-15"),
                           MakeWaiver("CVE-B", "gone", "2026-01-01")});
  auto lines = Lines(v);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0],
            "::warning file=secgate-waivers.yaml,line=3,title=Waiver CVE-B expired on "
            "2026-01-01::Owner jane@example.com, ticket SEC-1. gone. It no longer waives "
            "anything: renew it or fix the finding.");
  EXPECT_EQ(lines[1],
            "::warning file=secgate-waivers.yaml,line=3,title=Waiver CVE-A expires in 5 "
            "days::Owner jane@example.com, ticket SEC-1. low risk, for now.");
  EXPECT_TRUE(lines[2].starts_with("::notice title=secgate-vuln%3A pass::1 finding, 0 violations, 1 waived"))
      << lines[2];
}

TEST(GithubReporterTest, ErrorVerdict) {
  Verdict v;
  v.tool = "secgate-vuln";
  v.exit_code = ExitCode::kError;
  v.error = "r.json:/a: expected 100%\nstring";
  auto lines = Lines(v);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0],
            "::error title=secgate-vuln could not run::r.json:/a: expected 100%25%0Astring");
}

}  // namespace
}  // namespace secgate::core
