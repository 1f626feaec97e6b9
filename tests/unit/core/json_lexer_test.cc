// Differential tests: core::JsonStreamer (our strict lexer) against
// nlohmann::json::parse on hand-made RFC 8259 edge cases, every vuln fixture,
// every prefix of a few fixtures, seeded byte mutations, and tokens that
// straddle the input's chunk boundary. Accept/reject must agree, and every
// record materialised must equal nlohmann's value for it. Also JsonKeySet.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <gtest/gtest.h>

#include "gates/core/json_lexer.h"
#include "gates/core/json_stream.h"
#include "tests/testing/run_process.h"

namespace secgate::core {
namespace {

using nlohmann::json;
using namespace std::string_literals;

struct Outcome {
  bool ok = false;
  std::string error;
  std::vector<std::pair<std::string, json>> records;
};

// Captures each member/element of the top-level value ("/*"); when `deep`,
// one level further down instead ("/*/*"), so the outer levels are walked.
Outcome RunStreamer(std::string_view text, bool from_file, bool deep = false) {
  Outcome o;
  JsonStreamer s;
  s.OnRecord(deep ? "/*/*" : "/*", [&o](const std::string& p, json& v) -> Status {
    o.records.emplace_back(p, std::move(v));
    return Ok{};
  });
  Status st = Ok{};
  if (from_file) {
    auto in = InputFile::FromMemory(text, "t.json");
    st = s.Parse(*in);
  } else {
    st = s.ParseString(text, "t.json");
  }
  o.ok = st.ok();
  if (!o.ok) o.error = st.error().ToString();
  return o;
}

// Compares a run with nlohmann: same decision; records equal the parsed values.
void ExpectAgrees(std::string_view text, const std::string& label) {
  json ref = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  // nlohmann's lexer takes a NUL byte for the end of input, so it accepts
  // "[1]\0garbage"; RFC 8259 (and we) reject data after the top-level value.
  bool ref_ok = !ref.is_discarded() && text.find('\0') == std::string_view::npos;
  for (bool from_file : {false, true}) {
    Outcome o = RunStreamer(text, from_file);
    ASSERT_EQ(o.ok, ref_ok) << label << (from_file ? " (file)" : " (memory)") << ": " << o.error;
    if (!o.ok) {
      EXPECT_NE(o.error.find("t.json:"), std::string::npos) << o.error;
      continue;
    }
    if (ref.is_array()) {
      ASSERT_EQ(o.records.size(), ref.size()) << label;
      for (size_t i = 0; i < ref.size(); ++i) {
        EXPECT_EQ(o.records[i].first, "/" + std::to_string(i)) << label;
        EXPECT_EQ(o.records[i].second, ref[i]) << label << " at " << i;
      }
    } else if (ref.is_object()) {
      json rebuilt = json::object();  // duplicate keys: the last one wins, as in nlohmann
      for (auto& [ptr, v] : o.records) rebuilt[ptr.substr(1)] = v;
      EXPECT_EQ(rebuilt, ref) << label;
    } else {
      EXPECT_TRUE(o.records.empty()) << label;
    }
  }
}

TEST(JsonLexerTest, ValidEdgeCasesAgreeWithNlohmann) {
  const std::vector<std::string> valid = {
      "0", "-0", "1e5", "1E-5", "0.5", "-0.0e+0", "123456789012345678901234567890",
      "18446744073709551615", "18446744073709551616", "-9223372036854775808",
      "-9223372036854775809", "1.7976931348623157e308", "4.9e-324", "1e-400",
      "true", "false", "null", "\"\"", " \t\r\n[ 1 , 2 ]\r\n ", "\xef\xbb\xbf{}",
      R"(["\"\\\/\b\f\n\r\t"])", R"(["\u0000\u001f\u00e9\u20AC"])", R"(["\ud83d\ude00x"])",
      R"(["\uDBFF\uDFFF"])", "[\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x94\x92 \xf4\x8f\xbf\xbf\"]",
      "[\"\x7f\"]", R"({"a":1,"b":{"a":2}})", R"({"":{"":[]}})", R"([[],{},[[{}]],"x",1.5,-3])",
      R"({"a/b":[1,{"c":[true,false,null]}],"k\"ey":"v","\u00e9":0})",
      R"([{"x":[1,[2,3],{"y":null}],"z":"s"}])", "[1e22, 1.0, -1.5E+3, 0e0, 0.000001]",
      "{\"big\": \"" + std::string(5000, 'a') + "\\n" + std::string(3000, 'b') + "\"}"};
  for (const auto& t : valid) ExpectAgrees(t, "valid: " + t.substr(0, 60));
}

