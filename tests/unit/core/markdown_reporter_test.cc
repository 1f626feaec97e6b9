#include "gates/core/report/markdown_reporter.h"

#include <gtest/gtest.h>

#include <sstream>

#include "tests/unit/core/report_test_util.h"

namespace secgate::core {
namespace {

using testing::MakeVerdict;
using testing::MakeWaiver;
using testing::SecretFinding;
using testing::VulnFinding;

std::string Render(const Verdict& v, int max_rows = 50, size_t max_bytes = kMarkdownMaxBytes) {
  ReportOptions o;
  o.max_rows = max_rows;
  std::ostringstream out;
  MarkdownReporter(o, max_bytes).Write(v, out);
  return out.str();
}

TEST(MarkdownReporterTest, VerdictCountsAndViolationsWorstFirst) {
  Verdict v = MakeVerdict({VulnFinding("CVE-H", "b", "1", Severity::kHigh),
                           VulnFinding("CVE-C", "a", "1", Severity::kCritical),
                           VulnFinding("CVE-M", "c", "1", Severity::kMedium)});
  std::string md = Render(v);
  EXPECT_TRUE(md.starts_with("### ❌ secgate-vuln: FAIL\n")) << md;
  EXPECT_NE(md.find("**2 violations** at or above **high** — 3 findings"), std::string::npos);
  EXPECT_NE(md.find("| violation | 1 | 1 | 0 | 0 | 0 | 2 |"), std::string::npos) << md;
  EXPECT_NE(md.find("| below_threshold | 0 | 0 | 1 | 0 | 0 | 1 |"), std::string::npos);
  EXPECT_NE(md.find("#### Violations (2)"), std::string::npos);
  size_t crit = md.find("`CVE-C`"), high = md.find("`CVE-H`");
  ASSERT_NE(crit, std::string::npos);
  ASSERT_NE(high, std::string::npos);
  EXPECT_LT(crit, high);
  EXPECT_EQ(md.find("`CVE-M`"), std::string::npos);  // Below threshold: not in the table.
}

TEST(MarkdownReporterTest, RowsAreCappedWithACount) {
  std::vector<Finding> f;
  for (int i = 0; i < 7; ++i) f.push_back(VulnFinding("CVE-" + std::to_string(i), "p", "1", Severity::kHigh));
  std::string md = Render(MakeVerdict(f), 5);
  EXPECT_NE(md.find("…and 2 more violations"), std::string::npos) << md;
  size_t rows = 0;
  const std::string row = "| high | [`CVE-";
  for (size_t at = md.find(row); at != std::string::npos; at = md.find(row, at + 1))
    ++rows;
  EXPECT_EQ(rows, 5u);
}

TEST(MarkdownReporterTest, ValuesCannotBreakTheTableOrInjectHtml) {
  Finding f = VulnFinding("CVE-1", "evil|pkg`<img src=x onerror=alert(1)>", "1", Severity::kHigh);
  std::string md = Render(MakeVerdict({f}));
  EXPECT_NE(md.find("evil\\|pkg\\`&lt;img src=x onerror=alert(1)&gt;@1"), std::string::npos) << md;
  EXPECT_EQ(md.find("<img"), std::string::npos);
}

TEST(MarkdownReporterTest, ExpiringAndExpiredWaivers) {
  Verdict v = MakeVerdict({VulnFinding("CVE-A", "a", "1", Severity::kHigh),
                           VulnFinding("CVE-B", "b", "1", Severity::kHigh)},
                          {MakeWaiver("CVE-A", "soon | gone", "2026-01-15"),
                           MakeWaiver("CVE-B", "too old", "2026-01-05")});
  std::string md = Render(v);
  EXPECT_NE(md.find("#### Waivers expiring soon (1)"), std::string::npos) << md;
  EXPECT_NE(md.find("| `CVE-A` | jane@example.com | 2026-01-15 | 5 | SEC-1 | soon \\| gone |"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("#### Expired waivers (1)"), std::string::npos);
  EXPECT_NE(md.find("| `CVE-B` | jane@example.com | 2026-01-05 | 1 | SEC-1 | too old |"),
            std::string::npos);
  // The expired waiver no longer waives: CVE-B is a violation.
  EXPECT_NE(md.find("#### Violations (1)"), std::string::npos);
}

TEST(MarkdownReporterTest, StaysUnderTheSizeLimit) {
  std::vector<Finding> f;
  for (int i = 0; i < 400; ++i)
    f.push_back(VulnFinding("CVE-" + std::to_string(i), std::string(250, 'x'), "1", Severity::kHigh));
  std::string full = Render(MakeVerdict(f), 1000);
  ASSERT_GT(full.size(), 20000u);
  std::string cut = Render(MakeVerdict(f), 1000, 20000);
  EXPECT_LE(cut.size(), 20000u);
  EXPECT_NE(cut.find("_Summary truncated"), std::string::npos);
  EXPECT_EQ(full.find("_Summary truncated"), std::string::npos);
}

TEST(MarkdownReporterTest, SecretsAndErrors) {
  std::string md = Render(MakeVerdict({SecretFinding("github-pat", "app.py", 9)}, {},
                                      Gate::kSecrets));
  EXPECT_NE(md.find("`ghp_…` (40 chars, `secret:github-pat:0123456789abcdef`)"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("app.py:9"), std::string::npos);
  Verdict err;
  err.tool = "secgate-vuln";
  err.exit_code = ExitCode::kError;
  err.error = "x.json: bad <input>";
  std::string e = Render(err);
  EXPECT_TRUE(e.starts_with("### ⚠️ secgate-vuln: ERROR")) << e;
  EXPECT_NE(e.find("x.json: bad &lt;input&gt;"), std::string::npos);
}

}  // namespace
}  // namespace secgate::core
