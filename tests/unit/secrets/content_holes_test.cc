// Unit tests for the matcher, masking and diff fixes behind
// tests/e2e/secrets/holes_content_test.cc: submatch storage sized from the
// rule, user-rule examples, allow markers and CR, ValueMasker, and the diff
// parser's text lines and continuations (baseline paths: baseline_test.cc).
#include <gtest/gtest.h>

#include "gates/secrets/mask.h"
#include "gates/secrets/matcher.h"
#include "gates/secrets/unified_diff.h"
#include "tests/unit/secrets/test_pack.h"

namespace secgate::secrets {
namespace {

Rule ManyGroups(int groups) {
  Rule r;
  r.id = "many-groups";
  r.description = "d";
  r.provider = "P";
  r.keywords = {"zq_"};
  for (int i = 1; i < groups; ++i) r.regex += "()";
  r.regex = "zq_" + r.regex + "([A-Za-z0-9]{20})";
  r.secret_group = groups;
  r.examples_match = {"zq_Ab3dE5gH7jK9mN1pQ2rS"};
  r.examples_no_match = {"zq_short"};
  return r;
}

std::vector<SecretMatch> ScanAll(const Matcher& e, std::string_view text) {
  ScanScratch scratch;
  std::vector<SecretMatch> found;
  e.Scan(text, "", &scratch, &found);
  return found;
}

TEST(ContentHolesTest, AnyNumberOfCaptureGroupsIsRun) {
  for (int groups : {1, 9, 10, 11, 40}) {
    RulePack p;
    p.rules = {ManyGroups(groups)};
    Matcher e(std::move(p));
    auto found = ScanAll(e, "x zq_Xy7Kp2Lm9Qr4Tz8Wb3Nd y");
    ASSERT_EQ(found.size(), 1u) << groups << " groups";
    EXPECT_EQ(found[0].end - found[0].begin, 20u);
    EXPECT_TRUE(CheckExamples(e, 0).ok());
  }
}

TEST(ContentHolesTest, CheckExamplesNamesTheRuleAndIndexNeverTheValue) {
  RulePack p;
  p.rules = {ManyGroups(1)};
  p.rules[0].source = "r.yaml:3";
  p.rules[0].examples_match.push_back("no token");
  p.rules[0].examples_no_match.push_back("zq_Lm9Qr4Tz8Wb3Nd7Kp2Xy");
  Matcher e(p);
  auto s = CheckExamples(e, 0);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().ToString(),
            "r.yaml:3: rule many-groups: examples.match[1] is not detected by the rule");
  p.rules[0].examples_match.pop_back();
  Matcher e2(p);
  s = CheckExamples(e2, 0);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().ToString(),
            "r.yaml:3: rule many-groups: examples.no_match[1] is detected by the rule");
}

TEST(ContentHolesTest, AllowMarkerOnlyOnTheReviewersLine) {
  auto e = TestEngine();
  const std::string t = kToken;
  EXPECT_EQ(ScanAll(*e, "a = " + t + "\rsecgate:allow\n").size(), 1u);
  EXPECT_EQ(ScanAll(*e, "secgate:allow\r" + t + "\n").size(), 1u);
  EXPECT_EQ(ScanAll(*e, "x\r" + t + " secgate:allow\ry\n").size(), 0u);
  EXPECT_EQ(ScanAll(*e, t + " secgate:allow\r\n").size(), 0u);  // CRLF
  EXPECT_EQ(ReviewerLine("ab\rcd\ref", 3, 4), "cd");
  EXPECT_EQ(ReviewerLine("ab\rcd\ref", 1, 4), "ab\rcd");
  EXPECT_EQ(ReviewerLine("abc", 0, 3), "abc");
}

TEST(ContentHolesTest, ValueMaskerReplacesEveryOccurrenceAndOverlaps) {
  const std::string a = "tstk_AAAAbbbbCCCCddddEEEEffffGGGGhhhh";
  const std::string b = "GGGGhhhhIIIIjjjj";  // overlaps the end of a
  ValueMasker m({{"test-token", a}, {"other", b}, {"test-token", a}});
  const std::string ta = MaskToken("test-token", a), tb = MaskToken("other", b);
  EXPECT_EQ(m.Apply("deploy-" + a + ".env"), "deploy-" + ta + ".env");
  EXPECT_EQ(m.Apply(a.substr(0, 30) + "IIIIjjjj!"), a.substr(0, 30) + "IIIIjjjj!");
  EXPECT_EQ(m.Apply(a + "IIIIjjjj!"), ta + tb + "!");  // one span, nothing of either left
  EXPECT_EQ(m.Apply("no secret"), "no secret");
  std::string upper = a;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  EXPECT_EQ(m.Apply(upper), upper);  // another value: left alone
  core::Finding f;
  f.location.path = "x/" + a;
  f.location.target = a;
  f.aliases = {b};
  m.Apply(&f);
  EXPECT_EQ(f.location.path, "x/" + ta);
  EXPECT_EQ(f.location.target, ta);
  EXPECT_EQ(f.aliases[0], tb);
  core::Verdict v;
  v.notes = {"skipped " + a};
  v.inputs.push_back({a, "files", 0, {}});
  m.Apply(&v);
  EXPECT_EQ(v.notes[0], "skipped " + ta);
  EXPECT_EQ(v.inputs[0].path, ta);
  ValueMasker none({});
  EXPECT_EQ(none.Apply(a), a);
}

struct Texts : DiffEvents {
  std::vector<std::string> events;
  void Commit(const std::string&, const std::string&, const std::string&) override {}
  void Added(const std::string& path, int line, std::string_view text) override {
    events.push_back("+" + path + ":" + std::to_string(line) + ":" + std::string(text));
  }
  void Binary(const std::string&) override {}
  void Text(int line, std::string_view text) override {
    events.push_back("T" + std::to_string(line) + ":" + std::string(text));
  }
};

TEST(ContentHolesTest, DiffParserReportsLinesOutsideHunksAndContinuations) {
  Texts t;
  UnifiedDiffParser p(&t);
  for (const char* l : {"log 1", "--- a/f", "+++ b/f", "@@ -1 +1,2 @@", "-x", "+long", "+y",
                        "log 2"})
    p.Feed(l);
  p.Continue("more of log 2");
  EXPECT_EQ(t.events, (std::vector<std::string>{"T1:log 1", "T2:--- a/f", "T3:+++ b/f",
                                                "T4:@@ -1 +1,2 @@", "+f:1:long", "+f:2:y",
                                                "T8:log 2", "T8:more of log 2"}));
  t.events.clear();
  p.Feed("@@ -1 +1 @@");
  p.Feed("+start");
  p.Continue("end of the added line");
  p.Feed("-gone");
  p.Continue("end of the removed line");
  EXPECT_EQ(t.events, (std::vector<std::string>{"T9:@@ -1 +1 @@", "+f:1:start",
                                                "+f:1:end of the added line"}));
}

}  // namespace
}  // namespace secgate::secrets
