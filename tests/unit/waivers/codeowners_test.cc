// CODEOWNERS coverage of the waiver file (lint --codeowners): the pattern
// rules GitHub documents (gitignore-like, last match wins, a pattern with no
// owners un-owns) on files written by the test.
#include "gates/waivers_tool/codeowners.h"

#include <gtest/gtest.h>

#include "tests/testing/run_process.h"

namespace secgate::waivers {
namespace {

TEST(CodeownersPattern, GitignoreLikeRules) {
  EXPECT_TRUE(CodeownersPatternMatches("*", "secgate-waivers.yaml"));
  EXPECT_TRUE(CodeownersPatternMatches("*.yaml", "config/secgate-waivers.yaml"));
  EXPECT_TRUE(CodeownersPatternMatches("/secgate-waivers.yaml", "secgate-waivers.yaml"));
  EXPECT_FALSE(CodeownersPatternMatches("/secgate-waivers.yaml", "sub/secgate-waivers.yaml"));
  EXPECT_TRUE(CodeownersPatternMatches("secgate-waivers.yaml", "sub/secgate-waivers.yaml"));
  EXPECT_TRUE(CodeownersPatternMatches("config/", "config/secgate-waivers.yaml"));
  EXPECT_TRUE(CodeownersPatternMatches("/config", "config/secgate-waivers.yaml"));
  EXPECT_FALSE(CodeownersPatternMatches("config/", "config"));
  EXPECT_TRUE(CodeownersPatternMatches("**/waivers/**", "a/waivers/b.yaml"));
  EXPECT_FALSE(CodeownersPatternMatches("*.js", "secgate-waivers.yaml"));
  EXPECT_FALSE(CodeownersPatternMatches("docs/*.yaml", "secgate-waivers.yaml"));
}

TEST(CodeownersWarning, CoveredUnownedAndMissing) {
  testing::TempDir dir;
  const std::string root = dir.path();
  EXPECT_EQ(CodeownersWarning(root, "secgate-waivers.yaml").rfind("no CODEOWNERS file", 0), 0u);
  dir.Write("CODEOWNERS", "# owners\n*.js @web\n");
  EXPECT_EQ(CodeownersWarning(root, "secgate-waivers.yaml"),
            "no entry in CODEOWNERS covers the waiver file: exemptions it adds need no code "
            "owner's review");
  dir.Write("CODEOWNERS", "* @everyone\n/secgate-waivers.yaml @org/security  # the lead\n");
  EXPECT_EQ(CodeownersWarning(root, "./secgate-waivers.yaml"), "");
  // The last match wins; a pattern with no owners leaves the file unowned.
  dir.Write("CODEOWNERS", "/secgate-waivers.yaml @org/security\n*.yaml\n");
  EXPECT_EQ(CodeownersWarning(root, "secgate-waivers.yaml"),
            "CODEOWNERS:2 matches the waiver file but names no owner: exemptions it adds need "
            "no code owner's review");
  // .github/CODEOWNERS is read first, as GitHub does.
  dir.Write(".github/CODEOWNERS", "*.md @docs\n");
  EXPECT_EQ(CodeownersWarning(root, "secgate-waivers.yaml").rfind("no entry in .github/CODEOWNERS", 0), 0u);
  EXPECT_EQ(CodeownersWarning(root, "../elsewhere.yaml").rfind("cannot check CODEOWNERS", 0), 0u);
}

}  // namespace
}  // namespace secgate::waivers
