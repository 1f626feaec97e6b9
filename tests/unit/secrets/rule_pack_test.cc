// Rule file and allowlist validation (gates/secrets/rule_pack.cc,
// pack_codec.cc): every error names the file, line and rule, never an
// example value.
#include <gtest/gtest.h>

#include "gates/secrets/rule.h"
#include "tests/testing/run_process.h"

namespace secgate::secrets {
namespace {

std::string RuleYaml(const std::string& extra, const std::string& regex = "'(tok_[a-z0-9]{8})'") {
  return "version: 1\nrules:\n  - id: my-rule\n    description: d\n    provider: P\n"
         "    severity: high\n    keywords: [tok_]\n    regex: " + regex + "\n" + extra +
         "    examples:\n      match: ['tok_abcd1234']\n      no_match: ['tok_x']\n";
}

TEST(RulePackTest, ParsesAValidRule) {
  auto r = ParseRuleFile(RuleYaml("    entropy: 2.5\n    allow: ['^tok_0+$']\n"), "p.yaml");
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].id, "my-rule");
  EXPECT_EQ((*r)[0].severity, core::Severity::kHigh);
  EXPECT_DOUBLE_EQ((*r)[0].entropy, 2.5);
  EXPECT_EQ((*r)[0].secret_group, 1);
  EXPECT_EQ((*r)[0].source, "p.yaml:3");
}

TEST(RulePackTest, UnknownKeyIsAnError) {
  auto r = ParseRuleFile(RuleYaml("    entropi: 2\n"), "p.yaml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().ToString(),
            "p.yaml:9: unknown key 'rule my-rule.entropi' (expected one of: id, description, "
            "provider, severity, keywords, regex, secret_group, entropy, allow, paths, test_keys, "
            "window, requires, precedence, examples)");
}

TEST(RulePackTest, TestKeysNeedValidPatternsAndExamples) {
  auto bad = ParseRuleFile(RuleYaml("    test_keys: ['(tok_']\n"), "p.yaml");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().ToString().find("rule my-rule.test_keys[0]: invalid RE2 pattern"),
            std::string::npos)
      << bad.error().ToString();
  auto lonely = ParseRuleFile(RuleYaml("    test_keys: ['^tok_test']\n"), "p.yaml");
  ASSERT_FALSE(lonely.ok());
  EXPECT_EQ(lonely.error().ToString(),
            "p.yaml:3: rule my-rule: test_keys and examples.test_key go together (each test-key "
            "pattern needs an example, and an example needs a pattern)");
  auto wrong_type = ParseRuleFile(RuleYaml("    test_keys: {a: b}\n"), "p.yaml");
  EXPECT_FALSE(wrong_type.ok());
  std::string yaml = RuleYaml("    test_keys: ['^tok_test']\n");
  yaml += "      test_key: ['tok_test1234']\n";
  auto ok = ParseRuleFile(yaml, "p.yaml");
  ASSERT_TRUE(ok.ok()) << ok.error().ToString();
  EXPECT_EQ((*ok)[0].test_keys, std::vector<std::string>{"^tok_test"});
  EXPECT_EQ((*ok)[0].examples_test_key, std::vector<std::string>{"tok_test1234"});
  RulePack p;
  p.rules = *ok;
  p.allowlist.secret_regexes = {"^tok_"};
  p.allowlist.line_regexes = {"fixture"};
  auto round = DecodePack(EncodePack(p));
  ASSERT_TRUE(round.ok());
  EXPECT_EQ(round->rules[0].test_keys, p.rules[0].test_keys);
  EXPECT_EQ(round->rules[0].examples_test_key, p.rules[0].examples_test_key);
  EXPECT_EQ(round->allowlist.secret_regexes, p.allowlist.secret_regexes);
  EXPECT_EQ(round->allowlist.line_regexes, p.allowlist.line_regexes);
}

TEST(RulePackTest, PolicyAllowlistRegexesAreValidated) {
  core::SecretsPolicy policy;
  policy.allowlist_where = "secgate.yaml:4";
  policy.allowlist_line_regexes = {"ok", "(unclosed"};
  auto pack = BuildRulePack(policy, ".", RulePack{});
  ASSERT_FALSE(pack.ok());
  EXPECT_EQ(pack.error().ToString().substr(0, 70),
            "secgate.yaml:4: secrets.allowlist.line_regexes[1]: invalid RE2 pattern");
  policy.allowlist_line_regexes = {"ok"};
  policy.allowlist_secret_regexes = {"^abc"};
  auto good = BuildRulePack(policy, ".", RulePack{});
  ASSERT_TRUE(good.ok()) << good.error().ToString();
  EXPECT_EQ(good->allowlist.line_regexes, std::vector<std::string>{"ok"});
  EXPECT_EQ(good->allowlist.secret_regexes, std::vector<std::string>{"^abc"});
}

TEST(RulePackTest, BadRegexNamesTheRule) {
  auto r = ParseRuleFile(RuleYaml("", "'(tok_[a-z'"), "p.yaml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().ToString(),
            "p.yaml:8: rule my-rule.regex: invalid RE2 pattern: missing ]: [a-z");
}

TEST(RulePackTest, LookAroundIsRejected) {
  auto r = ParseRuleFile(RuleYaml("", "'(?=tok_)(tok_[a-z]+)'"), "p.yaml");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("rule my-rule.regex: invalid RE2 pattern"), std::string::npos);
}

