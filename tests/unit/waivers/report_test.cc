// Tests for gates/waivers_tool/report.h: the format table is the one list of
// report formats (every row renders, names are unique, lookups and the
// names the --format help and error show come from it).
#include "gates/waivers_tool/report.h"

#include <gtest/gtest.h>

#include <set>

namespace secgate::waivers {
namespace {

WaiverReport SmallReport() {
  const char* file =
      "version: 1\nwaivers:\n"
      "  - {id: CVE-2024-9, gate: vuln, reason: r, owner: amy, created: 2026-03-01, "
      "expires: 2026-05-30}\n";
  LoadedWaivers l;
  l.path = "w.yaml";
  l.text = file;
  l.file = *core::ParseWaiverFile(file, "w.yaml", {}, *core::ParseDate("2026-04-01"));
  FileBlame blame;
  blame.note = "not committed (test)";
  return BuildReport(l, {}, core::DefaultPolicy(), *core::ParseDate("2026-04-01"), blame);
}

TEST(WaiverReportFormats, EveryRowRendersTheWaiver) {
  const WaiverReport r = SmallReport();
  std::set<std::string> names;
  for (const auto& f : WaiverReportFormats()) {
    EXPECT_TRUE(names.insert(f.name).second) << "duplicate format " << f.name;
    ASSERT_NE(f.render, nullptr) << f.name;
    EXPECT_NE(f.render(r).find("CVE-2024-9"), std::string::npos) << f.name;
    EXPECT_EQ(FindWaiverReportFormat(f.name), &f);
    EXPECT_NE(WaiverReportFormatNames().find(f.name), std::string::npos) << f.name;
  }
  EXPECT_EQ(names, (std::set<std::string>{"text", "markdown", "html", "json"}));
  EXPECT_STREQ(WaiverReportFormats()[0].name, "text");  // the default comes first
}

TEST(WaiverReportFormats, UnknownNameIsNotFound) {
  EXPECT_EQ(FindWaiverReportFormat("xml"), nullptr);
  EXPECT_EQ(FindWaiverReportFormat(""), nullptr);
  EXPECT_EQ(FindWaiverReportFormat("TEXT"), nullptr);
  EXPECT_EQ(WaiverReportFormatNames(), "text, markdown, html or json");
}

}  // namespace
}  // namespace secgate::waivers
