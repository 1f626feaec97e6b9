#include "gates/core/json_stream.h"

#include <gtest/gtest.h>

#include "tests/testing/run_process.h"

namespace secgate::core {
namespace {

using nlohmann::json;

TEST(JsonStreamTest, DeliversOnlyRoutedRecordsWithPointers) {
  JsonStreamer s;
  std::vector<std::string> ptrs;
  std::vector<std::string> ids;
  s.OnRecord("/Results/*/Vulnerabilities/*", [&](const std::string& p, json& v) -> Status {
    ptrs.push_back(p);
    ids.push_back(v["id"].get<std::string>());
    return Ok{};
  });
  Status st = s.ParseString(
      R"({"x": {"Vulnerabilities": [{"id": "no"}]},
          "Results": [{"Target": "a", "Vulnerabilities": [{"id": "A", "n": [1, {"k": 2}]}]},
                      {"Vulnerabilities": [{"id": "B"}, {"id": "C"}]}]})",
      "r.json");
  ASSERT_TRUE(st) << st.error().ToString();
  EXPECT_EQ(ids, (std::vector<std::string>{"A", "B", "C"}));
  EXPECT_EQ(ptrs[2], "/Results/1/Vulnerabilities/1");
  EXPECT_EQ(s.top_level_type(), JsonTopLevel::kObject);
  EXPECT_TRUE(s.HasTopLevelKey("Results"));
  EXPECT_FALSE(s.HasTopLevelKey("Target"));
}

TEST(JsonStreamTest, CapturedRecordKeepsNestedStructure) {
  JsonStreamer s;
  json got;
  s.OnRecord("/a/*", [&](const std::string&, json& v) -> Status {
    got = v;
    return Ok{};
  });
  ASSERT_TRUE(s.ParseString(R"({"a": [{"x": [1, [2, 3], {"y": null}], "z": "s"}]})", "t"));
  EXPECT_EQ(got, json::parse(R"({"x": [1, [2, 3], {"y": null}], "z": "s"})"));
}

TEST(JsonStreamTest, ExpectRejectsWrongContainerType) {
  JsonStreamer s;
  s.Expect("/Results", {JsonType::kArray});
  Status st = s.ParseString(R"({"Results": "oops"})", "r.json");
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().ToString(), "r.json:/Results: expected array, got string");
  JsonStreamer ok;
  ok.Expect("/Results", {JsonType::kArray});
  EXPECT_TRUE(ok.ParseString(R"({"Results": null})", "r.json"));
}

TEST(JsonStreamTest, ExpectNamesEveryAllowedType) {
  JsonStreamer s;
  s.Expect("/tools", {JsonType::kArray, JsonType::kObject});
  EXPECT_TRUE(s.ParseString(R"({"tools": {"a": 1}})", "b.json"));
  EXPECT_TRUE(s.ParseString(R"({"tools": [1]})", "b.json"));
  Status st = s.ParseString(R"({"tools": true})", "b.json");
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().ToString(), "b.json:/tools: expected array or object, got boolean");
}

TEST(JsonStreamTest, TopLevelTypeTellsScalarsFromContainers) {
  JsonStreamer s;
  ASSERT_TRUE(s.ParseString("[1, 2]", "t"));
  EXPECT_EQ(s.top_level_type(), JsonTopLevel::kArray);
  for (const char* scalar : {"\"x\"", "1.5", "true", "null"}) {
    ASSERT_TRUE(s.ParseString(scalar, "t")) << scalar;
    EXPECT_EQ(s.top_level_type(), JsonTopLevel::kScalar) << scalar;
  }
  EXPECT_FALSE(s.ParseString("", "t"));
  EXPECT_EQ(s.top_level_type(), JsonTopLevel::kNone);
}

TEST(JsonStreamTest, CallbackErrorStopsTheParse) {
  JsonStreamer s;
  int seen = 0;
  s.OnRecord("/*", [&](const std::string& p, json&) -> Status {
    ++seen;
    return Error{"r.json:" + p, "bad record"};
  });
  Status st = s.ParseString("[1, 2, 3]", "r.json");
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().ToString(), "r.json:/0: bad record");
  EXPECT_EQ(seen, 1);
}

