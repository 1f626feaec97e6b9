// Context windows and composite rules end to end, with the built-in pack:
// a Datadog key under a `datadog:` block (keyword two lines above) and an
// AWS secret key passed beside its key id on the line before, in files,
// --staged, --range, --stdin and mask; the finding names the key id's line
// and no output holds either value.
#include "tests/e2e/secrets/secrets_e2e.h"

namespace secgate::secrets::e2e {
namespace {

// Synthetic, shaped as the providers document (never real credentials);
// assembled so that this file holds no literal token.
const std::string kDatadog = std::string("9c4e1a7f3b") + "2d8e6f0a5c1b7d3e9f4a61";
const std::string kKeyId = std::string("AK") + "IAQUMPMHS6PJARB7LM";
const std::string kSecret = std::string("MbqLM7KNi4PsHzfc8zRx") + "BEG/Ft3Pg+H8MSmLC+t1";

const std::string kKeyIdTitle =
    "AWS access key ID (long-term AKIA, temporary ASIA, and related prefixes)";

std::string Settings() {
  return "datadog:\n  site: eu1\n  apiKey: " + kDatadog + "\nregion: eu-west-1\n";
}
std::string Client() {
  return "import boto3\n\ns3 = boto3.client(\n    \"s3\",\n    \"" + kKeyId + "\",\n    \"" +
         kSecret + "\",\n)\n";
}

std::string Policy(const testing::TempDir& d) {
  return d.Write("secgate.yaml", "version: 1\nsecrets:\n  fail_on: low\n");
}

// "rule path:line title" of each finding.
std::vector<std::string> Found(const nlohmann::json& v) {
  std::vector<std::string> out;
  for (const auto& f : v.value("findings", nlohmann::json::array()))
    out.push_back(f["id"].get<std::string>() + " " + f["location"].value("path", "") + ":" +
                  std::to_string(f["location"].value("line", 0)) + " " +
                  f["title"].get<std::string>());
  return out;
}

const std::vector<std::string> kWant = {
    "aws-access-key-id s3.py:5 " + kKeyIdTitle,
    "aws-secret-access-key-with-key-id s3.py:6 AWS secret access key next to its access key id "
    "(with access key id on line 5)",
    "datadog-api-key-nearby settings.yaml:3 Datadog API key near a Datadog name"};

void ExpectNoValue(const std::string& text, const std::string& what) {
  for (const std::string& v : {kDatadog, kSecret})
    EXPECT_EQ(text.find(v.substr(4)), std::string::npos) << what;
}

TEST(ContextE2E, FilesStagedRangeAndStdin) {
  Repo repo;
  testing::TempDir cfg;
  const std::string policy = Policy(cfg);
  repo.Write("README.md", "start\n");
  repo.Git({"add", "."});
  const std::string base = repo.Commit("base");
  repo.Write("settings.yaml", Settings());
  repo.Write("s3.py", Client());
  auto files = GateJson({"--policy", policy, "settings.yaml", "s3.py"}, repo.path(), 1);
  std::vector<std::string> got = Found(files);
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, kWant);
  repo.Git({"add", "."});
  got = Found(GateJson({"--policy", policy, "--staged"}, repo.path(), 1));
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, kWant);
  repo.Commit("config");
  got = Found(GateJson({"--policy", policy, "--range", base + "..HEAD"}, repo.path(), 1));
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, kWant);
  // Plain text on stdin has no path: the same rules, lines of the input.
  auto in = GateJson({"--policy", policy, "--stdin"}, repo.path(), 1, Client());
  EXPECT_EQ(Found(in), (std::vector<std::string>{
                           "aws-access-key-id :5 " + kKeyIdTitle,
                           "aws-secret-access-key-with-key-id :6 AWS secret access key next to "
                           "its access key id (with access key id on line 5)"}));
  // A diff on stdin: the added lines are the context.
  auto diff = repo.Git({"show", "--format=", "HEAD"}).out;
  got = Found(GateJson({"--policy", policy, "--stdin"}, repo.path(), 1, diff));
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, kWant);
  for (const char* fmt : {"text", "sarif", "markdown", "json"}) {
    auto r = Gate({"--policy", policy, "--report", std::string(fmt) + "=-", "settings.yaml", "s3.py"},
                  repo.path());
    EXPECT_EQ(r.exit_code, 1) << fmt;
    ExpectNoValue(r.out + r.err, fmt);
  }
}

TEST(ContextE2E, OutsideTheWindowOrWithoutThePartNothingIsFound) {
  testing::TempDir d;
  const std::string policy = Policy(d);
  d.Write("far.yaml", "datadog:\n  a: 1\n  b: 2\n  c: 3\n  value: " + kDatadog + "\n");
  d.Write("alone.py", "s3 = boto3.client(\"s3\", None,\n    \"" + kSecret + "\")\n");
  auto v = GateJson({"--policy", policy, "far.yaml", "alone.py"}, d.path(), 0);
  EXPECT_TRUE(Found(v).empty()) << v.dump(1);
  // A policy can turn a context rule off like any rule.
  d.Write("near.yaml", "datadog:\n  value: " + kDatadog + "\n");
  EXPECT_EQ(Found(GateJson({"--policy", policy, "near.yaml"}, d.path(), 1)),
            std::vector<std::string>{
                "datadog-api-key-nearby near.yaml:2 Datadog API key near a Datadog name"});
  testing::TempDir off;
  off.Write("settings.yaml", "datadog:\n  value: " + kDatadog + "\n");
  const std::string p = off.Write(
      "secgate.yaml", "version: 1\nsecrets:\n  fail_on: low\n  disable: [datadog-api-key-nearby]\n");
  EXPECT_TRUE(Found(GateJson({"--policy", p, "settings.yaml"}, off.path(), 0)).empty());
}

TEST(ContextE2E, MaskMasksContextAndCompositeSecrets) {
  testing::TempDir d;
  const std::string policy = Policy(d);
  const std::string log = "step 1\n" + Settings() + Client() + "done\n";
  auto m = Gate({"mask", "--policy", policy}, d.path(), log);
  ASSERT_EQ(m.exit_code, 1) << m.err;  // 1: something was masked
  EXPECT_NE(m.err.find("masked 3 secrets"), std::string::npos) << m.err;
  ExpectNoValue(m.out, "mask");
  EXPECT_EQ(m.out.find(kKeyId), std::string::npos);  // a credential by itself
  EXPECT_NE(m.out.find("step 1\ndatadog:\n  site: eu1\n"), std::string::npos) << m.out;
  EXPECT_NE(m.out.find("done\n"), std::string::npos);
}

}  // namespace
}  // namespace secgate::secrets::e2e
