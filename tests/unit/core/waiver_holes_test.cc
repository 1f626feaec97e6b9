// Unit tests for the security review's waiver and YAML holes: strict YAML in
// core::LoadYaml (items 9, 10), blank fields (22), path scopes that name
// nothing (23) and the checks that need today (8).
#include <gtest/gtest.h>

#include "gates/core/glob.h"
#include "gates/core/waiver.h"
#include "gates/core/yaml_util.h"

namespace secgate::core {
namespace {

const Date kToday{2026, 4, 1};

std::vector<std::string> Problems(const std::string& entry, WaiverPolicy policy = {}) {
  auto f = ParseWaiverFile("version: 1\nwaivers:\n" + entry, "w.yaml", policy, kToday);
  EXPECT_TRUE(f.ok()) << f.error().ToString();
  std::vector<std::string> out;
  for (const auto& p : f->problems) out.push_back(std::to_string(p.line) + ": " + p.message);
  return out;
}

std::string Entry(const std::string& owner, const std::string& extra = "") {
  return "  - id: CVE-2024-1\n    gate: vuln\n    reason: r\n    owner: " + owner +
         "\n    created: 2026-03-01\n    expires: 2026-04-30\n" + extra;
}

TEST(GlobMatchesEverything, DecidedFromTokensNotSpellings) {
  for (const char* g : {"*", "**", "?", "?*", "*?", "***", "**/**", "*?*", "*/*", "**/*", "/",
                        "?/?", "**/**/**", "****"})
    EXPECT_TRUE(GlobMatchesEverything(g)) << g;
  for (const char* g : {"src/**", "*.js", "a", "**/a/**", "?a", "*-*", ".*"})
    EXPECT_FALSE(GlobMatchesEverything(g)) << g;
}

TEST(GlobMatchesEverything, AGlobWithALiteralMissesPathsWithoutIt) {
  // The property the rule rests on: a literal must appear in every match.
  EXPECT_FALSE(GlobMatch("*a*", "src/b.js"));
  EXPECT_TRUE(GlobMatch("?*", "x"));
  EXPECT_TRUE(GlobMatch("**/**", "deep/er/path.txt"));
}

TEST(WaiverBlankFields, TrimmedBeforePlaceholderCheck) {
  EXPECT_EQ(Problems(Entry("' '")),
            std::vector<std::string>{"6: waiver CVE-2024-1: missing owner (placeholder ' ')"});
  EXPECT_EQ(Problems(Entry("'  todo later'")).size(), 1u);
  EXPECT_EQ(Problems(Entry("\"\\u00a0\\u200b\\u3000\"")).size(), 1u);  // NBSP, ZWSP, ideographic
  EXPECT_EQ(Problems(Entry("\"\\t\\ufeff\"")).size(), 1u);
  EXPECT_TRUE(Problems(Entry("' alice '")).empty());
  EXPECT_TRUE(Problems(Entry("\"\\u00a0bob\"")).empty());
}

TEST(WaiverBlankFields, BlankTicketUnderRequireTicket) {
  WaiverPolicy p;
  p.require_ticket = true;
  EXPECT_EQ(Problems(Entry("a", "    ticket: ' '\n"), p),
            std::vector<std::string>{"9: waiver CVE-2024-1: missing ticket (placeholder ' ')"});
  EXPECT_EQ(Problems(Entry("a"), p),
            std::vector<std::string>{"3: waiver CVE-2024-1: missing ticket"});
  EXPECT_TRUE(Problems(Entry("a", "    ticket: SEC-1\n"), p).empty());
}

TEST(WaiverToday, RenewalAfterTodayNeverExtendsTheSpan) {
  std::string renewed = "    renewed:\n      - {date: 2026-04-02, from: 2026-04-30, until: 2026-06-30, "
                        "reason: r}\n";
  auto got = Problems(Entry("a", renewed));
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0], "10: waiver CVE-2024-1: renewed.date 2026-04-02 is in the future (today is "
                    "2026-04-01)");
  std::string today_renewal = "    renewed:\n      - {date: 2026-04-01, from: 2026-04-30, until: "
                              "2026-06-30, reason: r}\n";
  EXPECT_TRUE(Problems(Entry("a", today_renewal)).empty());
}

TEST(StrictYaml, DuplicateKeysAnywhere) {
  auto nested = LoadYaml("a:\n  - b: 1\n    c: 2\n    b: 3\n", "p.yaml");
  ASSERT_FALSE(nested);
  EXPECT_EQ(nested.error().ToString(),
            "p.yaml:4: duplicate key 'b' (first on line 2; YAML forbids repeated keys)");
  auto quoted = LoadYaml("{\"k\": 1, k: 2}\n", "p.yaml");
  ASSERT_FALSE(quoted);
  EXPECT_EQ(quoted.error().message, "duplicate key 'k' (first on line 1; YAML forbids repeated keys)");
  EXPECT_TRUE(LoadYaml("a: {b: 1}\nc: {b: 2}\n", "p.yaml"));  // same key, different maps
}

TEST(StrictYaml, AliasesAreWalkedOnce) {
  std::string bomb = "a: &a {x: 1, y: 2}\n";
  std::string prev = "a";
  for (int i = 0; i < 30; ++i) {
    std::string name = "l" + std::to_string(i);
    bomb += name + ": &" + name + " [*" + prev + ", *" + prev + "]\n";
    prev = name;
  }
  EXPECT_TRUE(LoadYaml(bomb, "p.yaml"));  // 2^30 paths, linear walk
}

TEST(StrictYaml, ExactlyOneDocument) {
  EXPECT_TRUE(LoadYaml("", "p.yaml"));
  EXPECT_TRUE(LoadYaml("---\na: 1\n...\n# a comment after the end is fine\n", "p.yaml"));
  for (const char* text : {"a: 1\n...\nb: 2\n", "a: 1\n---\nb: 2\n", "a: 1\n---\n",
                           "a: 1\n...\n---\n"}) {
    auto r = LoadYaml(text, "p.yaml");
    ASSERT_FALSE(r) << text;
    EXPECT_EQ(r.error().message,
              "more than one YAML document (content after '...' or a second '---'); expected "
              "exactly one");
  }
}

}  // namespace
}  // namespace secgate::core
