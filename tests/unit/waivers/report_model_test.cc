// Tests for gates/waivers_tool/report_model.h: statuses, grouping, totals,
// matches, and the HTML escaping of values from the waiver file.
#include "gates/waivers_tool/report_model.h"

#include <gtest/gtest.h>

#include "gates/waivers_tool/report.h"

namespace secgate::waivers {
namespace {

const char* kFile = R"(version: 1
waivers:
  - {id: CVE-2024-1, gate: vuln, reason: "<script>alert(1)</script>", owner: zed, created: 2026-01-01, expires: 2026-02-01}
  - {id: CVE-2024-2, gate: vuln, reason: r, owner: amy, created: 2026-03-01, expires: 2026-04-04}
  - {id: CVE-2024-3, gate: vuln, reason: r, owner: amy, created: 2026-03-01, expires: 2026-05-30}
  - {id: CVE-2024-4, gate: vuln, reason: r, owner: TODO, created: 2026-03-01, expires: 2026-05-30}
  - {id: CVE-2024-5, gate: vuln, package: pkg:npm/a, reason: r, owner: amy, created: 2026-03-01, expires: 2026-05-20}
)";

WaiverReport Build(bool with_results) {
  LoadedWaivers l;
  l.path = "w.yaml";
  l.text = kFile;
  l.file = *core::ParseWaiverFile(kFile, "w.yaml", {}, *core::ParseDate("2026-04-01"));
  std::vector<ResultFile> results;
  if (with_results) {
    ResultFile rf;
    rf.path = "r.json";
    ResultFinding f;
    f.finding.id = "CVE-2024-5";
    f.finding.package = {"a", "1", "npm", "pkg:npm/a@1"};
    rf.findings.push_back(f);
    results.push_back(rf);
  }
  FileBlame blame;
  blame.note = "not committed (test)";
  return BuildReport(l, results, core::DefaultPolicy(), *core::ParseDate("2026-04-01"), blame);
}

std::vector<std::string> Order(const WaiverReport& r) {
  std::vector<std::string> out;
  for (const auto& e : r.entries)
    out.push_back(std::string(core::WaiverStatusName(e.status)) + " " + e.waiver.id);
  return out;
}

TEST(BuildReport, StatusesGroupedWorstFirst) {
  WaiverReport r = Build(true);
  std::vector<std::string> want = {"expired CVE-2024-1", "invalid CVE-2024-4", "expiring CVE-2024-2",
                                   "unused CVE-2024-3", "active CVE-2024-5"};
  EXPECT_EQ(Order(r), want);
  EXPECT_EQ(r.by_status.at("expired"), 1);
  EXPECT_EQ(r.by_status.at("unused"), 1);
  EXPECT_EQ(r.by_gate.at("vuln"), 5);
  ASSERT_EQ(r.entries[4].matches.size(), 1u);
  EXPECT_EQ(r.entries[4].matches[0].id, "CVE-2024-5");
  EXPECT_EQ(r.entries[1].problems.at(0), "waiver CVE-2024-4: missing owner (placeholder 'TODO')");
  ASSERT_EQ(r.next_expiries.size(), 4u);
  EXPECT_EQ(r.entries[r.next_expiries[0]].waiver.id, "CVE-2024-2");
  EXPECT_EQ(r.entries[r.next_expiries[1]].waiver.id, "CVE-2024-5");
  ASSERT_FALSE(r.top_owners.empty());
  EXPECT_EQ(r.top_owners[0], std::make_pair(std::string("amy"), 3));
}

TEST(BuildReport, WithoutResultsNothingIsUnused) {
  WaiverReport r = Build(false);
  EXPECT_EQ(r.by_status.at("unused"), 0);
  EXPECT_EQ(r.by_status.at("active"), 2);
}

TEST(RenderHtml, EscapesWaiverValues) {
  std::string html = RenderHtml(Build(true));
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  // Self-contained: no external resources.
  EXPECT_EQ(html.find("src="), std::string::npos);
  EXPECT_EQ(html.find("href="), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
}

TEST(RenderMarkdown, EscapesCells) {
  std::string md = RenderMarkdown(Build(true));
  EXPECT_NE(md.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_EQ(md.find("<script>"), std::string::npos);
}

}  // namespace
}  // namespace secgate::waivers
