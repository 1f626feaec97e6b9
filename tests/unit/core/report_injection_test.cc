// Hostile values against the escaping of each output kind (escape.h) and
// against the SARIF document's structure: control characters never pass
// raw into terminal text or workflow commands, and no finding id, however
// chosen, changes where the SARIF results go.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "gates/core/report/escape.h"
#include "gates/core/report/sarif_reporter.h"
#include "tests/unit/core/report_test_util.h"

namespace secgate::core {
namespace {

TEST(ReportInjectionTest, TerminalTextShowsControlsAsText) {
  EXPECT_EQ(SanitizeForTerminal("a\x1b[2Jb\x07\t\x7f\xc2\x9b" "c"), "a\\x1b[2Jb\\x07\\x09\\x7f\\x9bc");
  EXPECT_EQ(SanitizeForTerminal("caf\xc3\xa9 \xe2\x80\xa6"), "caf\xc3\xa9 \xe2\x80\xa6");
  // A lone 0x9b byte (the 8-bit CSI to a Latin-1 terminal) is not passed on.
  EXPECT_EQ(SanitizeForTerminal("x\x9b" "31m"), "x\xef\xbf\xbd" "31m");
}

TEST(ReportInjectionTest, WorkflowCommandsEscapeControlCharacters) {
  EXPECT_EQ(GithubEscapeData("p\x1b[31m\r\n%\x07\xc2\x9b"), "p\\x1b[31m%0D%0A%25\\x07\\x9b");
  EXPECT_EQ(GithubEscapeProperty("a:\x1b]0;t\x07,b"), "a%3A\\x1b]0;t\\x07%2Cb");
  EXPECT_EQ(GithubEscapeData("bad \xff utf8"), "bad \xef\xbf\xbd utf8");
}

TEST(ReportInjectionTest, MarkdownTurnsControlCharactersIntoSpaces) {
  EXPECT_EQ(MarkdownEscape("a\x1b[2J\x07\xc2\x9b" "b"), "a \\[2J  b");
  EXPECT_EQ(MarkdownCodeSpan("x\x1b" "y"), "`x y`");
}

TEST(ReportInjectionTest, SarifResultsStayAnArrayWhateverTheFindingId) {
  for (const std::string id : {"\x01secgate-results\x01", "\"results\": [", "]}]}"}) {
    SCOPED_TRACE(id);
    Verdict v = testing::MakeVerdict({testing::VulnFinding(id, "a", "1.0", Severity::kHigh)});
    std::ostringstream out;
    SarifReporter().Write(v, out);
    auto doc = nlohmann::json::parse(out.str());
    const auto& run = doc["runs"][0];
    ASSERT_TRUE(run["results"].is_array()) << out.str();
    ASSERT_EQ(run["results"].size(), 1u);
    EXPECT_EQ(run["results"][0]["ruleId"], id);
    EXPECT_EQ(run["tool"]["driver"]["rules"][0]["id"], id);
    EXPECT_EQ(run["properties"]["secgate"]["resultsWritten"], 1);
  }
}

}  // namespace
}  // namespace secgate::core
