// secgate-waivers report in text and Markdown (what ends up in a terminal,
// a workflow log or a pull-request comment) with terminal control
// sequences in a waiver reason and in a results file: every control
// character is neutralised, the text around it stays.
#include <gtest/gtest.h>

#include "tests/e2e/waivers/e2e_util.h"

namespace secgate::testing {
namespace {

// ESC [2J clears the screen, OSC 0 sets the window title, BEL, backspace,
// and U+009B is the 8-bit CSI. In YAML double quotes: \e, \a, \b, \x9b.
const char kYamlReason[] = R"(evil\e[2J\e]0;pwned\a\b\x9b31m done)";
const std::string kPath = "lock\x1b[8m\x07.json";

void ExpectNoControls(const std::string& out) {
  for (char c : out) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '\n') continue;
    EXPECT_FALSE(u < 0x20 || u == 0x7f) << "raw control byte " << int(u) << " in:\n" << out;
  }
  EXPECT_EQ(out.find("\xc2\x9b"), std::string::npos) << out;
}

TEST(ReportEscapeE2e, ControlCharactersNeverReachTextOrMarkdown) {
  TempDir dir;
  dir.Write("secgate-waivers.yaml",
            "version: 1\nwaivers:\n" +
                Entry("CVE-2024-0005", "carol@example.com", "2026-03-01", "2026-05-30", kYamlReason));
  dir.Write("r.json", VerdictJson("vuln", {{"CVE-2024-0005", "pkg:npm/lodash@4.17.20", kPath, ""}}));
  for (const char* format : {"markdown", "text"}) {
    SCOPED_TRACE(format);
    ProcessResult r = Waivers({"report", "--results", "r.json", "--format", format, "--today",
                               kToday, "--fail-on", "never"},
                              dir.path());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("evil"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("done"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("lock"), std::string::npos) << r.out;
    ExpectNoControls(r.out);
  }
}

}  // namespace
}  // namespace secgate::testing
