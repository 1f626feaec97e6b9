#include "gates/core/strings.h"

#include <gtest/gtest.h>

namespace secgate::core {
namespace {

TEST(Strings, LowerAndUpperFoldOnlyAsciiLetters) {
  EXPECT_EQ(AsciiLower("GHSA-Ab12_Z@[`{"), "ghsa-ab12_z@[`{");
  EXPECT_EQ(AsciiUpper("ghsa-aB12_z@[`{"), "GHSA-AB12_Z@[`{");
  EXPECT_EQ(AsciiLower(""), "");
  EXPECT_EQ(AsciiUpper(""), "");
}

TEST(Strings, NonAsciiBytesAreUntouched) {
  // "Ä" (C3 84), "ß" (C3 9F), KELVIN SIGN (E2 84 AA): no byte changes,
  // although 0xC3 - 0x20 and 0xE2 - 0x20 would be other valid bytes.
  const std::string text = "\xC3\x84\xC3\x9F\xE2\x84\xAA";
  EXPECT_EQ(AsciiLower(text), text);
  EXPECT_EQ(AsciiUpper(text), text);
  EXPECT_EQ(AsciiLower("A\xC3\x84Z"), "a\xC3\x84z");
  const std::string with_nul("A\0B", 3);
  EXPECT_EQ(AsciiLower(with_nul), std::string("a\0b", 3));
}

TEST(Strings, InPlaceMatchesCopy) {
  std::string s = "MiXeD Case 42";
  AsciiLowerInPlace(&s);
  EXPECT_EQ(s, "mixed case 42");
  EXPECT_EQ(s, AsciiLower("MiXeD Case 42"));
}

TEST(Strings, SingleCharacters) {
  EXPECT_EQ(AsciiLowerChar('A'), 'a');
  EXPECT_EQ(AsciiLowerChar('Z'), 'z');
  EXPECT_EQ(AsciiLowerChar('@'), '@');  // one below 'A'
  EXPECT_EQ(AsciiLowerChar('['), '[');  // one above 'Z'
  EXPECT_EQ(AsciiUpperChar('a'), 'A');
  EXPECT_EQ(AsciiUpperChar('`'), '`');  // one below 'a'
  EXPECT_EQ(AsciiUpperChar('{'), '{');  // one above 'z'
  EXPECT_EQ(AsciiLowerChar('\xC4'), '\xC4');
}

TEST(Strings, EqualsIgnoreCase) {
  EXPECT_TRUE(EqualsIgnoreCase("GHSA-Ab", "ghsa-aB"));
  EXPECT_TRUE(EqualsIgnoreCase("", ""));
  EXPECT_FALSE(EqualsIgnoreCase("a", "ab"));
  EXPECT_FALSE(EqualsIgnoreCase("", "a"));
  EXPECT_FALSE(EqualsIgnoreCase("@", "`"));  // differ by 0x20 but are not letters
  EXPECT_FALSE(EqualsIgnoreCase("[", "{"));
  EXPECT_FALSE(EqualsIgnoreCase("\xC3\xA4", "\xC3\x84"));  // "ä" vs "Ä": ASCII only
  EXPECT_TRUE(EqualsIgnoreCase("\xC3\x84x", "\xC3\x84X"));
}

}  // namespace
}  // namespace secgate::core
