// Context windows, composite rules and precedence (matcher.cc Scan,
// AddWindow, FindParts, KeepPreferred; rule_pack.cc ParseContext): a keyword
// up to `window` lines away makes a rule run; a composite rule needs its
// parts within the window; a provider's own shape beats one known by
// context, which beats a generic one.
#include <gtest/gtest.h>

#include "gates/secrets/collector.h"
#include "gates/secrets/matcher.h"
#include "gates/secrets/rule.h"
#include "tests/unit/secrets/test_pack.h"

namespace secgate::secrets {
namespace {

// Synthetic shapes: a 32-hex key known only by the word "acmecloud" near
// it, and a pair "AKID" + 16 upper-case id with a 40-character secret.
constexpr char kRules[] = R"(version: 1
rules:
  - id: acme-key-nearby
    description: Acme key near an Acme name
    provider: Acme
    severity: high
    keywords: [acmecloud]
    window: 2
    regex: '(?:^|[^0-9A-Za-z])([a-f0-9]{32})(?:[^0-9A-Za-z]|$)'
    examples:
      match: ["[acmecloud]\nkey = 3f9a0c7e5b1d24f68a0e9c3b7d5f1a2e"]
      no_match: ["[acmecloud]\n\n\nkey = 3f9a0c7e5b1d24f68a0e9c3b7d5f1a2e"]
  - id: acme-key-assigned
    description: Acme key assigned to an Acme name
    provider: Acme
    severity: high
    keywords: [acmecloud]
    regex: 'acmecloud_key\s*=\s*([a-f0-9]{32})'
    examples:
      match: ["acmecloud_key = 3f9a0c7e5b1d24f68a0e9c3b7d5f1a2e"]
      no_match: ["acmecloud_key = 3f9a"]
  - id: generic-hex
    description: Any hex assignment
    provider: Generic
    severity: low
    precedence: generic
    keywords: ['=']
    regex: '=\s*([a-f0-9]{32})'
    examples:
      match: ["x = 3f9a0c7e5b1d24f68a0e9c3b7d5f1a2e"]
      no_match: ["x = 3f9a"]
  - id: pair-secret
    description: Pair secret
    provider: Pair
    severity: critical
    keywords: [akid]
    window: 3
    precedence: provider
    requires:
      - name: key id
        regex: '\bAKID[A-Z0-9]{16}\b'
    regex: '["'']([A-Za-z0-9/+]{40})["'']'
    examples:
      match: ["id = 'AKIDQ3ZR7WX2MN4PL8KD'\nsecret = 'Zq8vW3mX1pR7tK2nB5cY9dF4gH6jL0sA8eU3iO1w'"]
      no_match: ["secret = 'Zq8vW3mX1pR7tK2nB5cY9dF4gH6jL0sA8eU3iO1w' # akid"]
  - id: pair-secret-mild
    description: Pair secret, mild reading
    provider: Pair
    severity: low
    keywords: [_secret]
    regex: '[a-z]+_secret\s*=\s*''([A-Za-z0-9/+]{40})'''
    examples:
      match: ["app_secret = 'Zq8vW3mX1pR7tK2nB5cY9dF4gH6jL0sA8eU3iO1w'"]
      no_match: ["app_secret = 'Zq8v'"]
  - id: pair-secret-assigned
    description: Pair secret assigned
    provider: Pair
    severity: critical
    keywords: [pair_secret]
    regex: 'pair_secret\s*=\s*''([A-Za-z0-9/+]{40})'''
    examples:
      match: ["pair_secret = 'Zq8vW3mX1pR7tK2nB5cY9dF4gH6jL0sA8eU3iO1w'"]
      no_match: ["pair_secret = 'Zq8v'"]
)";

RulePack Pack() {
  auto rules = ParseRuleFile(kRules, "ctx.yaml");
  if (!rules) throw std::runtime_error(rules.error().ToString());
  RulePack p;
  p.rules = *rules;
  return p;
}


constexpr char kHex[] = "3f9a0c7e5b1d24f68a0e9c3b7d5f1a2e";
constexpr char kId[] = "AKIDQ3ZR7WX2MN4PL8KD";
constexpr char kSecret[] = "Zq8vW3mX1pR7tK2nB5cY9dF4gH6jL0sA8eU3iO1w";

TEST(ContextWindowTest, AKeywordWithinTheWindowAboveOrBelowMakesTheRuleRun) {
  Matcher e(Pack());
  const std::string key = std::string("key: ") + kHex;
  EXPECT_EQ(RulesFound(e, "acmecloud:\n  " + key + "\n"), std::vector<std::string>{"acme-key-nearby@1"});
  EXPECT_EQ(RulesFound(e, "acmecloud:\n\n  " + key), std::vector<std::string>{"acme-key-nearby@2"});
  EXPECT_EQ(RulesFound(e, key + "\n# acmecloud account\n"), std::vector<std::string>{"acme-key-nearby@0"});
  EXPECT_EQ(RulesFound(e, "a\n" + key + "\n\nacmecloud\n"), std::vector<std::string>{"acme-key-nearby@1"});
  // Three lines away is outside a window of two, in either direction.
  EXPECT_TRUE(RulesFound(e, "acmecloud:\n\n\n  " + key).empty());
  EXPECT_TRUE(RulesFound(e, key + "\n\n\nacmecloud").empty());
  // CRLF line ends count lines the same way.
  EXPECT_EQ(RulesFound(e, "acmecloud:\r\n\r\n  " + key + "\r\n"),
            std::vector<std::string>{"acme-key-nearby@2"});
  EXPECT_EQ(RulesFound(e, key + "\r\n\r\nacmecloud\r\n"), std::vector<std::string>{"acme-key-nearby@0"});
  // No keyword at all: nothing, even with the shape on every line.
  EXPECT_TRUE(RulesFound(e, key + "\n" + key).empty());
}

TEST(ContextWindowTest, EachLineIsReportedOnceWhenWindowsOverlap) {
  Matcher e(Pack());
  const std::string key = std::string("key: ") + kHex;
  EXPECT_EQ(RulesFound(e, "acmecloud\nacmecloud\n" + key + "\nacmecloud\n"),
            std::vector<std::string>{"acme-key-nearby@2"});
}

TEST(ContextWindowTest, ProviderBeatsContextBeatsGeneric) {
  Matcher e(Pack());
  // All three match the same span: the provider's own assignment wins.
  EXPECT_EQ(RulesFound(e, std::string("acmecloud_key = ") + kHex),
            std::vector<std::string>{"acme-key-assigned@0"});
  // The context rule beats the generic one.
  EXPECT_EQ(RulesFound(e, std::string("# acmecloud\nx = ") + kHex),
            std::vector<std::string>{"acme-key-nearby@1"});
  // Without the provider's name only the generic rule is left.
  EXPECT_EQ(RulesFound(e, std::string("x = ") + kHex), std::vector<std::string>{"generic-hex@0"});
}

TEST(CompositeRuleTest, TheSecretNeedsItsPartWithinTheWindow) {
  Matcher e(Pack());
  const std::string secret = std::string("secret = '") + kSecret + "'";
  const std::string id = std::string("id = '") + kId + "'";
  EXPECT_EQ(RulesFound(e, id + "\n" + secret), std::vector<std::string>{"pair-secret@1"});
  EXPECT_EQ(RulesFound(e, secret + "\n\n\n" + id), std::vector<std::string>{"pair-secret@0"});
  EXPECT_EQ(RulesFound(e, id + " " + secret), std::vector<std::string>{"pair-secret@0"});
  EXPECT_TRUE(RulesFound(e, id + "\n\n\n\n" + secret).empty());  // four lines apart
  EXPECT_TRUE(RulesFound(e, secret + " # akid").empty());        // a keyword is not the part
  // The part never stands in for the secret: an id alone is nothing here.
  EXPECT_TRUE(RulesFound(e, id + "\nsecret = 'short'").empty());
}

// One secret, one finding: two rules of the same precedence finding the
// same span report it once, under the rule first in the pack.
TEST(CompositeRuleTest, TheSameSpanAtTheSamePrecedenceIsReportedOnce) {
  Matcher e(Pack());
  EXPECT_EQ(RulesFound(e, std::string("id = '") + kId + "'\npair_secret = '" + kSecret + "'"),
            std::vector<std::string>{"pair-secret@1"});
  EXPECT_EQ(RulesFound(e, std::string("pair_secret = '") + kSecret + "'"),
            std::vector<std::string>{"pair-secret-assigned@0"});
}

// A line shaped so that a milder rule (earlier in the pack) also matches
// across a critical secret does not lower it: the most severe reports it.
TEST(CompositeRuleTest, OverlapsKeepTheMostSevereRule) {
  Matcher e(Pack());
  // Both rules read the same span; the milder one comes first in the pack.
  EXPECT_EQ(RulesFound(e, std::string("pair_secret = '") + kSecret + "'"),
            std::vector<std::string>{"pair-secret-assigned@0"});
  EXPECT_EQ(RulesFound(e, std::string("app_secret = '") + kSecret + "'"),
            std::vector<std::string>{"pair-secret-mild@0"});
}

TEST(CompositeRuleTest, TheFindingNamesThePartAndItsLineNotItsValue) {
  Matcher e(Pack());
  const std::string text = std::string("id = '") + kId + "'\n\nsecret = '" + kSecret + "'\n";
  ScanScratch s;
  std::vector<SecretMatch> m;
  e.Scan(text, "", &s, &m);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].part_delta[0], -2);
  core::Finding f = ToFinding(e, m[0], text, Origin{"t", "app.py"}, 12);
  EXPECT_EQ(f.title, "Pair secret (with key id on line 10)");
  EXPECT_EQ(f.title.find(kId), std::string::npos);
  // Through the collector, lines go through the scanned text's numbering.
  Collector c(e);
  std::vector<int> lines = {5, 9, 30};
  c.Scan({"staged", "app.py", "", "", ""}, text, &lines);
  ASSERT_EQ(c.findings().size(), 1u);
  EXPECT_EQ(c.findings()[0].title, "Pair secret (with key id on line 5)");
  EXPECT_EQ(c.findings()[0].location.line, 30);
}

