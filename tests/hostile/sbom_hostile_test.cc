// Hostile SBOMs for secgate-sbom: component names, versions and purls are
// chosen by dependency authors. Path traversal and terminal escapes in them
// must come out as data (SARIF) or neutralised (terminal); deep nesting and
// oversized input must exit 2 in bounded time and memory.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "tests/hostile/hostile_util.h"

namespace secgate::hostile {
namespace {

using testing::ProcessResult;
using testing::TempDir;

std::string CycloneDx(const std::string& name, const std::string& version, const std::string& purl) {
  return R"({"bomFormat":"CycloneDX","specVersion":"1.5","version":1,)"
         R"("metadata":{"component":{"type":"application","name":"app"}},)"
         R"("components":[{"type":"library","name":)" + JsonString(name) +
         R"(,"version":)" + JsonString(version) + R"(,"purl":)" + JsonString(purl) +
         R"(,"licenses":[{"license":{"id":"GPL-3.0-only"}}]}]})";
}

const char* kDenyGpl = "sbom:\n  licenses:\n    deny: [GPL-3.0-only]\n";

TEST(SbomHostileTest, PathTraversalInComponentsIsDataInSarif) {
  TempDir dir;
  std::filesystem::create_directories(dir.path() + "/run");
  dir.Write("run/secgate.yaml", kDenyGpl);
  dir.Write("in/sbom.json", CycloneDx("../../../../tmp/secgate-sbom-traversal", "1.0",
                                      "pkg:npm/..%2F..%2F..%2Fetc%2Fpasswd@1.0"));
  ProcessResult r = RunGate("secgate-sbom", dir,
                            {"--report", "sarif=out.sarif", "../in/sbom.json"},
                            {.cwd = dir.path() + "/run", .timeout_seconds = 60});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(ListFiles(dir.path()),
            (std::vector<std::string>{"in/sbom.json", "run/out.sarif", "run/secgate.yaml"}));
  EXPECT_FALSE(std::filesystem::exists("/tmp/secgate-sbom-traversal"));
  auto sarif = nlohmann::json::parse(testing::ReadFile(dir.path() + "/run/out.sarif"));
  ASSERT_EQ(sarif["runs"][0]["results"].size(), 1u) << sarif.dump(1);
  const auto& result = sarif["runs"][0]["results"][0];
  EXPECT_NE(result["message"]["text"].get<std::string>().find("../../../../tmp/secgate-sbom-traversal"),
            std::string::npos)
      << result.dump(1);
  // The location is the SBOM named on the command line, as given.
  EXPECT_EQ(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "../in/sbom.json");
  EXPECT_LT(r.peak_rss_kb, kBoundedRssKb);
}

TEST(SbomHostileTest, AnsiEscapesInComponentsAreSanitisedInText) {
  TempDir dir;
  dir.Write("secgate.yaml", kDenyGpl);
  dir.Write("sbom.json", CycloneDx("evil\x1b[2J\x1b]0;pwned\x07", "1.0\r\x1b[8m", "pkg:npm/evil@1.0"));
  ProcessResult r = RunGate("secgate-sbom", dir, {"--verbose", "sbom.json"}, {.timeout_seconds = 60});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("evil"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find('\x07'), std::string::npos);
  EXPECT_EQ(r.out.find('\r'), std::string::npos);
  EXPECT_EQ(r.err.find('\x1b'), std::string::npos) << r.err;
}

TEST(SbomHostileTest, NewlinesInComponentsCannotStartAWorkflowCommand) {
  TempDir dir;
  dir.Write("secgate.yaml", kDenyGpl);
  dir.Write("sbom.json", CycloneDx("lib\n::error::pwned", "1.0\r\n::add-mask::x", "pkg:npm/lib@1.0"));
  ProcessResult r = RunGate("secgate-sbom", dir, {"--github", "sbom.json"}, {.timeout_seconds = 60});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.out.find("\n::error::pwned"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("\n::add-mask::"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find('\r'), std::string::npos);
}

TEST(SbomHostileTest, MillionDeepNestingExits2) {
  TempDir dir;
  std::string deep = R"({"bomFormat":"CycloneDX","specVersion":"1.5","components":[{"name":"x","x":)" +
                     Nested("[", "1", "]", 1000000) + "}]}";
  dir.Write("deep.json", deep);
  ProcessResult r = RunGate("secgate-sbom", dir, {"deep.json"}, {.timeout_seconds = 60});
  ASSERT_FALSE(r.timed_out);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("deep.json"), std::string::npos) << r.err;
  EXPECT_LT(r.seconds, 10);
  EXPECT_LT(r.peak_rss_kb, kBoundedRssKb);
}

TEST(SbomHostileTest, SparseGigabyteFileOverTheLimitExits2Quickly) {
  TempDir dir;
  // A CycloneDX opening and 256 KiB of white space (so format detection
  // sees a document, not binary data), then a hole of zero bytes to 1 GiB
  // that takes no disk space.
  std::string path = dir.Write(
      "sparse.json", R"({"bomFormat":"CycloneDX","specVersion":"1.5","version":1,"components":[)" +
                         std::string(256 << 10, ' '));
  ASSERT_EQ(truncate(path.c_str(), static_cast<off_t>(1) << 30), 0);
  ProcessResult r = RunGate("secgate-sbom", dir, {"--max-input-size", "65536", path},
                            {.timeout_seconds = 60});
  ASSERT_FALSE(r.timed_out);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("sparse.json"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("size limit"), std::string::npos) << r.err;
  EXPECT_LT(r.seconds, 10);
  EXPECT_LT(r.peak_rss_kb, kBoundedRssKb);
  // With the default 1 GiB limit the NUL bytes are malformed JSON: still 2.
  r = RunGate("secgate-sbom", dir, {path}, {.timeout_seconds = 60});
  ASSERT_FALSE(r.timed_out);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("sparse.json"), std::string::npos) << r.err;
  EXPECT_LT(r.seconds, 10);
  EXPECT_LT(r.peak_rss_kb, kBoundedRssKb);
}

TEST(SbomHostileTest, StreamOverMaxInputSizeExits2WithALimitMessage) {
  TempDir dir;
  std::string prefix = R"({"bomFormat":"CycloneDX","specVersion":"1.5","version":1,"components":[)"
                       R"({"type":"library","name":"a","version":"1"})";
  std::string filler = R"(,{"type":"library","name":"pkg","version":"1.0.0"})";
  ProcessResult r = RunGate("secgate-sbom", dir, {"--max-input-size", "1000000", "-"},
                            {.timeout_seconds = 60,
                             .stdin_generator = Streamed(prefix, filler, size_t{1} << 30, "]}")});
  ASSERT_FALSE(r.timed_out);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("size limit"), std::string::npos) << r.err;
  EXPECT_LT(r.seconds, 30);
  EXPECT_LT(r.peak_rss_kb, kBoundedRssKb);
}

}  // namespace
}  // namespace secgate::hostile
