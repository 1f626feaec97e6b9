// Tests for gates/core/json_fields.cc: the whole-document parse
// (ParseJsonStrict: duplicate keys refused with the object's pointer,
// comments on request), the case-variant key checks (CaseVariantOf,
// RefuseCaseVariants), and the typed field access every reader uses: the
// exact error texts, and what absent, null and empty fields give.
#include <gtest/gtest.h>

#include "gates/core/json_stream.h"

namespace secgate::core {
namespace {

using nlohmann::json;

const char kSuffix[] = " (ambiguous: JSON readers disagree on which copy wins)";

TEST(JsonStrictTest, ParseJsonStrictRefusesDuplicatesWithPointer) {
  auto r = ParseJsonStrict(R"({"a":[0,{"b":1}],"c":[{"x":[],"y":{},"x":3}]})", "f.json");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().ToString(), std::string("f.json:/c/0: duplicate key \"x\"") + kSuffix);
  auto ok = ParseJsonStrict(R"([{"a":1},{"a":2}])", "f.json");
  ASSERT_TRUE(ok);
  EXPECT_EQ((*ok)[1]["a"], 2);
}

TEST(JsonStrictTest, ParseJsonStrictComments) {
  const char* text = "{\"a\": 1, // note\n \"a\": 2}";
  auto r = ParseJsonStrict(text, "f.jsonc", /*allow_comments=*/true);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().ToString(), std::string("f.jsonc:/: duplicate key \"a\"") + kSuffix);
  auto bad = ParseJsonStrict("{\"a\": 1, // note\n}", "f.json");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().ToString().rfind("f.json:10: invalid JSON: ", 0), 0u) << bad.error().ToString();
}

TEST(JsonStrictTest, CaseVariantOfFoldsLikeGo) {
  const std::vector<std::string> known = {"Vulnerabilities", "Severity", "PkgName"};
  EXPECT_EQ(CaseVariantOf("Vulnerabilities", known), nullptr);
  EXPECT_EQ(CaseVariantOf("Other", known), nullptr);
  ASSERT_NE(CaseVariantOf("vulnerabilities", known), nullptr);
  EXPECT_EQ(*CaseVariantOf("SEVERITY", known), "Severity");
  // U+017F LONG S folds to s, U+212A KELVIN SIGN to k (Go's folding).
  ASSERT_NE(CaseVariantOf("\xc5\xbf" "everity", known), nullptr);
  EXPECT_EQ(*CaseVariantOf("Pkg\xe2\x84\xaa" "ame", {"PkgKame"}), "PkgKame");
  EXPECT_EQ(CaseVariantOf("Sever1ty", known), nullptr);
  EXPECT_EQ(CaseVariantOf("Severit\x19", known), nullptr);  // not a letter
}

TEST(JsonStrictTest, RefuseCaseVariantsOnMaterialisedObject) {
  EXPECT_TRUE(RefuseCaseVariants(json::parse(R"({"PURL":"x","UID":"y"})"), {"PURL"}, "w"));
  Status st = RefuseCaseVariants(json::parse(R"({"purl":"x"})"), {"PURL"}, "f:/p");
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().ToString().rfind("f:/p: key \"purl\" differs from \"PURL\" only in case", 0), 0u);
}

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
