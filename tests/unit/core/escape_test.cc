// Tests for gates/core/report/escape.h: escaping for each output kind, and
// hostile values (control characters, bad UTF-8) against each.
#include "gates/core/report/escape.h"

#include <gtest/gtest.h>

namespace secgate::core {
namespace {

TEST(EscapeTest, GithubMessageEscapesPercentAndLineBreaksOnly) {
  EXPECT_EQ(GithubEscapeData("100% done\r\nnext: a,b"), "100%25 done%0D%0Anext: a,b");
}

TEST(EscapeTest, GithubPropertyAlsoEscapesColonAndComma) {
  EXPECT_EQ(GithubEscapeProperty("a:b,c%d\ne"), "a%3Ab%2Cc%25d%0Ae");
  // An injected "::" cannot end the parameter list.
  EXPECT_EQ(GithubEscapeProperty("x::error::y"), "x%3A%3Aerror%3A%3Ay");
}

TEST(EscapeTest, XmlEscapesMarkupAndDropsForbiddenCharacters) {
  EXPECT_EQ(XmlEscape("a<b>&\"c'", false), "a&lt;b&gt;&amp;&quot;c&apos;");
  EXPECT_EQ(XmlEscape(std::string("x\x01y\x1bz\x00w", 8), false), "xyzw");
  EXPECT_EQ(XmlEscape("tab\there\nline", true), "tab&#9;here&#10;line");
  EXPECT_EQ(XmlEscape("tab\there\nline", false), "tab\there\nline");
  EXPECT_EQ(XmlEscape("\xEF\xBF\xBE", false), "");              // U+FFFE is not XML.
  EXPECT_EQ(XmlEscape("caf\xC3\xA9", false), "caf\xC3\xA9");      // é kept.
  EXPECT_EQ(XmlEscape("bad\xFFutf8", false), "bad\xEF\xBF\xBDutf8");  // U+FFFD.
}

TEST(EscapeTest, Utf8IsRepairedAndTruncatedOnBoundaries) {
  EXPECT_EQ(ValidUtf8("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // Surrogate.
  EXPECT_EQ(ValidUtf8("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");                  // Overlong.
  EXPECT_EQ(TruncateUtf8("short", 10), "short");
  EXPECT_EQ(TruncateUtf8("abcdefghij", 6), "abc…");
  // "ééé" is 6 bytes; cutting at 5 must not split a character.
  std::string cut = TruncateUtf8("\xC3\xA9\xC3\xA9\xC3\xA9", 5);
  EXPECT_EQ(cut, "\xC3\xA9…");
  EXPECT_LE(cut.size(), 5u);
}

TEST(EscapeTest, MarkdownCannotBreakTablesOrInjectHtml) {
  EXPECT_EQ(MarkdownEscape("a|b`c<img src=x>"), "a\\|b\\`c&lt;img src=x&gt;");
  EXPECT_EQ(MarkdownEscape("line\nbreak"), "line break");
  EXPECT_EQ(MarkdownEscape("*bold* _it_ [l](u) ~s~ $m$"),
            "\\*bold\\* \\_it\\_ \\[l\\](u) \\~s\\~ \\$m\\$");
  EXPECT_EQ(MarkdownCodeSpan("CVE-1"), "`CVE-1`");
  EXPECT_EQ(MarkdownCodeSpan("a`b"), "`` a`b ``");
  EXPECT_EQ(MarkdownCodeSpan("a|b"), "`a\\|b`");
}

TEST(EscapeTest, PathsBecomeValidUriReferences) {
  EXPECT_EQ(PathToUri("web/package-lock.json"), "web/package-lock.json");
  EXPECT_EQ(PathToUri("my dir/a#b?.txt"), "my%20dir/a%23b%3F.txt");
  // "alpine:3.9" would read as a URI with scheme "alpine".
  EXPECT_EQ(PathToUri("alpine:3.9 (alpine 3.9.4)"), "alpine%3A3.9%20(alpine%203.9.4)");
  EXPECT_EQ(PathToUri("/src/app/go.mod"), "file:///src/app/go.mod");
  EXPECT_EQ(PathToUri("100%"), "100%25");
  EXPECT_EQ(PathToUri("caf\xC3\xA9"), "caf%C3%A9");
  EXPECT_EQ(PathToUri(""), "");
}

TEST(EscapeTest, OnlyPlainHttpUrlsPassAsUris) {
  EXPECT_TRUE(IsPlainHttpUrl("https://avd.aquasec.com/nvd/cve-2019-14697"));
  EXPECT_TRUE(IsPlainHttpUrl("http://example.com/a?b=c#d"));
  EXPECT_FALSE(IsPlainHttpUrl("https://exa mple.com"));
  EXPECT_FALSE(IsPlainHttpUrl("javascript:alert(1)"));
  EXPECT_FALSE(IsPlainHttpUrl("https://"));
  EXPECT_FALSE(IsPlainHttpUrl("https://x.com/\">"));
}

// Hostile values: control characters never pass raw into terminal text,
// workflow commands or Markdown.
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

}  // namespace
}  // namespace secgate::core
