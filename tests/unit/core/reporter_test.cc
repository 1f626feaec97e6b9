// Tests for gates/core/report/reporter.cc: the table of report formats.
#include "gates/core/report/reporter.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <set>
#include <sstream>

#include "tests/unit/core/report_test_util.h"

namespace secgate::core {
namespace {

// Every listed format makes a reporter that writes something for a
// verdict, names are unique, and docs/outputs.md documents each one.
TEST(ReporterTable, EveryFormatIsMadeAndDocumented) {
  std::ifstream doc(std::string(SECGATE_SOURCE_DIR) + "/docs/outputs.md");
  std::string docs((std::istreambuf_iterator<char>(doc)), std::istreambuf_iterator<char>());
  ASSERT_FALSE(docs.empty());
  std::set<std::string> seen;
  for (const std::string& name : ReportFormats()) {
    EXPECT_TRUE(seen.insert(name).second) << name;
    auto r = MakeReporter(name, ReportOptions{});
    ASSERT_TRUE(r.ok()) << name;
    Verdict v = testing::MakeVerdict(
        {testing::VulnFinding("CVE-2024-1", "lodash", "4.17.4", Severity::kHigh)});
    std::ostringstream out;
    (*r)->Write(v, out);
    EXPECT_FALSE(out.str().empty()) << name;
    if (name != "text")  // text is stdout, documented as "Text (stdout)".
      EXPECT_NE(docs.find("--report " + name + "=PATH"), std::string::npos) << name;
  }
  EXPECT_TRUE(seen.count("text"));
}

TEST(ReporterTable, UnknownFormatListsTheTable) {
  auto r = MakeReporter("yaml", ReportOptions{});
  ASSERT_FALSE(r.ok());
  std::string want = "unknown report format 'yaml' (expected one of: ";
  for (size_t i = 0; i < ReportFormats().size(); ++i)
    want += (i ? ", " : "") + ReportFormats()[i];
  EXPECT_EQ(r.error().message, want + ")");
}

}  // namespace
}  // namespace secgate::core
