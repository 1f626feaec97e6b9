// Decoding encoded runs for the rescan (gates/secrets/decode.cc) and the
// collector's use of it (collector.cc): kinds, chains, lines, depth, the
// decoded-bytes cap, and bad input (truncated, invalid, binary, huge).
#include <gtest/gtest.h>

#include <set>

#include "gates/core/fingerprint.h"
#include "gates/secrets/collector.h"
#include "gates/secrets/decode.h"
#include "tests/testing/encode.h"
#include "tests/unit/secrets/test_pack.h"

namespace secgate::secrets {
namespace {

std::string B64(std::string_view s, bool url = false, bool pad = true) {
  return testing::Base64(s, url, pad);
}

std::vector<std::string> Runs(std::string_view text) {
  DecodeBudget b;
  std::vector<std::string> out;
  ForEachDecoded(text, &b, [&](const DecodedRun& r) {
    out.push_back(std::string(r.kind) + ":" + r.text);
  });
  return out;
}

TEST(DecodeTest, EveryKindDecodes) {
  const std::string t = std::string("TOKEN=") + kToken;
  EXPECT_EQ(Runs("x: " + B64(t)), std::vector<std::string>{"base64:" + t});
  EXPECT_EQ(Runs("x: " + B64(t + "?>", true, false)), std::vector<std::string>{"base64:" + t + "?>"});
  EXPECT_EQ(Runs("x = 544f4b454e3d74737466"), std::vector<std::string>{"hex:TOKEN=tstf"});
  EXPECT_EQ(Runs("u=p%40ss%2Fw0rd"), std::vector<std::string>{"percent:u=p@ss/w0rd"});
  EXPECT_EQ(Runs("s=\\u0074\\x73tk"), std::vector<std::string>{"escape:s=tstk"});
}

TEST(DecodeTest, BadOrBinaryRunsAreLeftAlone) {
  std::string out;
  EXPECT_FALSE(DecodeBase64("abcde", &out));       // 4n+1 characters: truncated
  EXPECT_FALSE(DecodeBase64("ab!d", &out));
  EXPECT_FALSE(DecodeHex("abc", &out));
  EXPECT_FALSE(DecodePercent("no escapes", &out));
  EXPECT_FALSE(DecodePercent("50% off", &out));     // a lone % is no escape
  EXPECT_FALSE(DecodePercent("a%2", &out));         // truncated
  EXPECT_FALSE(DecodeEscapes("\\u00", &out));       // truncated escape stays text
  EXPECT_EQ(out, "\\u00");
  EXPECT_TRUE(Runs("short: dG9rZW4=").empty());     // under kMinBase64Run
  EXPECT_TRUE(Runs("sha: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855").empty());
  EXPECT_TRUE(Runs("id: some_long_identifier_name_here").empty());  // decodes to binary
  EXPECT_TRUE(Runs(std::string("\xff\xfe\0\x01", 4) + B64(std::string(40, '\x01'))).empty());
}

TEST(DecodeTest, BudgetCapsDecodedBytes) {
  std::string text;
  const std::string run = B64(std::string(3000, 'a'));
  for (int i = 0; i < 10; ++i) text += run + "\n";
  DecodeBudget b;
  b.left = 10000;
  size_t decoded = 0;
  ForEachDecoded(text, &b, [&](const DecodedRun& r) { decoded += r.text.size(); });
  EXPECT_EQ(decoded, 9000u);
  EXPECT_TRUE(b.exhausted);
}

std::vector<core::Finding> Collect(const Matcher& e, std::string_view text) {
  Collector c(e);
  c.Scan({"t", "k8s/secret.yaml"}, text, nullptr);
  return c.findings();
}

TEST(DecodeTest, CollectorReportsAtTheEncodedLineWithTheChain) {
  auto e = TestEngine();
  const std::string t = std::string("TOKEN=") + kToken;
  const std::string text = "kind: Secret\ndata:\n  token: " + B64(t) + "\n  hex: " +
                           B64("p=" + testing::Percent(t)) +
                           "\n";
  auto f = Collect(*e, text);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].location.line, 3);
  EXPECT_EQ(f[0].decoded, "base64");
  EXPECT_EQ(f[0].fingerprint, core::SecretFingerprint("test-token", kToken));
  EXPECT_EQ(f[1].location.line, 4);
  EXPECT_EQ(f[1].decoded, "base64>percent");
}

TEST(DecodeTest, DepthLimitsNestingAndZeroDisables) {
  const std::string t = std::string("TOKEN=") + kToken;
  const std::string twice = "v: " + B64(B64(t)) + "\n";
  const std::string thrice = "v: " + B64(B64(B64(t))) + "\n";
  RulePack p = TestPack();
  Matcher two(p);
  EXPECT_EQ(Collect(two, twice).size(), 1u);
  EXPECT_EQ(Collect(two, twice)[0].decoded, "base64>base64");
  EXPECT_TRUE(Collect(two, thrice).empty());
  p.decode_depth = 3;
  Matcher three(p);
  EXPECT_EQ(Collect(three, thrice).size(), 1u);
  p.decode_depth = 0;
  Matcher none(p);
  EXPECT_TRUE(Collect(none, "v: " + B64(t) + "\n").empty());
}

TEST(DecodeTest, EncodedRunAndDecodedValueAreBothMaskable) {
  auto e = TestEngine();
  const std::string enc = B64(std::string("TOKEN=") + kToken);
  Collector c(*e);
  c.Scan({"t", "a.yaml"}, "token: " + enc + "\n", nullptr);
  std::set<std::string> values;
  for (const auto& [rule, v] : c.values()) values.insert(v);
  EXPECT_TRUE(values.count(kToken));
  EXPECT_TRUE(values.count(enc));
}

TEST(DecodeTest, PlainMatchIsNotReportedTwice) {
  auto e = TestEngine();
  // The token as written is found; the run around it decodes to nothing.
  EXPECT_EQ(Collect(*e, std::string("t = ") + kToken + "\n").size(), 1u);
}

}  // namespace
}  // namespace secgate::secrets
