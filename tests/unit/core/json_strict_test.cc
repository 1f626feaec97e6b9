// Duplicate keys and case-variant keys: refused by the streamer in every
// mode (walked, captured, projected away, skipped) and by ParseJsonStrict,
// with the object's pointer and the key.
#include <gtest/gtest.h>

#include "gates/core/json_lexer.h"
#include "gates/core/json_stream.h"

namespace secgate::core {
namespace {

using nlohmann::json;

std::string StreamError(const std::string& text, JsonStreamer& s) {
  Status st = s.ParseString(text, "r.json");
  return st ? "ok" : st.error().ToString();
}

const char kSuffix[] = " (ambiguous: JSON readers disagree on which copy wins)";

TEST(JsonStrictTest, StreamerRefusesDuplicateInCapturedRecord) {
  JsonStreamer s;
  s.OnRecord("/R/*", [](const std::string&, json&) -> Status { return Ok{}; });
  EXPECT_EQ(StreamError(R"({"R":[{"Severity":"CRITICAL","Severity":"LOW"}]})", s),
            std::string("r.json:/R/0: duplicate key \"Severity\"") + kSuffix);
}

TEST(JsonStrictTest, StreamerRefusesDuplicateOutsideProjection) {
  JsonStreamer s;
  s.OnRecord("/R/*", [](const std::string&, json&) -> Status { return Ok{}; }, {"id"});
  EXPECT_EQ(StreamError(R"({"R":[{"id":"a","x":{"k":1,"k":2}}]})", s),
            std::string("r.json:/R/0/x: duplicate key \"k\"") + kSuffix);
}

TEST(JsonStrictTest, StreamerRefusesDuplicateInSkippedSubtree) {
  JsonStreamer s;  // no routes: everything is skipped
  EXPECT_EQ(StreamError(R"({"a":[1,{"b":{"c":0,"d":1,"c":2}}]})", s),
            std::string("r.json:/a/1/b: duplicate key \"c\"") + kSuffix);
  JsonStreamer top;
  EXPECT_EQ(StreamError(R"({"x":1,"x":1})", top), std::string("r.json:/: duplicate key \"x\"") + kSuffix);
}

TEST(JsonStrictTest, DuplicateComparesDecodedKeys) {
  JsonStreamer s;
  EXPECT_EQ(StreamError(R"({"A":1,"\u0041":2})", s),
            std::string("r.json:/: duplicate key \"A\"") + kSuffix);
}

TEST(JsonStrictTest, ManyKeysUseTheIndexAndStayExact) {
  std::string doc = "{";
  for (int i = 0; i < 200; ++i) doc += "\"k" + std::to_string(i) + "\":" + std::to_string(i) + ",";
  JsonStreamer ok;
  EXPECT_EQ(StreamError(doc + "\"last\":0}", ok), "ok");
  JsonStreamer dup;
  EXPECT_EQ(StreamError(doc + "\"k7\":0}", dup), std::string("r.json:/: duplicate key \"k7\"") + kSuffix);
  // The same key in sibling objects is not a duplicate.
  JsonStreamer siblings;
  EXPECT_EQ(StreamError(R"([{"a":1},{"a":2},{"b":{"a":3}}])", siblings), "ok");
}

TEST(JsonStrictTest, KeySetCollisionsAreComparedByBytes) {
  JsonKeySet set;
  for (int round = 0; round < 2; ++round) {
    set.Clear();
    for (int i = 0; i < 1000; ++i) EXPECT_TRUE(set.Insert("key" + std::to_string(i)));
    EXPECT_FALSE(set.Insert("key999"));
    EXPECT_FALSE(set.Insert("key0"));
  }
}

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

TEST(JsonStrictTest, KnownKeysOnWalkedAndRecordObjects) {
  JsonStreamer s;
  s.KnownKeys("", {"Results"});
  s.KnownKeys("/Results/*", {"Vulnerabilities"});
  s.OnRecord("/Results/*/Vulnerabilities/*", [](const std::string&, json&) -> Status { return Ok{}; },
             {"Severity"});
  s.KnownKeys("/Results/*/Vulnerabilities/*", {"Severity"});
  EXPECT_EQ(StreamError(R"({"results":[]})", s),
            "r.json:/: key \"results\" differs from \"Results\" only in case (a case-insensitive "
            "reader takes it for \"Results\")");
  EXPECT_EQ(StreamError(R"({"Results":[{"vulnerabilities":[]}]})", s)
                .rfind("r.json:/Results/0: key \"vulnerabilities\" differs from \"Vulnerabilities\"", 0),
            0u);
  EXPECT_EQ(StreamError(R"({"Results":[{"Vulnerabilities":[{"severity":"LOW"}]}]})", s)
                .rfind("r.json:/Results/0/Vulnerabilities/0: key \"severity\" differs", 0),
            0u);
  EXPECT_EQ(StreamError(R"({"Results":[{"Vulnerabilities":[{"Severity":"LOW","x":{"severity":1}}]}]})", s),
            "ok");
}

TEST(JsonStrictTest, RefuseCaseVariantsOnMaterialisedObject) {
  EXPECT_TRUE(RefuseCaseVariants(json::parse(R"({"PURL":"x","UID":"y"})"), {"PURL"}, "w"));
  Status st = RefuseCaseVariants(json::parse(R"({"purl":"x"})"), {"PURL"}, "f:/p");
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().ToString().rfind("f:/p: key \"purl\" differs from \"PURL\" only in case", 0), 0u);
}

}  // namespace
}  // namespace secgate::core