TEST(JsonLexerTest, InvalidEdgeCasesAgreeWithNlohmann) {
  const std::vector<std::string> invalid = {
      "01", "-01", "1.", ".5", "+1", "-", "1e", "1e+", "0x10", "1.e5", "NaN", "Infinity",
      "1e400", "-1e400", "[1,]", R"({"a":1,})", "[,1]", "[1 2]", R"({"a" 1})", R"({a:1})",
      R"({"a":})", "{,}", "[", "]", "{", "}", "[1", R"({"a":1)", "\"abc", "\"\x01\"",
      "\"a\tb\"", "\"a\nb\"", "[\"\xff\"]", "[\"\xc0\xaf\"]", "[\"\xe0\x80\xaf\"]",
      "[\"\xed\xa0\x80\"]", "[\"\xf4\x90\x80\x80\"]", "[\"\xf8\x88\x80\x80\x80\"]",
      "[\"\xc3\"]", "[\"\xe2\x82\"]", "[\"\x80\"]", R"(["\ud800"])", R"(["\udc00"])",
      R"(["\ud800\u0041"])", R"(["\ud800x"])", R"(["\x41"])", R"(["\u12"])", R"(["\u12g4"])",
      R"(["\'"])", "tru", "nul", "falsey", "truE", "[true false]", "{} {}", "[] x", "1 2",
      "\"a\" \"b\"", "", " ", "\xef\xbb", "\xef\xbb\xbf", "{\"a\":1}\x00"s, "[1,\x00]"s, "[\"\x00\"]"s,
      "/* c */ 1", "[1] // c", "'a'", "\x7f" "ELF", "[-]", "[--1]", "[1.5.5]", "[1e5e5]"};
  for (const auto& t : invalid) ExpectAgrees(t, "invalid: " + t);
}

