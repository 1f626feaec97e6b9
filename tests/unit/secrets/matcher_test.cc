// The matching engine (gates/secrets/matcher.cc, keyword_index.cc,
// collector.cc): prefilter, lazy compilation, entropy, allowlists, inline
// markers, line numbers, redaction, CheckExamples and ReviewerLine.
#include <gtest/gtest.h>

#include "gates/core/fingerprint.h"
#include "gates/core/glob.h"
#include "gates/secrets/collector.h"
#include "gates/secrets/keyword_index.h"
#include "tests/unit/secrets/test_pack.h"

namespace secgate::secrets {
namespace {

TEST(KeywordIndexTest, FindsEveryKeywordCaseInsensitively) {
  KeywordIndex idx({"ghp_", "AKIA", "hp_x"});
  std::vector<std::pair<size_t, std::vector<int>>> hits;
  idx.Scan("xx GHP_X akia", [&](size_t end, int st) { hits.push_back({end, idx.KeywordsAt(st)}); });
  ASSERT_EQ(hits.size(), 3u);
  EXPECT_EQ(hits[0], (std::pair<size_t, std::vector<int>>{7, {0}}));
  EXPECT_EQ(hits[1], (std::pair<size_t, std::vector<int>>{8, {2}}));
  EXPECT_EQ(hits[2], (std::pair<size_t, std::vector<int>>{13, {1}}));
}

TEST(MatcherTest, ReportsLineIndexAndSpan) {
  auto e = TestEngine();
  std::string text = std::string("a\r\nb\nTOKEN=") + kToken + "\r\nz";
  ScanScratch s;
  std::vector<SecretMatch> m;
  e->Scan(text, "", &s, &m);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].line_index, 2u);
  EXPECT_EQ(text.substr(m[0].begin, m[0].end - m[0].begin), kToken);
}

TEST(MatcherTest, CompilesOnlyRulesWhoseKeywordsOccur) {
  auto e = TestEngine();
  EXPECT_EQ(e->compiled_rules(), 0u);
  EXPECT_TRUE(RulesFound(*e, "nothing to see here\n").empty());
  EXPECT_EQ(e->compiled_rules(), 0u);
  EXPECT_EQ(RulesFound(*e, std::string("x ") + kKeyId), std::vector<std::string>{"test-key-id@0"});
  EXPECT_EQ(e->compiled_rules(), 1u);
}

TEST(MatcherTest, TestKeysAreMarkedNotDropped) {
  auto e = TestEngine();
  ScanScratch s;
  std::vector<SecretMatch> m;
  e->Scan("a = tstk_testQ7mZ2xR9pL4vK8nB3cW6yT1dF5gH\nb = " + std::string(kToken), "", &s, &m);
  ASSERT_EQ(m.size(), 2u);
  EXPECT_TRUE(m[0].test_key);
  EXPECT_FALSE(m[1].test_key);
  EXPECT_EQ(e->Classify(0, "tstk_testQ7mZ2xR9pL4vK8nB3cW6yT1dF5gH"), Candidate::kTestKey);
  EXPECT_EQ(e->Classify(0, kToken), Candidate::kSecret);
  EXPECT_EQ(e->Classify(0, "tstk_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"), Candidate::kReject);
}

TEST(MatcherTest, PolicyAllowlistRegexesLabelMatches) {
  RulePack p = TestPack();
  p.allowlist.secret_regexes = {"^TKIA"};
  p.allowlist.line_regexes = {"# fixture$"};
  Matcher e(std::move(p));
  ScanScratch s;
  std::vector<SecretMatch> m;
  std::string text = std::string("k = ") + kKeyId + "\nt = " + kToken + " # fixture\nt2 = " +
                     kToken + "\n";
  e.Scan(text, "", &s, &m);
  ASSERT_EQ(m.size(), 3u);
  ASSERT_GE(m[0].allowlisted, 0);
  EXPECT_EQ(e.AllowlistLabel(m[0].allowlisted), "secrets.allowlist.secret_regexes[0]");
  ASSERT_GE(m[1].allowlisted, 0);
  EXPECT_EQ(e.AllowlistLabel(m[1].allowlisted), "secrets.allowlist.line_regexes[0]");
  EXPECT_EQ(m[2].allowlisted, -1);
  core::Finding f = ToFinding(e, m[1], text, Origin{"t", "a.py"}, 2);
  EXPECT_EQ(f.allowlisted, "secrets.allowlist.line_regexes[0]");
}

