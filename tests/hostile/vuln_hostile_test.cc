// Hostile inputs to secgate-vuln: a gigabyte streamed or sparse, a report
// over --max-input-size, a 10 MB single line, a million levels of nesting.
// Each asserts the exit code and bounded time and memory (docs/security.md
// "Budgets": time and memory linear in the input, no deep recursion).
#include <fcntl.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "tests/hostile/hostile_util.h"

namespace secgate::hostile {
namespace {

using testing::ProcessResult;
using testing::TempDir;

constexpr size_t kGiB = size_t{1} << 30;

TEST(VulnHostileTest, GigabyteStreamedReportIsReadToTheEndInBoundedMemory_NoAsan) {
  TempDir dir;
  ProcessResult r = RunGate("secgate-vuln", dir, {"--max-input-size", std::to_string(2 * kGiB), "-"},
                            {.timeout_seconds = 500, .stdin_generator = HugeTrivyReport(kGiB)});
  ASSERT_FALSE(r.timed_out) << "took " << r.seconds << " s";
  // The one CRITICAL finding sits after the gigabyte of packages: exit 1
  // proves the whole stream was parsed rather than given up on.
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("CVE-2024-0001"), std::string::npos) << r.out;
  EXPECT_LT(r.peak_rss_kb, kBoundedRssKb) << "peak RSS " << r.peak_rss_kb << " kB";
}

TEST(VulnHostileTest, StreamOverMaxInputSizeExits2WithALimitMessage) {
  TempDir dir;
  ProcessResult r = RunGate("secgate-vuln", dir, {"--max-input-size", "1000000", "-"},
                            {.timeout_seconds = 60, .stdin_generator = HugeTrivyReport(kGiB)});
  ASSERT_FALSE(r.timed_out);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("input is larger than the size limit (--max-input-size)"), std::string::npos)
      << r.err;
  EXPECT_LT(r.seconds, 30);
  EXPECT_LT(r.peak_rss_kb, kBoundedRssKb);
}

TEST(VulnHostileTest, SparseGigabyteFileOverTheLimitExits2Quickly) {
  TempDir dir;
  // A gigabyte file that takes no disk space: a report's first bytes, then a
  // hole (zero bytes) to 1 GiB. The gate must stop at the limit rather than
  // read it all, and never load it into memory.
  std::string path = dir.Write("sparse.json", R"({"SchemaVersion":2,"Results":[  )");
  ASSERT_EQ(truncate(path.c_str(), static_cast<off_t>(kGiB)), 0);
  ProcessResult r = RunGate("secgate-vuln", dir, {"--max-input-size", "65536", path},
                            {.timeout_seconds = 60});
  ASSERT_FALSE(r.timed_out);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("sparse.json"), std::string::npos) << r.err;
  EXPECT_LT(r.seconds, 10);
  EXPECT_LT(r.peak_rss_kb, kBoundedRssKb);
  // Without a small limit it is malformed JSON (a NUL byte), still exit 2.
  r = RunGate("secgate-vuln", dir, {path}, {.timeout_seconds = 60});
  ASSERT_FALSE(r.timed_out);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_LT(r.seconds, 10);
  EXPECT_LT(r.peak_rss_kb, kBoundedRssKb);
}

TEST(VulnHostileTest, TenMegabyteSingleLineTitleIsHandled) {
  TempDir dir;
  TrivyVuln v;
  v.title = std::string(10 << 20, 'A');
  std::string path = dir.Write("long.json", TrivyReport({v}));
  ProcessResult r = RunGate("secgate-vuln", dir, {path, "--report", "json=out.json"},
                            {.timeout_seconds = 120});
  ASSERT_FALSE(r.timed_out);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  // Human output is concise: the 10 MB title is not echoed in full.
  EXPECT_LT(r.out.size(), size_t{1} << 20);
  EXPECT_LT(r.peak_rss_kb, 4 * kBoundedRssKb);
}

TEST(VulnHostileTest, TenMegabyteStringInASkippedFieldIsStreamed) {
  TempDir dir;
  // One 10 MB line with a 10 MB string the gate does not need.
  std::string prefix = R"({"SchemaVersion":2,"ArtifactName":"x","Results":[{"Target":"t","Class":"os-pkgs","Type":"alpine","Junk":")";
  std::string suffix = R"(","Vulnerabilities":[]}]})";
  ProcessResult r = RunGate("secgate-vuln", dir, {"-"},
                            {.timeout_seconds = 60,
                             .stdin_generator = Streamed(prefix, "0123456789abcdef", 10 << 20, suffix)});
  ASSERT_FALSE(r.timed_out);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_LT(r.peak_rss_kb, kBoundedRssKb);
}

TEST(VulnHostileTest, MillionDeepJsonArrayNestingExits2) {
  TempDir dir;
  std::string path = dir.Write("deep.json", Nested("[", "1", "]", 1000000));
  ProcessResult r = RunGate("secgate-vuln", dir, {path}, {.timeout_seconds = 60});
  ASSERT_FALSE(r.timed_out);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("deep.json"), std::string::npos) << r.err;
  EXPECT_LT(r.seconds, 10);
  EXPECT_LT(r.peak_rss_kb, kBoundedRssKb);
}

TEST(VulnHostileTest, MillionDeepNestingInsideATrivyReportExits2WithTheLimit) {
  TempDir dir;
  // Detection sees a Trivy report; the nesting is inside a vulnerability.
  std::string deep = R"({"SchemaVersion":2,"ArtifactName":"x","Results":[{"Target":"t","Class":"os-pkgs","Type":"alpine","Vulnerabilities":[{"VulnerabilityID":"CVE-1","X":)" +
                     Nested(R"({"a":)", "1", "}", 1000000) + "}]}]}";
  std::string path = dir.Write("deep-trivy.json", deep);
  ProcessResult r = RunGate("secgate-vuln", dir, {"--input-format", "trivy", path},
                            {.timeout_seconds = 60});
  ASSERT_FALSE(r.timed_out);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("nesting deeper than 256"), std::string::npos) << r.err;
  EXPECT_LT(r.seconds, 10);
  EXPECT_LT(r.peak_rss_kb, kBoundedRssKb);
  // Same document, format detected from content.
  r = RunGate("secgate-vuln", dir, {path}, {.timeout_seconds = 60});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_LT(r.peak_rss_kb, kBoundedRssKb);
}

TEST(VulnHostileTest, MillionDeepNdjsonLineExits2) {
  TempDir dir;
  // yarn classic is NDJSON: each line is its own document.
  std::string text = R"({"type":"info","data":"x"})" "\n" + Nested("[", "", "]", 1000000) + "\n";
  std::string path = dir.Write("deep.jsonl", text);
  ProcessResult r = RunGate("secgate-vuln", dir, {"--input-format", "yarn-classic", path},
                            {.timeout_seconds = 60});
  ASSERT_FALSE(r.timed_out);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_LT(r.seconds, 10);
  EXPECT_LT(r.peak_rss_kb, kBoundedRssKb);
}

}  // namespace
}  // namespace secgate::hostile
