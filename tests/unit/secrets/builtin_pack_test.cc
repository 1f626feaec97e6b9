// Every rule of the built-in pack (policies/secrets/*.yaml as compiled into
// the binary) against its own examples: each `match` example produces a
// finding of exactly that rule and of no other, each `no_match` example
// produces none of that rule. Also checks the embedded pack is the pack on
// disk (a rule file added after the last build would show up here).
#include <gtest/gtest.h>

#include <dirent.h>

#include <algorithm>
#include <set>

#include "gates/secrets/matcher.h"
#include "gates/secrets/rule.h"
#include "tests/testing/run_process.h"
#include "tests/unit/secrets/test_pack.h"

namespace secgate::secrets {
namespace {

/// A file path a rule's `paths` globs accept ("**/*.tf" -> "dir/x.tf").
std::string PathFor(const Rule& r) {
  if (r.paths.empty()) return "src/example_file.txt";
  std::string p = r.paths[0];
  for (size_t i; (i = p.find("**")) != std::string::npos;) p.replace(i, 2, "dir");
  for (size_t i; (i = p.find('*')) != std::string::npos;) p.replace(i, 1, "x");
  for (size_t i; (i = p.find('?')) != std::string::npos;) p.replace(i, 1, "x");
  return p;
}

std::vector<std::string> Problems(const Matcher& e) {
  std::vector<std::string> problems;
  ScanScratch scratch;
  std::vector<SecretMatch> found;
  for (size_t i = 0; i < e.pack().rules.size(); ++i) {
    const Rule& r = e.pack().rules[i];
    const std::string path = PathFor(r);
    for (size_t k = 0; k < r.examples_match.size(); ++k) {
      found.clear();
      e.Scan(r.examples_match[k], path, &scratch, &found);
      // A composite rule's example holds its parts too, which their own
      // rules may report (an AWS key id): only other findings on this
      // rule's secret count against it.
      std::vector<std::pair<size_t, size_t>> mine;
      for (const auto& m : found)
        if (m.rule == static_cast<int>(i)) mine.emplace_back(m.begin, m.end);
      auto on_mine = [&](const SecretMatch& m) {
        return std::any_of(mine.begin(), mine.end(),
                           [&](const auto& s) { return m.begin < s.second && m.end > s.first; });
      };
      std::set<std::string> ids;
      for (const auto& m : found)
        if (!m.test_key && (r.requires_parts.empty() || m.rule == static_cast<int>(i) || on_mine(m)))
          ids.insert(e.rule(m.rule).id);
      // Example values are never printed: rule id and index only.
      if (!ids.count(r.id))
        problems.push_back(r.id + ": examples.match[" + std::to_string(k) + "] not found");
      for (const auto& other : ids)
        if (other != r.id)
          problems.push_back(r.id + ": examples.match[" + std::to_string(k) + "] also matches " +
                             other);
    }
    for (size_t k = 0; k < r.examples_no_match.size(); ++k) {
      found.clear();
      e.Scan(r.examples_no_match[k], path, &scratch, &found);
      for (const auto& m : found)
        if (m.rule == static_cast<int>(i))
          problems.push_back(r.id + ": examples.no_match[" + std::to_string(k) + "] matches");
    }
    for (size_t k = 0; k < r.examples_test_key.size(); ++k) {
      found.clear();
      e.Scan(r.examples_test_key[k], path, &scratch, &found);
      bool as_test_key = std::any_of(found.begin(), found.end(), [&](const SecretMatch& m) {
        return m.rule == static_cast<int>(i) && m.test_key;
      });
      if (!as_test_key)
        problems.push_back(r.id + ": examples.test_key[" + std::to_string(k) +
                           "] not found as a test key");
    }
  }
  return problems;
}

TEST(BuiltinPackTest, EveryRuleMatchesItsExamples) {
  Matcher e(BuiltinPack());
  std::vector<std::string> problems = Problems(e);
  std::string all;
  for (const auto& p : problems) all += p + "\n";
  EXPECT_TRUE(problems.empty()) << problems.size() << " problems:\n" << all;
}

// Precedence is a field; the pack's naming agrees with it, so a reader of
// an id knows which rule gives way.
TEST(BuiltinPackTest, GenericRulesAreMarkedGenericAndOnlyThey) {
  int generic = 0;
  for (const Rule& r : BuiltinPack().rules) {
    const bool named = r.id.rfind("generic-", 0) == 0;
    EXPECT_EQ(named, r.precedence == Precedence::kGeneric) << r.id;
    generic += named;
    if (r.window > 0 || !r.requires_parts.empty())
      EXPECT_NE(r.precedence, Precedence::kGeneric) << r.id;
  }
  EXPECT_GT(generic, 0);
}

TEST(BuiltinPackTest, FixturePackMatchesItsExamples) {
  auto e = TestEngine();
  EXPECT_EQ(Problems(*e), std::vector<std::string>{});
}

TEST(BuiltinPackTest, TheHarnessNoticesAWrongExample) {
  RulePack p = TestPack();
  p.rules[0].examples_match.push_back("no token here");
  p.rules[0].examples_no_match.push_back(kToken);
  Matcher e(std::move(p));
  EXPECT_EQ(Problems(e), (std::vector<std::string>{"test-token: examples.match[1] not found",
                                                   "test-token: examples.no_match[2] matches"}));
}

// Providers' documented test/example keys are reported as test keys (not
// dropped as placeholders, not reported as live secrets); their live
// siblings stay secrets.
TEST(BuiltinPackTest, DocumentedTestKeysAreTestKeys) {
  Matcher e(BuiltinPack());
  auto kinds = [&](const std::string& text) {
    ScanScratch scratch;
    std::vector<SecretMatch> found;
    e.Scan(text, "src/app.env", &scratch, &found);
    std::vector<std::string> out;
    for (const auto& m : found) out.push_back(e.rule(m.rule).id + (m.test_key ? " test" : ""));
    return out;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(kinds("aws_access_key_id = AKIAIOSFODNN7EXAMPLE"), V{"aws-access-key-id test"});
  EXPECT_EQ(kinds("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
            V{"aws-secret-access-key test"});
  EXPECT_EQ(kinds("STRIPE_KEY=sk_test_4eC39HqLyjWDarjtT1zdp7dc"), V{"stripe-secret-key test"});
  EXPECT_EQ(kinds("STRIPE_KEY=rk_test_4eC39HqLyjWDarjtT1zdp7dc"), V{"stripe-restricted-key test"});
  EXPECT_EQ(kinds("STRIPE_KEY=sk_live_4eC39HqLyjWDarjtT1zdp7dc"), V{"stripe-secret-key"});
  EXPECT_EQ(kinds("aws_access_key_id = AKIA3021COT068MJ9CJY"), V{"aws-access-key-id"});
}

// The placeholder check keeps real-shaped values that merely hold repeated
// characters or a round number; only filler (all x / *, or a short prefix
// then filler) is a placeholder.
TEST(BuiltinPackTest, RepeatedCharactersOrRoundNumbersAreNotPlaceholders) {
  Matcher e(BuiltinPack());
  auto found = [&](const std::string& text) {
    ScanScratch scratch;
    std::vector<SecretMatch> m;
    e.Scan(text, "src/app.env", &scratch, &m);
    return !m.empty();
  };
  EXPECT_TRUE(found("STRIPE_KEY=sk_live_4eC39HqLxxxxxxxxT1zdp7dcQ9"));   // run of x inside
  EXPECT_TRUE(found("STRIPE_KEY=sk_live_4eC39Hq100000000T1zdp7dcQ9"));   // round number inside
  EXPECT_TRUE(found("STRIPE_KEY=sk_live_4eC39HqLaaaaaaaaT1zdp7dcQ9"));   // repeated letters
  EXPECT_FALSE(found("STRIPE_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx"));    // filler
  EXPECT_FALSE(found("STRIPE_KEY=sk_live_************************"));
  EXPECT_FALSE(found("aws_access_key_id = AKIAXXXXXXXXXXXXXXXX"));
}

TEST(BuiltinPackTest, EmbeddedPackIsThePackOnDisk) {
  const std::string dir = testing::SourceRoot() + "/policies/secrets";
  DIR* d = opendir(dir.c_str());
  ASSERT_NE(d, nullptr);
  std::multiset<std::string> on_disk;
  while (dirent* ent = readdir(d)) {
    std::string name = ent->d_name;
    if (name.size() < 6 || name.substr(name.size() - 5) != ".yaml" || name == "_allowlist.yaml")
      continue;
    auto rules = ParseRuleFile(testing::ReadFile(dir + "/" + name), name);
    ASSERT_TRUE(rules.ok()) << rules.error().ToString();
    for (const auto& r : *rules) on_disk.insert(r.id);
  }
  closedir(d);
  std::multiset<std::string> embedded;
  for (const auto& r : BuiltinPack().rules) embedded.insert(r.id);
  EXPECT_EQ(embedded, on_disk) << "rebuild: the embedded pack is stale";
  EXPECT_FALSE(BuiltinPack().allowlist.stopwords.empty());
}

}  // namespace
}  // namespace secgate::secrets
