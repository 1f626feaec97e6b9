// Property: a secret's value never leaves secgate-secrets. For seeded random
// secrets of a few rules' shapes, embedded in random text or in unified
// diffs, every output of a run — text and GitHub commands on stdout, stderr,
// every report format (core::ReportFormats()), the job summary, the
// baseline file and `mask` output — contains no 8-character window of the
// secret's random part. Each case must also be detected (exit 1), so the
// property is never satisfied vacuously. Some diffs also carry the secret in
// the file's name (the path every output prints); long lines put copies of
// the secret across the cuts where `mask` and `--stdin` split a line.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <map>
#include <random>

#include "tests/hostile/hostile_util.h"
#include "tests/testing/encode.h"

namespace secgate::hostile {
namespace {

using testing::Base64;
using testing::Percent;
using testing::ProcessResult;
using testing::TempDir;

constexpr int kCases = 200;
constexpr uint32_t kSeed = 20261121;
// Formats the reporters offer (core::ReportFormats()); text is stdout.
const std::vector<std::string> kReportFormats = {"json", "sarif", "junit", "markdown"};

struct Shape {
  std::string rule;
  std::string prefix;
  std::string alphabet;
  int length;
  std::string separator;  // between two random parts ("" = one part)
  int second_length;
  std::string third;      // Slack: a third part
  int third_length;
};

const std::string kAlnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const std::string kUpperDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const std::string kDigits = "0123456789";

const std::vector<Shape>& Shapes() {
  static const std::vector<Shape> kShapes = {
      {"github-pat-classic", "ghp_", kAlnum, 36, "", 0, "", 0},
      {"aws-access-key-id", "AKIA", kUpperDigits, 16, "", 0, "", 0},
      {"slack-bot-token", "xoxb-", kDigits, 12, "-", 13, "-", 24},
  };
  return kShapes;
}

double Entropy(const std::string& s) {
  std::map<char, int> n;
  for (char c : s) ++n[c];
  double h = 0;
  for (auto [c, k] : n) {
    double p = static_cast<double>(k) / s.size();
    h -= p * std::log2(p);
  }
  return h;
}

bool HasStopword(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* w : {"example", "placeholder", "dummy", "sample", "test", "fake", "xxxx"})
    if (s.find(w) != std::string::npos) return true;
  return false;
}

std::string Random(std::mt19937& rng, const std::string& alphabet, int n) {
  std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1);
  std::string out;
  for (int i = 0; i < n; ++i) out += alphabet[pick(rng)];
  return out;
}

struct Secret {
  std::string rule;
  std::string value;
  std::string random_part;  // value without the fixed prefix
};

Secret MakeSecret(std::mt19937& rng, const Shape& s) {
  while (true) {
    std::string v = s.prefix + Random(rng, s.alphabet, s.length);
    if (!s.separator.empty()) v += s.separator + Random(rng, kDigits, s.second_length);
    if (!s.third.empty()) v += s.third + Random(rng, kAlnum, s.third_length);
    // Realistic secrets: random enough for the rule's entropy floor, and no
    // placeholder word that the allowlist would (rightly) skip.
    if (Entropy(v) >= 3.6 && !HasStopword(v)) return {s.rule, v, v.substr(s.prefix.size())};
  }
}

std::string RandomText(std::mt19937& rng, int words) {
  static const std::vector<std::string> kWords = {
      "build", "deploy", "the", "value", "config", "user", "request", "ok", "=", ":", "#",
      "{", "}", "\"quoted\"", "path/to/file.go", "42", "ERROR", "\t", "café", "日本"};
  std::uniform_int_distribution<size_t> pick(0, kWords.size() - 1);
  std::string out;
  for (int i = 0; i < words; ++i) out += (i ? " " : "") + kWords[pick(rng)];
  return out;
}

// A line that holds the secret in one of several common shapes.
std::string SecretLine(std::mt19937& rng, const std::string& secret) {
  static const std::vector<std::string> kForms = {"token = \"S\"", "export API_TOKEN=S",
                                                  "auth: S", "curl -H 'Authorization: S' x",
                                                  "{\"key\": \"S\"}", "S"};
  std::string form = kForms[std::uniform_int_distribution<size_t>(0, kForms.size() - 1)(rng)];
  form.replace(form.find('S'), 1, secret);
  return RandomText(rng, 3) + " " + form + " " + RandomText(rng, 2);
}

