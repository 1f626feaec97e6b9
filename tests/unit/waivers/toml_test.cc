// Tests for gates/waivers_tool/toml.h, the TOML subset osv-scanner.toml needs.
#include "gates/waivers_tool/toml.h"

#include <gtest/gtest.h>

namespace secgate::waivers {
namespace {

TEST(Toml, TablesKeysAndValues) {
  auto doc = ParseToml(R"(# top
title = "x" # trailing
[[IgnoredVulns]]
id = "GO-2022-0968"
ignoreUntil = 2022-11-09T00:00:00Z
reason = 'literal \n stays'
count = 3
ok = true
list = ["a", 'b',
  "c"]
"quoted key" = 1.5
a.b = "dotted"

[[IgnoredVulns]]
id = "GHSA-1"
reason = """multi
line"""
)",
                       "osv.toml");
  ASSERT_TRUE(doc.ok()) << doc.error().ToString();
  ASSERT_EQ(doc->tables.size(), 3u);
  EXPECT_EQ(doc->tables[0].values.at("title").text, "x");
  const TomlTable& t = doc->tables[1];
  EXPECT_TRUE(t.array);
  EXPECT_EQ(t.name, "IgnoredVulns");
  EXPECT_EQ(t.line, 3);
  EXPECT_EQ(t.values.at("id").text, "GO-2022-0968");
  EXPECT_EQ(t.values.at("ignoreUntil").kind, TomlValue::Kind::kDate);
  EXPECT_EQ(t.values.at("ignoreUntil").text, "2022-11-09T00:00:00Z");
  EXPECT_EQ(t.values.at("reason").text, "literal \\n stays");
  EXPECT_EQ(t.values.at("count").kind, TomlValue::Kind::kInteger);
  EXPECT_EQ(t.values.at("ok").kind, TomlValue::Kind::kBool);
  ASSERT_EQ(t.values.at("list").items.size(), 3u);
  EXPECT_EQ(t.values.at("list").items[2].text, "c");
  EXPECT_EQ(t.values.at("quoted key").kind, TomlValue::Kind::kFloat);
  EXPECT_EQ(t.values.at("a.b").text, "dotted");
  EXPECT_EQ(doc->tables[2].values.at("reason").text, "multi\nline");
}

TEST(Toml, ErrorsNameTheLine) {
  struct Case {
    const char* text;
    const char* want;
  } cases[] = {
      {"a = 1\nb = {x = 1}\n", "t.toml:2: inline tables are not supported"},
      {"a = \"open\n", "t.toml:1: newline inside a string"},
      {"[x\n", "t.toml:1: expected ']'"},
      {"a = 1\na = 2\n", "t.toml:2: duplicate key 'a'"},
      {"a 1\n", "t.toml:1: expected '=' after key 'a'"},
      {"a = nope\n", "t.toml:1: unsupported value 'nope'"},
      {"a = 1 b\n", "t.toml:1: unsupported value '1 b'"},
      {"a = [[1]]\n", "t.toml:1: nested arrays are not supported"},
      {"a = \"\\q\"\n", "t.toml:1: unsupported escape '\\q'"},
  };
  for (const auto& c : cases) {
    auto doc = ParseToml(c.text, "t.toml");
    ASSERT_FALSE(doc.ok()) << c.text;
    EXPECT_EQ(doc.error().ToString(), c.want) << c.text;
  }
}

TEST(Toml, DeepArraysDoNotRecurse) {
  std::string text = "a = " + std::string(100000, '[');
  EXPECT_FALSE(ParseToml(text, "t.toml").ok());
}

}  // namespace
}  // namespace secgate::waivers
