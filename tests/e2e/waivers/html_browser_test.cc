// The HTML waiver report in a real browser: Debian's chromium renders it
// headless. The DOM must have one row per waiver with the same counts per
// status as the JSON report, the inline script must have run, and a reason
// containing <script> must be text, not an element. A screenshot is saved
// in the test output directory. chromium is installed when missing; if that
// fails the test fails (it is never skipped).
#include <sys/stat.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/e2e/waivers/e2e_util.h"

namespace secgate::testing {
namespace {

std::string Chromium() {
  std::string c = Which("chromium");
  if (!c.empty()) return c;
  std::string apt = Which("apt-get");
  if (apt.empty()) return "";
  ProcessOptions o;
  o.timeout_seconds = 900;
  o.env = {{"DEBIAN_FRONTEND", "noninteractive"}};
  RunProcess({apt, "install", "-y", "chromium"}, o);
  return Which("chromium");
}

std::vector<std::string> ChromiumArgs(const std::string& chromium, const std::string& profile) {
  return {chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
          "--disable-component-update", "--disable-sync", "--no-first-run",
          "--user-data-dir=" + profile};
}

TEST(HtmlReportBrowser, DomMatchesJsonAndScriptReasonIsText) {
  std::string chromium = Chromium();
  ASSERT_FALSE(chromium.empty()) << "chromium is missing and apt-get install -y chromium failed";
  TempDir dir;
  dir.Write("secgate-waivers.yaml",
            "version: 1\nwaivers:\n" +
                Entry("CVE-2024-0001", "alice@example.com", "2026-01-01", "2026-03-01",
                      "<script>document.title='pwned'</script> not reachable") +
                Entry("CVE-2024-0002", "bob@example.com", "2026-03-01", "2026-04-04", "expiring") +
                Entry("CVE-2024-0003", "bob@example.com", "2026-03-01", "2026-05-30", "unused") +
                Entry("CVE-2024-0004", "TODO", "2026-03-01", "2026-05-30", "invalid") +
                Entry("CVE-2024-0005", "carol@example.com", "2026-03-01", "2026-05-30", "active") +
                Entry("CVE-2024-0006", "carol@example.com", "2026-03-01", "2026-05-20", "active too"));
  dir.Write("r.json", VerdictJson("vuln", {{"CVE-2024-0005", "pkg:npm/a@1", "", ""},
                                           {"CVE-2024-0006", "pkg:npm/b@1", "", ""}}));
  std::vector<std::string> common = {"report", "--results", "r.json", "--today", kToday,
                                     "--fail-on", "never"};
  auto with = [&](std::vector<std::string> extra) {
    std::vector<std::string> a = common;
    a.insert(a.end(), extra.begin(), extra.end());
    return a;
  };
  ProcessResult html = Waivers(with({"--format", "html", "--output", "report.html"}), dir.path());
  ASSERT_EQ(html.exit_code, 0) << html.err;
  ProcessResult js = Waivers(with({"--format", "json"}), dir.path());
  ASSERT_EQ(js.exit_code, 0) << js.err;
  nlohmann::json report = nlohmann::json::parse(js.out);

  std::string file = dir.path() + "/report.html";
  std::vector<std::string> dump = ChromiumArgs(chromium, dir.path() + "/profile-dom");
  dump.push_back("--dump-dom");
  dump.push_back("file://" + file);
  ProcessOptions o;
  o.timeout_seconds = 180;
  ProcessResult dom = RunProcess(dump, o);
  ASSERT_EQ(dom.exit_code, 0) << dom.err;
  const std::string& d = dom.out;
  ASSERT_NE(d.find("id=\"waivers\""), std::string::npos) << d.substr(0, 2000);

  int total = 0;
  for (const auto& [status, count] : report["totals"]["by_status"].items()) {
    EXPECT_EQ(Count(d, "<tr class=\"waiver s-" + status + "\""), count.get<int>()) << status;
    total += count.get<int>();
  }
  EXPECT_EQ(total, 6);
  EXPECT_EQ(report["totals"]["by_status"]["expired"], 1);
  EXPECT_EQ(report["totals"]["by_status"]["active"], 2);
  // The inline script ran (it marks the document and counts the rows) ...
  EXPECT_NE(d.find("data-js=\"ready\""), std::string::npos);
  EXPECT_NE(d.find(">6 of 6 shown<"), std::string::npos);
  // ... and the reason's <script> stayed text: one script element in the
  // whole document (ours), the title untouched, the text escaped.
  EXPECT_EQ(Count(d, "<script"), 1);
  EXPECT_NE(d.find("&lt;script&gt;document.title='pwned'&lt;/script&gt; not reachable"), std::string::npos);
  EXPECT_EQ(d.find("<title>pwned</title>"), std::string::npos);
  EXPECT_NE(d.find("<title>Waiver report: secgate-waivers.yaml</title>"), std::string::npos);
  // Status is spelled out, not only coloured.
  EXPECT_NE(d.find("EXPIRED</span>"), std::string::npos);
  EXPECT_NE(d.find("EXPIRING</span>"), std::string::npos);

  std::string out_dir = WAIVERS_TEST_OUTPUT_DIR;
  ::mkdir(out_dir.c_str(), 0755);
  std::string png = out_dir + "/waiver-report.png";
  std::remove(png.c_str());
  std::vector<std::string> shot = ChromiumArgs(chromium, dir.path() + "/profile-shot");
  shot.push_back("--screenshot=" + png);
  shot.push_back("--window-size=1280,900");
  shot.push_back("--hide-scrollbars");
  shot.push_back("--virtual-time-budget=2000");
  shot.push_back("file://" + file);
  ProcessResult s = RunProcess(shot, o);
  ASSERT_EQ(s.exit_code, 0) << s.err;
  std::string bytes = ReadFile(png);
  ASSERT_GT(bytes.size(), 10000u) << "screenshot missing or blank: " << png;
  EXPECT_EQ(bytes.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
}

}  // namespace
}  // namespace secgate::testing