std::vector<std::filesystem::path> VulnFixtures() {
  std::vector<std::filesystem::path> out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(testing::Fixture("vuln")))
    if (e.is_regular_file() && e.path().extension() == ".json") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::string Slurp(const std::filesystem::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

TEST(JsonLexerTest, EveryVulnFixtureAgreesWithNlohmann) {
  auto fixtures = VulnFixtures();
  ASSERT_GT(fixtures.size(), 20u);
  for (const auto& p : fixtures) {
    std::string text = Slurp(p);
    ExpectAgrees(text, p.filename().string());
    // Walking one level and capturing the next must agree too.
    json ref = json::parse(text, nullptr, false);
    Outcome deep = RunStreamer(text, true, /*deep=*/true);
    ASSERT_EQ(deep.ok, !ref.is_discarded()) << p << deep.error;
    if (!deep.ok) continue;  // NDJSON fixtures: records before the error are not compared
    for (auto& [ptr, v] : deep.records) {
      // Pointer keys are not escaped: compare only the unambiguous ones.
      if (ptr.find('~') != std::string::npos || std::count(ptr.begin(), ptr.end(), '/') != 2)
        continue;
      json::json_pointer jp(ptr);
      ASSERT_TRUE(ref.contains(jp)) << p << ptr;
      EXPECT_EQ(v, ref.at(jp)) << p << ptr;
    }
  }
}

TEST(JsonLexerTest, EveryPrefixOfAFixtureIsRejected) {
  int checked = 0;
  for (const char* rel : {"vuln/grype/alpine.json", "vuln/npm-audit/v2-express.json"}) {
    std::filesystem::path p = testing::Fixture(rel);
    if (!std::filesystem::exists(p)) {
      auto all = VulnFixtures();
      p = all[checked % all.size()];
    }
    std::string text = Slurp(p);
    size_t end = text.find_last_not_of(" \t\r\n") + 1;
    // Every prefix of small files, a dense sample (every 7th byte) of larger ones.
    size_t step = end < 20000 ? 1 : 7;
    for (size_t n = 1; n < end; n += step) {
      Outcome o = RunStreamer(std::string_view(text).substr(0, n), false);
      ASSERT_FALSE(o.ok) << p << " prefix " << n;
      ++checked;
    }
  }
  EXPECT_GT(checked, 1000);
}

TEST(JsonLexerTest, SeededMutationsAgreeWithNlohmann) {
  std::mt19937 rng(20240611);
  const std::string bytes = "{}[],:\"\\/0123456789-+.eEtrufalsn \t\n\x01\x7f\x80\xbf\xc3\xe2\xed\xf0\xff";
  std::vector<std::string> seeds = {
      R"({"Results":[{"Target":"t","Vulnerabilities":[{"VulnerabilityID":"CVE-1","X":[1,2.5e3,true,null,"\u00e9\ud83d\ude00"]}]}]})",
      "[\"caf\xc3\xa9\",{\"a\":[-0.5,{\"b\":\"\\n\"}]},false]"};
  for (const auto& p : VulnFixtures())
    if (std::filesystem::file_size(p) < 4000) seeds.push_back(Slurp(p));
  int runs = 0;
  for (const auto& seed : seeds) {
    for (int k = 0; k < 300; ++k) {
      std::string t = seed;
      int edits = 1 + rng() % 3;
      for (int e = 0; e < edits && !t.empty(); ++e) {
        size_t at = rng() % t.size();
        switch (rng() % 3) {
          case 0: t[at] = bytes[rng() % bytes.size()]; break;
          case 1: t.insert(at, 1, bytes[rng() % bytes.size()]); break;
          default: t.erase(at, 1);
        }
      }
      ExpectAgrees(t, "mutation of seed " + seed.substr(0, 30));
      ++runs;
    }
  }
  EXPECT_GT(runs, 1000);
}

// Tokens straddling the first chunk boundary of InputFile (128 KiB): every
// split position of every token must still work.
TEST(JsonLexerTest, TokensAcrossChunkBoundariesAgree) {
  const std::vector<std::string> tokens = {
      "\"a\\u00e9\\ud83d\\ude00\\n\\\"b\"", "\"\xf0\x9f\x94\x92\xe2\x82\xac\xc3\xa9\"",
      "-12345.678e-9", "true", "false", "null", "\"\xed\xa0\x80\"", "\"\\ud800\"", "1.",
      "\"abc\x01\"", "{\"key\\t\":[]}"};
  for (size_t chunk : {size_t{1} << 17}) {
    for (const auto& tok : tokens) {
      for (size_t k = 0; k <= tok.size() + 1; ++k) {
        std::string t = "[\"";
        t += std::string(chunk - k - 5, 'x') + "\", " + tok + "]";
        ASSERT_EQ(t.find(tok), chunk - k);
        ExpectAgrees(t, "split " + std::to_string(k) + " of " + tok);
      }
    }
  }
}

TEST(JsonLexerTest, ErrorMessagesNameThePosition) {
  auto err = [](std::string_view t) { return RunStreamer(t, true).error; };
  EXPECT_EQ(err("[1,]"), "t.json:4: invalid JSON: unexpected character ']'; expected a value");
  EXPECT_EQ(err("[1"), "t.json:3: invalid JSON: unexpected end of input; expected ',' or ']'");
  EXPECT_EQ(err("{\"a\":1,}"), "t.json:8: invalid JSON: unexpected character '}'; expected a string key");
  EXPECT_EQ(err("[01]"), "t.json:3: invalid JSON: leading zeros are not allowed in numbers");
  EXPECT_EQ(err("[\"a\x01\"]"), "t.json:4: invalid JSON: control character in string (must be escaped)");
  EXPECT_EQ(err("[\"a\xc0\xaf\"]"), "t.json:4: invalid JSON: ill-formed UTF-8 byte in string");
  EXPECT_EQ(err("[\"\\udc00\"]"), "t.json:5: invalid JSON: lone low surrogate in \\u escape");
  EXPECT_EQ(err("[] x"), "t.json:4: invalid JSON: unexpected data after the top-level value");
  EXPECT_EQ(err("[1e999]"), "t.json:7: invalid JSON: number out of range: 1e999");
}

TEST(JsonLexerTest, NestingLimitHoldsWhileSkippingAndNamesThePointer) {
  JsonStreamer s;
  s.OnRecord("/wanted/*", [](const std::string&, json&) -> Status { return Ok{}; });
  std::string deep = "{\"other\": [{\"k\": " + std::string(300, '[') + std::string(300, ']') + "}]}";
  Status st = s.ParseString(deep, "d.json");
  ASSERT_FALSE(st);
  std::string pointer = "/other/0/k";
  for (int i = 0; i < 253; ++i) pointer += "/0";
  EXPECT_EQ(st.error().ToString(), "d.json:" + pointer + ": nesting deeper than 256 levels");
  JsonStreamer ok;
  ok.set_max_depth(400);
  EXPECT_TRUE(ok.ParseString(deep, "d.json"));
}

TEST(JsonLexerTest, ProjectionMaterialisesOnlyListedFields) {
  JsonStreamer s;
  std::vector<json> got;
  s.OnRecord("/r/*", [&](const std::string&, json& v) -> Status {
    got.push_back(v);
    return Ok{};
  }, {"id", "refs"});
  ASSERT_TRUE(s.ParseString(
      R"({"r": [{"id": "A", "Description": "long", "refs": ["x"], "n": {"deep": [1]}}, 7]})", "p"));
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0], json::parse(R"({"id": "A", "refs": ["x"]})"));
  EXPECT_EQ(got[1], json(7));
  // Skipped members are still validated.
  JsonStreamer bad;
  bad.OnRecord("/r/*", [](const std::string&, json&) -> Status { return Ok{}; }, {"id"});
  EXPECT_FALSE(bad.ParseString(R"({"r": [{"id": "A", "Description": "\x01"}]})", "p"));
  EXPECT_FALSE(bad.ParseString(R"({"r": [{"id": "A", "x": [1,]}]})", "p"));
}