TEST(ContextRuleParseTest, BadWindowsAndPartsAreErrors) {
  auto with = [](const std::string& extra) {
    std::string y = kRules;
    size_t at = y.find("    regex: '(?:^|[^0-9A-Za-z])");
    y.insert(at, extra);
    y.replace(y.find("    window: 2\n"), 14, "");
    return ParseRuleFile(y, "ctx.yaml");
  };
  struct Case { std::string extra, message; };
  const Case cases[] = {
      {"    window: 11\n", "rule acme-key-nearby.window: expected 0 to 10 lines"},
      {"    window: -1\n", "rule acme-key-nearby.window: expected a non-negative whole number"},
      {"    window: two\n", "rule acme-key-nearby.window"},
      {"    requires: []\n", "rule acme-key-nearby.requires: expected a list of 1 to 2 parts"},
      {"    requires: [{name: a, regex: x}, {name: b, regex: y}, {name: c, regex: z}]\n",
       "rule acme-key-nearby.requires: expected a list of 1 to 2 parts"},
      {"    requires: [{name: a}]\n", "rule acme-key-nearby.requires[0]: missing regex"},
      {"    requires: [{name: '', regex: x}]\n", "rule acme-key-nearby.requires[0].name: empty"},
      {"    requires: [{name: a, regex: '(x'}]\n",
       "rule acme-key-nearby.requires[0].regex: invalid RE2 pattern"},
      {"    requires: [{name: a, regex: x, near: 2}]\n", "unknown key"},
      {"    precedence: best\n",
       "rule acme-key-nearby.precedence: expected provider, context or generic, got 'best'"},
  };
  for (const Case& c : cases) {
    auto r = with(c.extra);
    ASSERT_FALSE(r.ok()) << c.extra;
    EXPECT_NE(r.error().ToString().find(c.message), std::string::npos) << r.error().ToString();
  }
}