std::string PlainText(std::mt19937& rng, const std::string& secret) {
  std::string out;
  int lines = std::uniform_int_distribution<int>(1, 30)(rng);
  int at = std::uniform_int_distribution<int>(0, lines - 1)(rng);
  for (int i = 0; i < lines; ++i) out += (i == at ? SecretLine(rng, secret) : RandomText(rng, 6)) + "\n";
  return out;
}

std::string UnifiedDiff(std::mt19937& rng, const std::string& secret, bool secret_in_name) {
  std::string file = "src/" + Random(rng, "abcdefghij", 6) + ".py";
  if (secret_in_name) file = "src/deploy-" + secret + ".py";
  std::string out = "diff --git a/" + file + " b/" + file + "\n";
  out += "index 1111111..2222222 100644\n--- a/" + file + "\n+++ b/" + file + "\n";
  out += "@@ -1,3 +1,4 @@\n";
  out += " " + RandomText(rng, 4) + "\n";
  out += "-" + RandomText(rng, 4) + "\n";
  out += "+" + SecretLine(rng, secret) + "\n";
  out += "+" + RandomText(rng, 4) + "\n";
  out += " " + RandomText(rng, 4) + "\n";
  return out;
}

// The first window of 8 characters of `random_part` found in `text`, or "".
std::string Leak(const std::string& text, const std::string& random_part) {
  for (size_t i = 0; i + 8 <= random_part.size(); ++i)
    if (text.find(random_part.substr(i, 8)) != std::string::npos) return random_part.substr(i, 8);
  return "";
}

TEST(SecretLeakPropertyTest, NoOutputContainsTheSecret) {
  std::mt19937 rng(kSeed);
  TempDir dir;
  int detected = 0;
  for (int n = 0; n < kCases; ++n) {
    const Shape& shape = Shapes()[n % Shapes().size()];
    Secret secret = MakeSecret(rng, shape);
    bool diff = n % 2 == 1;
    const bool in_name = diff && n % 4 == 3;
    std::string input =
        diff ? UnifiedDiff(rng, secret.value, in_name) : PlainText(rng, secret.value);
    std::string tag = "case " + std::to_string(n) + " (" + secret.rule + ", " +
                      (diff ? in_name ? "diff, secret in the file name" : "diff" : "text") + ")";

    std::vector<std::string> args = {"--stdin", "--github", "--baseline-out", "baseline.yaml"};
    for (const auto& f : kReportFormats) args.insert(args.end(), {"--report", f + "=out." + f});
    testing::ProcessOptions o;
    o.stdin_data = input;
    o.timeout_seconds = 60;
    o.env = {{"GITHUB_STEP_SUMMARY", dir.path() + "/summary.md"}};
    ProcessResult r = RunGate("secgate-secrets", dir, args, o);
    ASSERT_EQ(r.exit_code, 1) << tag << ": not detected\n" << input << "\n" << r.err;
    ++detected;

    std::map<std::string, std::string> outputs = {{"stdout", r.out}, {"stderr", r.err}};
    for (const auto& f : kReportFormats) outputs["report " + f] = testing::ReadFile(dir.path() + "/out." + f);
    outputs["job summary"] = testing::ReadFile(dir.path() + "/summary.md");
    outputs["baseline"] = testing::ReadFile(dir.path() + "/baseline.yaml");
    ProcessResult m = RunGate("secgate-secrets", dir, {"mask"}, {.stdin_data = input, .timeout_seconds = 60});
    EXPECT_EQ(m.exit_code, 1) << tag << ": mask did not mask\n" << m.err;
    outputs["mask stdout"] = m.out;
    outputs["mask stderr"] = m.err;
    for (const auto& [name, text] : outputs) {
      EXPECT_FALSE(name.rfind("report ", 0) == 0 && text.empty()) << tag << ": " << name << " empty";
      std::string leak = Leak(text, secret.random_part);
      ASSERT_EQ(leak, "") << tag << ": " << name << " contains part of the secret:\n" << text;
    }
    std::remove((dir.path() + "/summary.md").c_str());
  }
  EXPECT_EQ(detected, kCases);
}