// Found by json_lexer_fuzz in the CI smoke run: a projection meant for
// record objects also emptied records that are arrays ("[[1]]" gave "[]").
TEST(JsonLexerTest, ProjectionKeepsArrayRecordsWhole) {
  JsonStreamer s;
  std::vector<json> got;
  s.OnRecord("/*", [&](const std::string&, json& v) -> Status {
    got.push_back(v);
    return Ok{};
  }, {"a", "b"});
  ASSERT_TRUE(s.ParseString(R"([[1], [{"a": 1, "c": 2}], {"a": [3], "c": 4}])", "p"));
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0], json::parse("[1]"));
  EXPECT_EQ(got[1], json::parse(R"([{"a": 1, "c": 2}])"));
  EXPECT_EQ(got[2], json::parse(R"({"a": [3]})"));
}

// JsonKeySet, the duplicate-key index of every object.
TEST(JsonStrictTest, KeySetCollisionsAreComparedByBytes) {
  JsonKeySet set;
  for (int round = 0; round < 2; ++round) {
    set.Clear();
    for (int i = 0; i < 1000; ++i) EXPECT_TRUE(set.Insert("key" + std::to_string(i)));
    EXPECT_FALSE(set.Insert("key999"));
    EXPECT_FALSE(set.Insert("key0"));
  }
}

}  // namespace
}  // namespace secgate::core