TEST(JsonStreamTest, SyntaxErrorsNameTheByteOffset) {
  JsonStreamer s;
  Status st = s.ParseString(R"({"a": [1, 2)", "t.json");
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().where, "t.json:12");
  EXPECT_NE(st.error().message.find("invalid JSON"), std::string::npos);
  EXPECT_EQ(s.ParseString("", "e.json").error().ToString(), "e.json: file is empty");
}

TEST(JsonStreamTest, DeepNestingIsRefusedNotACrash) {
  std::string deep = std::string(100000, '[') + std::string(100000, ']');
  JsonStreamer s;
  Status st = s.ParseString(deep, "deep.json");
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().message, "nesting deeper than 256 levels");
}

TEST(JsonStreamTest, InvalidUtf8IsAnError) {
  JsonStreamer s;
  Status st = s.ParseString("{\"a\": \"\xff\"}", "u.json");
  ASSERT_FALSE(st);
  EXPECT_NE(st.error().message.find("UTF-8"), std::string::npos) << st.error().message;
}

// Streaming from a file and parsing the same bytes in memory must agree.
TEST(JsonStreamTest, FileAndMemoryAgree) {
  secgate::testing::TempDir dir;
  std::string text = "{\"r\": [";
  for (int i = 0; i < 20000; ++i) text += (i ? "," : "") + std::string("{\"i\": ") + std::to_string(i) + "}";
  text += "]}";
  std::string path = dir.Write("big.json", text);
  auto collect = [](JsonStreamer& s, long* sum) {
    s.OnRecord("/r/*", [sum](const std::string&, json& v) -> Status {
      *sum += v["i"].get<long>();
      return Ok{};
    });
  };
  long from_file = 0, from_memory = 0;
  JsonStreamer a, b;
  collect(a, &from_file);
  collect(b, &from_memory);
  auto in = InputFile::Open(path);
  ASSERT_TRUE(in);
  ASSERT_TRUE(a.Parse(**in));
  ASSERT_TRUE(b.ParseString(text, "mem"));
  EXPECT_EQ(from_file, 19999L * 20000 / 2);
  EXPECT_EQ(from_file, from_memory);
}

TEST(InputFileTest, SizeLimitIsReported) {
  secgate::testing::TempDir dir;
  std::string path = dir.Write("f.json", "[1,2,3,4,5,6,7,8,9]");
  auto in = InputFile::Open(path);
  ASSERT_TRUE(in);
  (*in)->set_max_bytes(5);
  JsonStreamer s;
  Status st = s.Parse(**in);
  ASSERT_FALSE(st);
  EXPECT_NE(st.error().message.find("larger than the size limit"), std::string::npos);
  EXPECT_EQ(ReadInput(path, 5).error().message, "file is larger than 5 bytes");
  EXPECT_TRUE(ReadInput(path, 19));
}

TEST(InputFileTest, MissingFileAndDirectory) {
  EXPECT_EQ(InputFile::Open("/nonexistent/x.json").error().ToString(),
            "/nonexistent/x.json: cannot open: No such file or directory");
  secgate::testing::TempDir dir;
  EXPECT_EQ(InputFile::Open(dir.path()).error().message, "cannot open: is a directory");
}

TEST(Utf8Test, Validation) {
  EXPECT_EQ(CheckUtf8("plain ascii"), "");
  EXPECT_EQ(CheckUtf8("caf\xc3\xa9 \xe2\x86\x92 \xf0\x9f\x94\x92"), "");
  EXPECT_EQ(CheckUtf8("ab\xff"), "invalid UTF-8 at byte 2");
  EXPECT_EQ(CheckUtf8("\xc0\xaf"), "invalid UTF-8 at byte 0");        // overlong
  EXPECT_EQ(CheckUtf8("\xed\xa0\x80"), "invalid UTF-8 at byte 0");    // surrogate
  EXPECT_EQ(CheckUtf8("\xe2\x86"), "invalid UTF-8 at byte 0");        // truncated
}

// Duplicate keys and case-variant keys: refused in every mode (walked,
// captured, projected away, skipped), with the object's pointer and the key.
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

}  // namespace
}  // namespace secgate::core
