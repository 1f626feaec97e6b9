// The typed field access every reader uses (json_stream.h, json_fields.cc):
// the exact error texts, and what absent, null and empty fields give.
#include <gtest/gtest.h>

#include "gates/core/json_stream.h"

namespace secgate::core {
namespace {

using nlohmann::json;

const json kDoc = json::parse(R"({"s": "x", "e": "", "n": null, "i": 3, "a": ["p", "q"],
                                  "o": {"k": 1}, "mixed": ["p", 2]})");

TEST(JsonFields, GetStringGivesEmptyForAbsentOrNull) {
  EXPECT_EQ(*GetString(kDoc, "s", "f.json:/r"), "x");
  EXPECT_EQ(*GetString(kDoc, "absent", "f.json:/r"), "");
  EXPECT_EQ(*GetString(kDoc, "n", "f.json:/r"), "");
  auto bad = GetString(kDoc, "i", "f.json:/r");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().ToString(), "f.json:/r/i: expected string, got number");
}

TEST(JsonFields, RequireStringRefusesAbsentNullAndEmpty) {
  EXPECT_EQ(*RequireString(kDoc, "s", "f.json:/r"), "x");
  for (const char* key : {"absent", "n", "e"}) {
    auto r = RequireString(kDoc, key, "f.json:/r");
    ASSERT_FALSE(r) << key;
    EXPECT_EQ(r.error().ToString(), std::string("f.json:/r: missing ") + key);
  }
  auto bad = RequireString(kDoc, "o", "f.json:/r");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().ToString(), "f.json:/r/o: expected string, got object");
}

TEST(JsonFields, GetStringArrayNamesTheBadElement) {
  EXPECT_EQ(*GetStringArray(kDoc, "a", "w"), (std::vector<std::string>{"p", "q"}));
  EXPECT_TRUE(GetStringArray(kDoc, "n", "w")->empty());
  auto elem = GetStringArray(kDoc, "mixed", "w");
  ASSERT_FALSE(elem);
  EXPECT_EQ(elem.error().ToString(), "w/mixed/1: expected string, got number");
  auto whole = GetStringArray(kDoc, "s", "w");
  ASSERT_FALSE(whole);
  EXPECT_EQ(whole.error().ToString(), "w/s: expected array, got string");
}

TEST(JsonFields, GetArrayAndGetObjectPointIntoTheDocument) {
  auto a = GetArray(kDoc, "a", "w");
  ASSERT_TRUE(a);
  EXPECT_EQ(*a, &kDoc["a"]);
  auto o = GetObject(kDoc, "o", "w");
  ASSERT_TRUE(o);
  EXPECT_EQ(*o, &kDoc["o"]);
  EXPECT_EQ(*GetArray(kDoc, "absent", "w"), nullptr);
  EXPECT_EQ(*GetObject(kDoc, "n", "w"), nullptr);
  auto not_array = GetArray(kDoc, "o", "w");
  ASSERT_FALSE(not_array);
  EXPECT_EQ(not_array.error().ToString(), "w/o: expected array, got object");
  auto not_object = GetObject(kDoc, "a", "w");
  ASSERT_FALSE(not_object);
  EXPECT_EQ(not_object.error().ToString(), "w/a: expected object, got array");
  EXPECT_EQ(GetObject(kDoc, "e", "w").error().ToString(), "w/e: expected object, got string");
}

TEST(JsonFields, GetNumberAndCvssScore) {
  EXPECT_EQ(*GetNumber(kDoc, "i", "w"), 3.0);
  EXPECT_FALSE(GetNumber(kDoc, "n", "w")->has_value());
  EXPECT_EQ(GetNumber(kDoc, "s", "w").error().ToString(), "w/s: expected number, got string");
  const json scores = json::parse(R"({"ok": 9.8, "high": 25.3})");
  EXPECT_EQ(*GetCvssScore(scores, "ok", "w"), 9.8);
  EXPECT_EQ(GetCvssScore(scores, "high", "w").error().ToString(),
            "w/high: CVSS score 25.3 is outside 0-10");
}

TEST(JsonFields, TypeNames) {
  EXPECT_EQ(JsonTypeName(json(true)), "boolean");
  EXPECT_EQ(JsonTypeName(json(nullptr)), "null");
  EXPECT_EQ(JsonTypeName(json(1.5)), "number");
  EXPECT_STREQ(JsonTypeName(JsonType::kBool), "boolean");
  EXPECT_STREQ(JsonTypeName(JsonType::kNull), "null");
  EXPECT_STREQ(JsonTypeName(JsonType::kArray), "array");
}

}  // namespace
}  // namespace secgate::core
