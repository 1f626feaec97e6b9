// Hostile policy and waiver files: a million levels of YAML nesting (flow and
// block style) and anchor/alias "billion laughs" bombs. yaml-cpp's parser
// recurses, so core::LoadYaml must refuse deep documents before it parses;
// aliases must never be expanded into exponential copies. Each case asserts
// exit 2 and bounded time and memory.
#include <gtest/gtest.h>
#include <unistd.h>

#include "tests/hostile/hostile_util.h"

namespace secgate::hostile {
namespace {

using testing::Fixture;
using testing::ProcessResult;
using testing::TempDir;

const std::string kReport = Fixture("vuln/trivy/alpine-39.json");

// Ten levels of ten-fold aliases: 10^10 "lol"s if anything expanded them.
std::string BillionLaughs(const std::string& indent) {
  std::string out = indent + "l0: &l0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", "
                             "\"lol\", \"lol\", \"lol\", \"lol\"]\n";
  for (int i = 1; i <= 10; ++i) {
    std::string prev = "*l" + std::to_string(i - 1);
    out += indent + "l" + std::to_string(i) + ": &l" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) out += (k ? ", " : "") + prev;
    out += "]\n";
  }
  return out;
}

void ExpectRefusedQuickly(const ProcessResult& r, const std::string& needle) {
  ASSERT_FALSE(r.timed_out) << "took " << r.seconds << " s";
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find(needle), std::string::npos) << r.err;
  EXPECT_LT(r.seconds, 10);
  EXPECT_LT(r.peak_rss_kb, kBoundedRssKb) << "peak RSS " << r.peak_rss_kb << " kB";
}

ProcessResult Vuln(const TempDir& dir, const std::vector<std::string>& args) {
  std::vector<std::string> a = args;
  a.push_back(kReport);
  return RunGate("secgate-vuln", dir, a, {.timeout_seconds = 60});
}

TEST(ConfigHostileTest, MillionDeepFlowNestingInPolicyExits2) {
  TempDir dir;
  dir.Write("deep.yaml", "vuln:\n  fail_on: " + Nested("[", "high", "]", 1000000) + "\n");
  ExpectRefusedQuickly(Vuln(dir, {"--policy", "deep.yaml"}), "nesting deeper than 64 levels");
}

TEST(ConfigHostileTest, MillionDeepBlockSequenceInPolicyExits2) {
  TempDir dir;
  // "- - - - ... x": block sequences nested on one line.
  dir.Write("deep.yaml", "vuln:\n  fail_on: high\nsbom:\n  banned:\n    " +
                             Nested("- ", "x", "", 1000000) + "\n");
  ExpectRefusedQuickly(Vuln(dir, {"--policy", "deep.yaml"}), "nesting deeper than 64 levels");
}

TEST(ConfigHostileTest, DeepIndentedMappingsInPolicyExit2) {
  TempDir dir;
  // Block mappings by indentation: 2 spaces per level up to what fits in the
  // 4 MiB size cap (about 2,000 levels).
  std::string text;
  for (int i = 0; i < 2000; ++i) text += std::string(2 * i, ' ') + "a:\n";
  dir.Write("deep.yaml", text);
  ExpectRefusedQuickly(Vuln(dir, {"--policy", "deep.yaml"}), "deep.yaml");
}

TEST(ConfigHostileTest, OversizedPolicyExits2) {
  TempDir dir;
  dir.Write("big.yaml", "vuln:\n  fail_on: high\n#" + std::string(5 << 20, 'x') + "\n");
  ExpectRefusedQuickly(Vuln(dir, {"--policy", "big.yaml"}), "file is larger than");
}

// A gigabyte that takes no disk space: real first bytes, then a hole to
// 1 GiB. Every small-file reader (policy, waivers, import sources, waiver
// report results) must stop at its cap without reading the rest.
std::string SparseGigabyte(const TempDir& dir, const std::string& name, const std::string& head) {
  std::string path = dir.Write(name, head);
  EXPECT_EQ(truncate(path.c_str(), static_cast<off_t>(1) << 30), 0);
  return path;
}