TEST(MatcherTest, EntropyAllowAndPlaceholdersSuppress) {
  auto e = TestEngine();
  EXPECT_TRUE(RulesFound(*e, "tstk_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa").empty());  // entropy
  EXPECT_TRUE(RulesFound(*e, "TKIA0000000000000000").empty());                  // rule allow
  EXPECT_TRUE(RulesFound(*e, "password = \"${DB_PASSWORD}\"").empty());          // placeholder
  EXPECT_TRUE(RulesFound(*e, "password = \"<your-password>\"").empty());         // placeholder
  EXPECT_TRUE(RulesFound(*e, "password = \"Example#Pass99\"").empty());          // stopword
  EXPECT_TRUE(RulesFound(*e, "password = \"changeme123\"").empty());             // stopword
  EXPECT_EQ(RulesFound(*e, "password = \"Vq8#mK2!zR5pL\"").size(), 1u);
}

TEST(MatcherTest, InlineMarkersSuppressTheLine) {
  auto e = TestEngine();
  for (const char* marker : {"# secgate:allow", "// gitleaks:allow", "# pragma: allowlist secret",
                             "# trufflehog:ignore"}) {
    std::string text = std::string("k = ") + kKeyId + "  " + marker + "\nk2 = " + kKeyId + "\n";
    EXPECT_EQ(RulesFound(*e, text), std::vector<std::string>{"test-key-id@1"}) << marker;
  }
}

TEST(MatcherTest, PathFiltersApply) {
  auto e = TestEngine();
  EXPECT_EQ(RulesFound(*e, "cfgsecret=Zx81Kq03Lm72Pw", "conf/app.cfg").size(), 1u);
  EXPECT_EQ(RulesFound(*e, "cfgsecret=Zx81Kq03Lm72Pw", "app.cfg").size(), 1u);
  EXPECT_TRUE(RulesFound(*e, "cfgsecret=Zx81Kq03Lm72Pw", "conf/app.py").empty());
}

TEST(MatcherTest, SpecificRuleBeatsGenericOnTheSameSecret) {
  RulePack p = TestPack();
  // Make the generic rule also match the key id.
  for (auto& r : p.rules)
    if (r.id == "generic-test-password") r.regex = "(?i)password\\s*=\\s*\"([A-Z0-9]{20})\"";
  Matcher e(std::move(p));
  EXPECT_EQ(RulesFound(e, std::string("password = \"") + kKeyId + "\""),
            std::vector<std::string>{"test-key-id@0"});
}

TEST(MatcherTest, ManyMatchesOnOneLineAndLongLinesStayLinear) {
  auto e = TestEngine();
  std::string line;
  for (int i = 0; i < 2000; ++i) line += std::string(kKeyId) + " ";
  EXPECT_EQ(RulesFound(*e, line).size(), 2000u);
  std::string hostile(4 << 20, 'T');  // 4 MiB of keyword prefixes, no match
  for (size_t i = 0; i < hostile.size(); i += 4) hostile.replace(i, 4, "TKIA");
  EXPECT_TRUE(RulesFound(*e, hostile).empty());
}

TEST(CollectorTest, FindingsAreRedactedWithFingerprints) {
  auto e = TestEngine();
  Collector c(*e);
  std::string text = std::string("x\n") + kToken + "\n";
  std::vector<int> lines = {10, 42};
  c.Scan({"staged", "a.py", "abc", "A <a@b>", "2024-01-01T00:00:00+00:00"}, text, &lines);
  ASSERT_EQ(c.findings().size(), 1u);
  const core::Finding& f = c.findings()[0];
  EXPECT_EQ(f.id, "test-token");
  EXPECT_EQ(f.location.line, 42);
  EXPECT_EQ(f.location.path, "a.py");
  EXPECT_EQ(f.location.commit, "abc");
  EXPECT_EQ(f.fingerprint, core::SecretFingerprint("test-token", kToken));
  EXPECT_EQ(f.secret.prefix, "tstk");
  EXPECT_EQ(f.secret.length, std::string(kToken).size());
  EXPECT_EQ(Redact("abcdefghij").prefix, "ab");
  EXPECT_EQ(Redact("abcdefgh").prefix, "");
}

TEST(MatcherTest, EntropyAndGlobHelpers) {
  EXPECT_DOUBLE_EQ(ShannonEntropy("aaaa"), 0.0);
  EXPECT_DOUBLE_EQ(ShannonEntropy("abcd"), 2.0);
  EXPECT_TRUE(core::GlobMatch("**/package-lock.json", "package-lock.json"));
  EXPECT_TRUE(core::GlobMatch("**/vendor/**", "a/vendor/b/c.go"));
  EXPECT_FALSE(core::GlobMatch("**/vendor/**", "a/vendors/c.go"));
}

// The matcher fixes behind tests/e2e/secrets/holes_content_test.cc:
// submatch storage sized from the rule, user-rule examples, allow markers
// and CR.
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

}  // namespace
}  // namespace secgate::secrets
