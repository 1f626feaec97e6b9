// Tests for gates/core/glob.h: GlobMatch over paths, and GlobMatchesEverything
// (a waiver's path scope that names nothing, security review item 23).
#include "gates/core/glob.h"

#include <gtest/gtest.h>

#include <string>

namespace secgate::core {
namespace {

TEST(GlobMatch, Tokens) {
  EXPECT_TRUE(GlobMatch("a/*.js", "a/b.js"));
  EXPECT_FALSE(GlobMatch("a/*.js", "a/b/c.js"));
  EXPECT_TRUE(GlobMatch("a/**", "a/b/c.js"));
  EXPECT_TRUE(GlobMatch("a/**/c.js", "a/c.js"));
  EXPECT_TRUE(GlobMatch("a/**/c.js", "a/x/y/c.js"));
  EXPECT_FALSE(GlobMatch("a/**/c.js", "b/x/c.js"));
  EXPECT_TRUE(GlobMatch("?.txt", "a.txt"));
  EXPECT_FALSE(GlobMatch("?.txt", "/.txt"));
  EXPECT_FALSE(GlobMatch("?.txt", "ab.txt"));
  EXPECT_TRUE(GlobMatch("", ""));
  EXPECT_FALSE(GlobMatch("", "a"));
  EXPECT_TRUE(GlobMatch("**", ""));
  EXPECT_TRUE(GlobMatch("exact", "exact"));
  EXPECT_FALSE(GlobMatch("exact", "exactly"));
}

TEST(GlobMatch, NoBlowUpOnManyStars) {
  std::string pattern(200, '*');
  pattern += "b";
  std::string text(5000, 'a');
  EXPECT_FALSE(GlobMatch(pattern, text));
  EXPECT_TRUE(GlobMatch(pattern, text + "b"));
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

}  // namespace
}  // namespace secgate::core