TEST(ConfigHostileTest, SparseGigabytePolicyAndWaiverFilesExit2Quickly) {
  TempDir dir;
  SparseGigabyte(dir, "policy.yaml", "vuln:\n  fail_on: high\n");
  ExpectRefusedQuickly(Vuln(dir, {"--policy", "policy.yaml"}), "file is larger than");
  SparseGigabyte(dir, "w.yaml", "version: 1\nwaivers: []\n");
  ExpectRefusedQuickly(Vuln(dir, {"--waivers", "w.yaml"}), "file is larger than");
  ExpectRefusedQuickly(RunGate("secgate-waivers", dir, {"lint", "w.yaml"}, {.timeout_seconds = 60}),
                       "file is larger than");
}

TEST(ConfigHostileTest, SparseGigabyteImportAndResultsFilesExit2Quickly) {
  TempDir dir;
  SparseGigabyte(dir, ".trivyignore", "CVE-2024-0001\n");
  ExpectRefusedQuickly(
      RunGate("secgate-waivers", dir, {"import", ".trivyignore"}, {.timeout_seconds = 60}),
      "file is larger than");
  dir.Write("w.yaml", "version: 1\nwaivers: []\n");
  SparseGigabyte(dir, "results.json", "{\"tool\":\"secgate-vuln\",");
  ExpectRefusedQuickly(RunGate("secgate-waivers", dir,
                               {"report", "--waivers", "w.yaml", "--results", "results.json"},
                               {.timeout_seconds = 60}),
                       "results.json");
}

TEST(ConfigHostileTest, MillionDeepNestingInWaiversExits2) {
  TempDir dir;
  dir.Write("w.yaml", "version: 1\nwaivers: " + Nested("[", "", "]", 1000000) + "\n");
  ExpectRefusedQuickly(Vuln(dir, {"--waivers", "w.yaml"}), "nesting deeper than 64 levels");
  dir.Write("w2.yaml", "version: 1\nwaivers: " + Nested("{a: ", "b", "}", 300000) + "\n");
  ExpectRefusedQuickly(Vuln(dir, {"--waivers", "w2.yaml"}), "nesting deeper than 64 levels");
}

TEST(ConfigHostileTest, BillionLaughsInPolicyExits2Fast) {
  TempDir dir;
  // The bomb under a real section key, where a list of strings is expected.
  dir.Write("bomb.yaml", "x-anchors:\n" + BillionLaughs("  ") +
                             "vuln:\n  fail_on: high\nsbom:\n  licenses:\n    allow: *l10\n");
  ExpectRefusedQuickly(Vuln(dir, {"--policy", "bomb.yaml"}), "bomb.yaml");
  // Anchors defined first, then the bomb referenced where a list is valid.
  dir.Write("bomb2.yaml", "sbom:\n  licenses:\n    allow: [MIT]\n    deny: &l0 [a, b]\n" +
                              std::string("secrets:\n  allow_paths: [*l0, *l0, *l0, *l0]\n"));
  ProcessResult r = Vuln(dir, {"--policy", "bomb2.yaml"});
  ASSERT_FALSE(r.timed_out);
  EXPECT_EQ(r.exit_code, 2) << r.err;  // a list of lists is not a list of strings
  EXPECT_LT(r.seconds, 10);
  EXPECT_LT(r.peak_rss_kb, kBoundedRssKb);
}

TEST(ConfigHostileTest, BillionLaughsInWaiversExits2Fast) {
  TempDir dir;
  std::string bomb = BillionLaughs("");
  dir.Write("w.yaml", bomb + "version: 1\nwaivers: *l10\n");
  ExpectRefusedQuickly(Vuln(dir, {"--waivers", "w.yaml"}), "w.yaml");
  // The bomb inside an otherwise valid waiver entry.
  dir.Write("w2.yaml", "version: 1\nx: &l0 [lol, lol]\nwaivers:\n"
                       "  - id: CVE-2019-14697\n    gate: vuln\n    reason: [*l0, *l0, *l0]\n"
                       "    owner: a@example.com\n    created: 2026-11-01\n    expires: 2026-12-01\n");
  ProcessResult r = Vuln(dir, {"--waivers", "w2.yaml"});
  ASSERT_FALSE(r.timed_out);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_LT(r.seconds, 10);
  EXPECT_LT(r.peak_rss_kb, kBoundedRssKb);
}

}  // namespace
}  // namespace secgate::hostile