TEST(RulePackTest, SecretGroupBeyondTheRegexIsAnError) {
  auto r = ParseRuleFile(RuleYaml("    secret_group: 2\n"), "p.yaml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "rule my-rule.secret_group: 2 but the regex has 1 capture groups");
}

TEST(RulePackTest, MissingExamplesAreAnError) {
  std::string y = RuleYaml("");
  y = y.substr(0, y.find("    examples:"));
  auto r = ParseRuleFile(y, "p.yaml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().ToString(), "p.yaml:3: rule my-rule: missing examples (match and no_match)");
}

TEST(RulePackTest, EmptyNoMatchIsAnError) {
  std::string y = RuleYaml("");
  y.replace(y.find("['tok_x']"), 9, "[]");
  auto r = ParseRuleFile(y, "p.yaml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message,
            "rule my-rule.examples.no_match: empty (at least one example is required)");
}

TEST(RulePackTest, ExampleErrorsNeverQuoteTheExample) {
  std::string y = RuleYaml("");
  y.replace(y.find("['tok_abcd1234']"), 16, "['tok_abcd1234', {k: tok_zzzz9999}]");
  auto r = ParseRuleFile(y, "p.yaml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "rule my-rule.examples.match[1]: expected a string");
  EXPECT_EQ(r.error().ToString().find("tok_"), std::string::npos);
}

TEST(RulePackTest, DuplicateIdsAreAnError) {
  std::string y = RuleYaml("");
  std::string rule = y.substr(y.find("  - id:"));
  auto r = ParseRuleFile(y + rule, "p.yaml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().ToString(), "p.yaml:12: duplicate rule id 'my-rule' (first at p.yaml:3)");
}

TEST(RulePackTest, BadSeverityAndIdAreErrors) {
  std::string y = RuleYaml("");
  y.replace(y.find("severity: high"), 14, "severity: urgent");
  auto r = ParseRuleFile(y, "p.yaml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message,
            "rule my-rule.severity: expected critical, high, medium or low, got 'urgent'");
  std::string z = RuleYaml("");
  z.replace(z.find("id: my-rule"), 11, "id: My_Rule");
  auto r2 = ParseRuleFile(z, "p.yaml");
  ASSERT_FALSE(r2.ok());
  EXPECT_EQ(r2.error().message, "rule id 'My_Rule' is not kebab-case (a-z, 0-9, '-')");
}

TEST(RulePackTest, AllowlistParsesAndValidates) {
  auto a = ParseAllowlistFile(
      "version: 1\nallowlist:\n  paths: ['**/x']\n  stopwords: [Foo]\n  placeholders: ['^a$']\n",
      "a.yaml");
  ASSERT_TRUE(a.ok()) << a.error().ToString();
  EXPECT_EQ(a->stopwords, std::vector<std::string>{"foo"});
  auto bad = ParseAllowlistFile("version: 1\nallowlist:\n  placeholders: ['(']\n", "a.yaml");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().ToString(),
            "a.yaml:3: allowlist.placeholders[0]: invalid RE2 pattern: missing ): (");
}

TEST(RulePackTest, EncodeDecodeRoundTrips) {
  auto r = ParseRuleFile(RuleYaml("    paths: ['**/*.tf']\n    entropy: 3.25\n"), "p.yaml");
  ASSERT_TRUE(r.ok());
  RulePack p;
  p.rules = *r;
  p.allowlist.stopwords = {"example"};
  auto d = DecodePack(EncodePack(p));
  ASSERT_TRUE(d.ok());
  ASSERT_EQ(d->rules.size(), 1u);
  EXPECT_EQ(d->rules[0].regex, p.rules[0].regex);
  EXPECT_EQ(d->rules[0].paths, p.rules[0].paths);
  EXPECT_DOUBLE_EQ(d->rules[0].entropy, 3.25);
  EXPECT_EQ(d->rules[0].examples_match, p.rules[0].examples_match);
  EXPECT_EQ(d->allowlist.stopwords, p.allowlist.stopwords);
  EXPECT_FALSE(DecodePack(EncodePack(p).substr(1)).ok());
}

TEST(RulePackTest, PolicyDisableReplaceAndUnknownIds) {
  testing::TempDir dir;
  dir.Write("extra.yaml", RuleYaml(""));
  RulePack base;
  base.rules = *ParseRuleFile(RuleYaml("", "'(tok_[a-z0-9]{9})'"), "base.yaml");
  base.rules[0].id = "base-rule";
  core::SecretsPolicy pol;
  pol.rules = {"extra.yaml"};
  pol.stopwords = {"MyCompanyTest"};
  auto p = BuildRulePack(pol, dir.path(), base);
  ASSERT_TRUE(p.ok()) << p.error().ToString();
  EXPECT_EQ(p->rules.size(), 2u);
  EXPECT_EQ(p->allowlist.stopwords.back(), "mycompanytest");
  pol.replace_rules = true;
  p = BuildRulePack(pol, dir.path(), base);
  ASSERT_TRUE(p.ok());
  ASSERT_EQ(p->rules.size(), 1u);
  EXPECT_EQ(p->rules[0].id, "my-rule");
  pol.disable = {"my-rule"};
  p = BuildRulePack(pol, dir.path(), base);
  ASSERT_TRUE(p.ok());
  EXPECT_TRUE(p->rules.empty());
  pol.disable = {"no-such-rule"};
  p = BuildRulePack(pol, dir.path(), base);
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().ToString(), "secrets.disable: unknown rule id 'no-such-rule'");
}

}  // namespace
}  // namespace secgate::secrets
