// Unit tests for the yarn 4 NDJSON reader (yarn4.cc).
#include <gtest/gtest.h>

#include "tests/unit/vuln/reader_test_util.h"

namespace secgate::vuln {
namespace {

using testing::RunReader;

const char kLine[] =
    R"({"value":"qs","children":{"ID":1096475,"Issue":"qs vulnerable","URL":"https://github.com/advisories/GHSA-hrpp-h998-j3pp",)"
    R"("Severity":"high","Vulnerable Versions":"<6.10.3","Tree Versions":["6.10.2","6.9.0"],"Dependents":["web@workspace:."]}})";

TEST(Yarn4Reader, OneFindingPerTreeVersion) {
  auto r = RunReader(&ReadYarn4, std::string(kLine) + "\n");
  ASSERT_TRUE(r.status.ok()) << r.error;
  ASSERT_EQ(r.out.findings.size(), 2u);
  EXPECT_EQ(r.out.findings[0].id, "GHSA-hrpp-h998-j3pp");
  EXPECT_EQ(r.out.findings[0].aliases, std::vector<std::string>{"NPM-1096475"});
  EXPECT_EQ(r.out.findings[1].package.version, "6.9.0");
}

TEST(Yarn4Reader, DeprecationsWithoutUrlAreNotVulnerabilities) {
  auto r = RunReader(&ReadYarn4, R"j({"value":"old","children":{"ID":"old (deprecation)","Issue":"deprecated","Severity":"moderate"}})j");
  ASSERT_TRUE(r.status.ok()) << r.error;
  EXPECT_EQ(r.out.findings.size(), 0u);
  EXPECT_EQ(r.out.skipped["deprecations"], 1);
}

TEST(Yarn4Reader, EmptyIsClean) {
  auto r = RunReader(&ReadYarn4, "");
  EXPECT_TRUE(r.status.ok());
  EXPECT_TRUE(FindFormat("yarn4")->empty_is_clean);
}

TEST(Yarn4Reader, Errors) {
  const std::string head = R"({"value":"qs","children":{"URL":"https://github.com/advisories/GHSA-hrpp-h998-j3pp",)";
  EXPECT_EQ(RunReader(&ReadYarn4, head + R"("Severity":"high","Tree Versions":"6.10.2"}})").error,
            "in.json:1:/children/Tree Versions: expected array, got string");
  EXPECT_EQ(RunReader(&ReadYarn4, head + R"("Tree Versions":["1"]}})").error,
            "in.json:1:/children: missing Severity");
  EXPECT_EQ(RunReader(&ReadYarn4, head + R"("Severity":"severe"}})").error,
            "in.json:1:/children/Severity: unknown severity 'severe'");
  EXPECT_EQ(RunReader(&ReadYarn4, R"({"value":"qs"})").error, "in.json:1:/children: missing children");
}

}  // namespace
}  // namespace secgate::vuln