TEST(ContextRuleParseTest, FieldsSurviveThePackEncoding) {
  RulePack p = Pack();
  auto d = DecodePack(EncodePack(p));
  ASSERT_TRUE(d.ok()) << d.error().ToString();
  ASSERT_EQ(d->rules.size(), p.rules.size());
  for (size_t i = 0; i < p.rules.size(); ++i) {
    EXPECT_EQ(d->rules[i].window, p.rules[i].window);
    EXPECT_EQ(d->rules[i].precedence, p.rules[i].precedence);
    ASSERT_EQ(d->rules[i].requires_parts.size(), p.rules[i].requires_parts.size());
    for (size_t k = 0; k < p.rules[i].requires_parts.size(); ++k) {
      EXPECT_EQ(d->rules[i].requires_parts[k].name, p.rules[i].requires_parts[k].name);
      EXPECT_EQ(d->rules[i].requires_parts[k].regex, p.rules[i].requires_parts[k].regex);
    }
  }
  EXPECT_EQ(p.rules[0].precedence, Precedence::kContext);   // windowed: context by default
  EXPECT_EQ(p.rules[1].precedence, Precedence::kProvider);
  EXPECT_EQ(p.rules[2].precedence, Precedence::kGeneric);
  EXPECT_EQ(p.rules[3].precedence, Precedence::kProvider);  // said so
}

TEST(ContextRuleParseTest, ExamplesOfWindowedAndCompositeRulesAreChecked) {
  Matcher e(Pack());
  for (size_t i = 0; i < e.pack().rules.size(); ++i)
    EXPECT_TRUE(CheckExamples(e, static_cast<int>(i)).ok()) << e.rule(static_cast<int>(i)).id;
}

}  // namespace
}  // namespace secgate::secrets