// Decoded and nested findings: the secret's line base64-encoded, its value
// percent-encoded, or both (base64 of the percent-encoded line), in text on
// stdin. Every output of the run and of `mask` holds neither an 8-character
// window of the secret's random part nor of the encoded text.
TEST(SecretLeakPropertyTest, NoOutputContainsADecodedSecretOrItsEncoding) {
  std::mt19937 rng(kSeed + 2);
  TempDir dir;
  for (int n = 0; n < 30; ++n) {
    const Shape& shape = Shapes()[n % Shapes().size()];
    Secret secret = MakeSecret(rng, shape);
    const std::string line = "token = \"" + secret.value + "\"";
    const int how = n % 3;
    const std::string encoded = how == 0   ? Base64(line)
                                : how == 1 ? "token=" + Percent(secret.value)
                                           : Base64("token=" + Percent(secret.value));
    const std::string input =
        RandomText(rng, 5) + "\nvalue: " + encoded + "\n" + RandomText(rng, 4) + "\n";
    const std::string tag = "decoded case " + std::to_string(n) + " (" + secret.rule + ", " +
                            (how == 0 ? "base64" : how == 1 ? "percent" : "base64>percent") + ")";
    std::vector<std::string> args = {"--stdin", "--github"};
    for (const auto& f : kReportFormats) args.insert(args.end(), {"--report", f + "=out." + f});
    ProcessResult r = RunGate("secgate-secrets", dir, args, {.stdin_data = input, .timeout_seconds = 60});
    ASSERT_EQ(r.exit_code, 1) << tag << ": not detected\n" << input << "\n" << r.err;
    std::map<std::string, std::string> outputs = {{"stdout", r.out}, {"stderr", r.err}};
    for (const auto& f : kReportFormats) outputs["report " + f] = testing::ReadFile(dir.path() + "/out." + f);
    ProcessResult m = RunGate("secgate-secrets", dir, {"mask"}, {.stdin_data = input, .timeout_seconds = 60});
    EXPECT_EQ(m.exit_code, 1) << tag << ": mask did not mask\n" << m.err;
    outputs["mask stdout"] = m.out;
    for (const auto& [name, text] : outputs) {
      ASSERT_EQ(Leak(text, secret.random_part), "") << tag << ": " << name << " holds the secret";
      ASSERT_EQ(Leak(text, encoded.substr(8)), "") << tag << ": " << name << " holds the encoding";
    }
    const std::string json = outputs["report json"];
    ASSERT_NE(json.find("\"decoded\""), std::string::npos) << tag << ": not found decoded";
  }
}

// Composite and context findings: an AWS secret access key one to four
// lines after its key id, and a Datadog key up to three lines under a
// `datadog:` block, in text and in a diff on stdin, with the parts in
// random order. Every output of the run and of `mask` holds no 8-character
// window of either secret, and the composite finding names the id's line.
TEST(SecretLeakPropertyTest, NoOutputContainsACompositeOrContextSecret) {
  std::mt19937 rng(kSeed + 3);
  TempDir dir;
  const std::string kB64 = kAlnum + "+/";
  for (int n = 0; n < 30; ++n) {
    std::string aws_secret, key_id, dd;
    do aws_secret = Random(rng, kB64, 40); while (Entropy(aws_secret) < 4.3 || HasStopword(aws_secret));
    do key_id = "AKIA" + Random(rng, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16); while (HasStopword(key_id));
    do dd = Random(rng, "0123456789abcdef", 32); while (Entropy(dd) < 3.3);
    const int gap = 1 + n % 4;  // lines from the key id to the secret
    std::vector<std::string> lines = {"creds = (\"" + key_id + "\","};
    for (int k = 1; k < gap; ++k) lines.push_back("    " + RandomText(rng, 3) + ",");
    lines.push_back("    \"" + aws_secret + "\")");
    lines.push_back("datadog:");
    for (int k = 0; k < n % 3; ++k) lines.push_back("  site" + std::to_string(k) + ": eu");
    lines.push_back("  value: " + dd);
    std::string text = RandomText(rng, 4) + "\n";
    for (const auto& l : lines) text += l + "\n";
    const bool diff = n % 2 == 1;
    std::string input = text;
    if (diff) {
      input = "diff --git a/c.py b/c.py\n--- a/c.py\n+++ b/c.py\n@@ -0,0 +1," +
              std::to_string(lines.size() + 1) + " @@\n";
      size_t from = 0;
      for (size_t nl; (nl = text.find('\n', from)) != std::string::npos; from = nl + 1)
        input += "+" + text.substr(from, nl - from) + "\n";
    }
    const std::string tag = "composite case " + std::to_string(n) + (diff ? " (diff)" : " (text)");
    std::vector<std::string> args = {"--stdin", "--github"};
    for (const auto& f : kReportFormats) args.insert(args.end(), {"--report", f + "=out." + f});
    ProcessResult r = RunGate("secgate-secrets", dir, args, {.stdin_data = input, .timeout_seconds = 60});
    ASSERT_EQ(r.exit_code, 1) << tag << ": not detected\n" << r.err;
    std::map<std::string, std::string> outputs = {{"stdout", r.out}, {"stderr", r.err}};
    for (const auto& f : kReportFormats) outputs["report " + f] = testing::ReadFile(dir.path() + "/out." + f);
    ProcessResult m = RunGate("secgate-secrets", dir, {"mask"}, {.stdin_data = input, .timeout_seconds = 60});
    EXPECT_EQ(m.exit_code, 1) << tag << ": mask did not mask\n" << m.err;
    outputs["mask stdout"] = m.out;
    for (const auto& [name, out] : outputs) {
      ASSERT_EQ(Leak(out, aws_secret), "") << tag << ": " << name << " holds the AWS secret";
      ASSERT_EQ(Leak(out, dd), "") << tag << ": " << name << " holds the Datadog key";
      ASSERT_EQ(Leak(out, key_id.substr(4)), "") << tag << ": " << name << " holds the key id";
    }
    const std::string& json = outputs["report json"];
    const int id_line = 2;  // the input's first line is random text
    EXPECT_NE(json.find("(with access key id on line " + std::to_string(id_line) + ")"),
              std::string::npos) << tag << json;
    EXPECT_NE(json.find("\"aws-secret-access-key-with-key-id\""), std::string::npos) << tag;
    EXPECT_NE(json.find("\"datadog-api-key-nearby\""), std::string::npos) << tag << json;
  }
}

