// Tests for gates/core/json_fields.cc: the whole-document parse
// (ParseJsonStrict: duplicate keys refused with the object's pointer,
// comments on request) and the case-variant key checks (CaseVariantOf,
// RefuseCaseVariants).
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

}  // namespace
}  // namespace secgate::core
