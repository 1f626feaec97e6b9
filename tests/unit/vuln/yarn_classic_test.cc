// Unit tests for the yarn classic NDJSON reader (yarn_classic.cc).
#include <gtest/gtest.h>

#include "tests/unit/vuln/reader_test_util.h"

namespace secgate::vuln {
namespace {

using testing::RunReader;

const char kAdvisory[] =
    R"({"id":1,"module_name":"qs","severity":"high","github_advisory_id":"GHSA-hrpp-h998-j3pp",)"
    R"("findings":[{"version":"6.10.2","paths":["a>qs","b>qs"]}]})";

std::string Line(const std::string& path, bool dev, const std::string& advisory = kAdvisory) {
  return R"({"type":"auditAdvisory","data":{"resolution":{"id":1,"path":")" + path +
         R"(","dev":)" + (dev ? "true" : "false") + R"(},"advisory":)" + advisory + "}}\n";
}

TEST(YarnClassicReader, RepeatedAdvisoryPerPathIsOneFinding) {
  auto r = RunReader(&ReadYarnClassic, Line("a>qs", true) + Line("b>qs", false) +
                                           R"({"type":"auditSummary","data":{}})" "\n");
  ASSERT_TRUE(r.status.ok()) << r.error;
  ASSERT_EQ(r.out.findings.size(), 1u);
  EXPECT_EQ(r.out.findings[0].id, "GHSA-hrpp-h998-j3pp");
  EXPECT_FALSE(r.out.findings[0].dev_only);  // one path is a production path
}

TEST(YarnClassicReader, DevOnlyWhenEveryResolutionIsDev) {
  auto r = RunReader(&ReadYarnClassic, Line("a>qs", true) + Line("b>qs", true));
  ASSERT_TRUE(r.status.ok()) << r.error;
  ASSERT_EQ(r.out.findings.size(), 1u);
  EXPECT_TRUE(r.out.findings[0].dev_only);
}

TEST(YarnClassicReader, Errors) {
  EXPECT_EQ(RunReader(&ReadYarnClassic, R"({"type":5,"data":{}})" "\n").error,
            "in.json:1:/type: expected string, got number");
  EXPECT_EQ(RunReader(&ReadYarnClassic, "\n" + Line("qs", false, R"({"id":1,"severity":"high"})")).error,
            "in.json:2:/data/advisory: missing module_name");
  EXPECT_EQ(RunReader(&ReadYarnClassic, Line("qs", false, R"({"id":1,"module_name":"qs","severity":"severe"})")).error,
            "in.json:1:/data/advisory/severity: unknown severity 'severe'");
  EXPECT_EQ(RunReader(&ReadYarnClassic, R"({"type":"error","data":"An unexpected error occurred"})").error,
            "in.json:1:/data: the audit failed: An unexpected error occurred");
  EXPECT_EQ(RunReader(&ReadYarnClassic, "").error, "in.json: file is empty");
}

}  // namespace
}  // namespace secgate::vuln