// A line longer than `mask` holds at once (1 MiB) with copies of a secret
// every 8 KiB and right across each MiB, where a read of 64 KiB chunks
// from a file cut it before windows overlapped.
TEST(SecretLeakPropertyTest, MaskNeverPrintsASecretCutByALongLine) {
  std::mt19937 rng(kSeed + 1);
  TempDir dir;
  for (int n = 0; n < 6; ++n) {
    Secret secret = MakeSecret(rng, Shapes()[n % Shapes().size()]);
    const std::string copy = " " + secret.value + " ";
    std::string line(5u << 19, '.');
    for (size_t at = 4096; at + copy.size() < line.size(); at += 8192)
      line.replace(at, copy.size(), copy);
    for (size_t mib : {1, 2}) line.replace((mib << 20) - copy.size() / 2, copy.size(), copy);
    const std::string input = line + "\n" + SecretLine(rng, secret.value) + "\n";
    ProcessResult m = RunGate("secgate-secrets", dir, {"mask"},
                              {.timeout_seconds = 120, .stdin_file = dir.Write("in.log", input)});
    const std::string tag = "long line " + std::to_string(n) + " (" + secret.rule + ")";
    EXPECT_EQ(m.exit_code, 1) << tag << ": mask did not mask\n" << m.err;
    ASSERT_EQ(Leak(m.out, secret.random_part), "") << tag << ": mask stdout holds the secret";
    ASSERT_EQ(Leak(m.err, secret.random_part), "") << tag << ": mask stderr holds the secret";
  }
}

// --stdin holds at most 16 MiB of one line: a secret right across that cut
// is still detected, and no output holds it.
TEST(SecretLeakPropertyTest, StdinDetectsASecretAcrossItsLongLineCut) {
  std::mt19937 rng(kSeed + 2);
  TempDir dir;
  Secret secret = MakeSecret(rng, Shapes()[0]);
  const size_t cut = size_t{17} << 20;  // 17 reads of 1 MiB
  std::string input(cut - secret.value.size() / 2, ' ');
  input += secret.value + " tail\n";
  ProcessResult r = RunGate("secgate-secrets", dir, {"--stdin", "--report", "json=out.json"},
                            {.timeout_seconds = 120, .stdin_file = dir.Write("in.txt", input)});
  ASSERT_EQ(r.exit_code, 1) << "not detected\n" << r.err;
  for (const std::string& text : {r.out, r.err, testing::ReadFile(dir.path() + "/out.json")})
    EXPECT_EQ(Leak(text, secret.random_part), "") << text;
}

}  // namespace
}  // namespace secgate::hostile
