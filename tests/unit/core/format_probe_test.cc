// Tests for gates/core/format_probe.h: what a probe sees of a document, a
// cut document, NDJSON, and hostile shapes (duplicate keys, not JSON).
#include "gates/core/format_probe.h"

#include <gtest/gtest.h>

namespace secgate::core {
namespace {

constexpr const char* kPointers[] = {"/a", "/b/0/c", "/t"};

FormatProbe Probe(std::string_view text, bool whole = true) {
  return ProbeJson(text, whole, "in.json", kPointers);
}

TEST(ProbeJson, ObjectKeysPointersAndValues) {
  FormatProbe p = Probe(R"({"z":1,"a":"x","b":[{"c":{}}]})");
  EXPECT_TRUE(p.object());
  EXPECT_TRUE(p.complete);
  EXPECT_TRUE(p.has("z") && p.has("a") && p.has("b"));
  EXPECT_FALSE(p.has("c"));
  EXPECT_TRUE(p.seen("/a"));
  EXPECT_TRUE(p.seen("/b/0/c"));
  EXPECT_FALSE(p.seen("/t"));
  EXPECT_EQ(p.str("/a"), "x");
  EXPECT_EQ(p.str("/b/0/c"), "");  // an object, not a string
  EXPECT_EQ(DescribeShape(p), "a JSON object with keys: z, a, b");
}

TEST(ProbeJson, CutDocumentIsIncompleteButSeen) {
  FormatProbe p = Probe(R"({"a":"x","b":[{"c":1},)", false);
  EXPECT_TRUE(p.object());
  EXPECT_FALSE(p.complete);
  EXPECT_EQ(p.str("/a"), "x");
  EXPECT_TRUE(p.doc.is_null());
}

TEST(ProbeJson, NdjsonIsJudgedByItsFirstLine) {
  FormatProbe p = Probe("{\"t\":\"x\"}\n{\"a\":1}\n");
  EXPECT_TRUE(p.object());
  EXPECT_FALSE(p.complete);
  EXPECT_EQ(p.str("/t"), "x");
  EXPECT_FALSE(p.seen("/a"));
}

TEST(ProbeJson, DuplicateKeyIsAmbiguous) {
  EXPECT_TRUE(Probe(R"({"a":1,"a":2})").ambiguous);
  EXPECT_TRUE(Probe("{\"t\":1,\"t\":2}\n{\"a\":1}\n").ambiguous);
}

TEST(ProbeJson, ShapesThatAreNotObjects) {
  EXPECT_EQ(DescribeShape(Probe("[1]")), "a JSON array");
  EXPECT_EQ(DescribeShape(Probe("7")), "a JSON scalar");
  EXPECT_EQ(DescribeShape(Probe("\x01\x02not json")), "not JSON");
  EXPECT_EQ(DescribeShape(Probe("{}")), "a JSON object with keys: none");
  FormatProbe many = Probe(R"({"k1":1,"k2":1,"k3":1,"k4":1,"k5":1,"k6":1,"k7":1})");
  EXPECT_EQ(DescribeShape(many), "a JSON object with keys: k1, k2, k3, k4, k5, k6, …");
}

TEST(ProbeJson, SmallWholeDocumentIsKeptForEmptyArrayChecks) {
  FormatProbe p = Probe(R"({"results":[]})");
  EXPECT_TRUE(p.empty_array("results"));
  EXPECT_FALSE(p.empty_array("other"));
}

}  // namespace
}  // namespace secgate::core
