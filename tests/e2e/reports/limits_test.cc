// Size limits and failure handling of the report layer on the real
// secgate-vuln: GitHub's 25,000-results-per-run SARIF limit and
// 10-error-annotations-per-step limit on a generated large report, reports
// on stdout, and reports that cannot be written (exit 2, fail closed).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/e2e/reports/reports_e2e.h"

namespace secgate::reports_e2e {
namespace {

using nlohmann::json;
using secgate::testing::ReadFile;

constexpr int kCritical = 12;
constexpr int kLow = 25'003;  // 25,015 findings: 15 over the SARIF limit.

TEST(LimitsE2eTest, LargeReportIsCutToTheWorstWithCounts) {
  ASSERT_NO_FATAL_FAILURE(InstallNodeTools());
  Workspace ws;
  ws.Write("large.json", GenerateTrivy(kCritical, kLow));
  auto r = ws.Vuln({"--github", "--report", "sarif=large.sarif", "--report", "json=large.json.out",
                    "large.json"});
  ASSERT_EQ(r.exit_code, 1) << r.err;

  json doc = json::parse(ReadFile(ws.Path("large.sarif")));
  const json& run = doc["runs"][0];
  ASSERT_EQ(run["results"].size(), 25'000u);
  int critical = 0;
  for (const auto& res : run["results"]) critical += res["level"] == "error";
  EXPECT_EQ(critical, kCritical);  // Every violation kept; low ones cut.
  EXPECT_EQ(run["results"][0]["level"], "error");
  EXPECT_EQ(run["properties"]["secgate"]["resultsOmitted"], kCritical + kLow - 25'000);
  EXPECT_EQ(run["properties"]["secgate"]["resultsWritten"], 25'000);
  EXPECT_LE(run["tool"]["driver"]["rules"].size(), 25'000u);

  // The text output and the JSON verdict say how many were left out.
  EXPECT_NE(r.out.find("Note:    SARIF: the 25000 worst of 25015 results written, 15 left out"),
            std::string::npos);
  json verdict = json::parse(ReadFile(ws.Path("large.json.out")));
  EXPECT_EQ(verdict["findings"].size(), 25'015u);  // JSON is never cut.
  bool noted = false;
  for (const auto& n : verdict["notes"]) noted |= n.get<std::string>().find("15 left out") != std::string::npos;
  EXPECT_TRUE(noted);

  // At most ten error annotations, then a roll-up with the rest.
  std::istringstream in(r.out);
  int errors = 0;
  std::string notice;
  for (std::string l; std::getline(in, l);) {
    errors += l.starts_with("::error ");
    if (l.starts_with("::notice ")) notice = l;
  }
  EXPECT_EQ(errors, 10);
  EXPECT_NE(notice.find("25015 findings, 12 violations, 0 waived, 25003 below threshold, 0 "
                        "ignored; 2 more violations not annotated"),
            std::string::npos)
      << notice;

  auto v = ValidateSarif({ws.Path("large.sarif")});
  EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
}

TEST(LimitsE2eTest, ReportOnStdoutStaysParseable) {
  Workspace ws;
  auto r = ws.Vuln({"--github", "--report", "sarif=-", "alpine-39.json"});
  ASSERT_EQ(r.exit_code, 1) << r.err;
  json doc = json::parse(r.out);  // Nothing but the SARIF on stdout.
  EXPECT_EQ(doc["version"], "2.1.0");
  // The human text and annotations moved to stderr.
  EXPECT_NE(r.err.find("secgate-vuln 0.1.0: FAIL"), std::string::npos);
  EXPECT_NE(r.err.find("::notice title=secgate-vuln"), std::string::npos);
}

TEST(LimitsE2eTest, TwoReportsOnStdoutIsAUsageError) {
  Workspace ws;
  auto r = ws.Vuln({"--report", "json=-", "--report", "sarif=-", "alpine-39.json"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "secgate-vuln: error: --report: only one report can go to stdout ('-'), got "
            "'sarif=-'\n");
}

TEST(LimitsE2eTest, UnwritableReportFailsClosed) {
  Workspace ws;
  for (const char* format : {"sarif", "junit", "markdown", "json", "github"}) {
    std::string spec = std::string(format) + "=" + ws.Path("no/such/dir/out");
    auto r = ws.Vuln({"--quiet", "--report", spec, "pnpm.json"});  // pnpm.json alone passes.
    EXPECT_EQ(r.exit_code, 2) << format;
    EXPECT_NE(r.err.find(std::string("cannot write ") + format + " report"), std::string::npos)
        << r.err;
  }
}

TEST(LimitsE2eTest, UnknownFormatIsAUsageError) {
  Workspace ws;
  auto r = ws.Vuln({"--report", "html5=x", "pnpm.json"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "secgate-vuln: error: --report: unknown report format 'html5' (expected one of: "
            "text, json, sarif, junit, markdown, github, codequality)\n");
}

}  // namespace
}  // namespace secgate::reports_e2e
