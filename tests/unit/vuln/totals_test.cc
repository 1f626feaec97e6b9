// Unit tests for the report-totals helpers (readers/totals.cc) and the
// readers' checks of a report's own totals against what they read.
#include <gtest/gtest.h>

#include "gates/vuln/readers/totals.h"
#include "tests/unit/vuln/reader_test_util.h"

namespace secgate::vuln {
namespace {

using nlohmann::json;
using testing::RunReader;

TEST(Totals, ReadTallyTakesNonNegativeIntegers) {
  auto t = ReadTally(json::parse(R"({"High":2,"low":0})"), "f:/m");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(FormatTally(*t), "high 2");
  EXPECT_EQ(ReadTally(json::parse(R"({"high":-1})"), "f:/m").error().ToString(),
            "f:/m/high: expected a non-negative integer, got number");
  EXPECT_EQ(ReadTally(json::parse(R"({"high":"1"})"), "f:/m").error().ToString(),
            "f:/m/high: expected a non-negative integer, got string");
  EXPECT_EQ(ReadTally(json::parse(R"({"high":1.5})"), "f:/m").error().ToString(),
            "f:/m/high: expected a non-negative integer, got number");
  EXPECT_EQ(ReadTally(json::parse(R"([1])"), "f:/m").error().ToString(),
            "f:/m: expected object, got array");
  EXPECT_EQ(ReadTally(json::parse(R"({"high":99999999999999999})"), "f:/m").error().ToString(),
            "f:/m/high: count 99999999999999999 is not plausible");
}

TEST(Totals, CompareTallyTreatsMissingKeysAsZero) {
  EXPECT_TRUE(CompareTally("f", "m", {{"high", 1}, {"low", 0}}, {{"high", 1}}, "u").ok());
  EXPECT_EQ(CompareTally("f", "m", {{"high", 1}}, {{"high", 1}, {"low", 2}}, "u")
                .error()
                .ToString(),
            "f: m says high 1 but the report lists high 1, low 2 (u)");
}

TEST(Totals, NpmAdvisoryPathsCountsEveryPath) {
  EXPECT_EQ(NpmAdvisoryPaths(json::parse(
                R"({"findings":[{"paths":["a>q","b>q"]},{"paths":["q"]},{"version":"1"}]})")),
            3);
  EXPECT_EQ(NpmAdvisoryPaths(json::parse(R"({"findings":null})")), 0);
}

TEST(Totals, Npm6PathsMustMatchMetadata) {
  const std::string adv =
      R"({"advisories":{"1":{"id":1,"module_name":"qs","severity":"high",)"
      R"("findings":[{"version":"6.1.0","paths":["a>qs","b>qs"]}]}},)";
  auto ok = RunReader(&ReadNpmAuditV1,
                      adv + R"("metadata":{"vulnerabilities":{"high":2,"critical":0}}})");
  ASSERT_TRUE(ok.status.ok()) << ok.error;
  ASSERT_EQ(ok.out.notes.size(), 1u);
  EXPECT_EQ(ok.out.notes[0],
            ok.out.findings[0].input +
                ": npm audit metadata counts 2 vulnerable dependency paths; read as 1 findings "
                "(one per advisory and installed version)");
  EXPECT_EQ(RunReader(&ReadNpmAuditV1, adv + R"("metadata":{"vulnerabilities":{"high":3}}})").error,
            "in.json: metadata.vulnerabilities says high 3 but the report lists high 2 "
            "(dependency paths of the advisories, by severity)");
  EXPECT_EQ(RunReader(&ReadNpmAuditV1, adv + R"("metadata":{"vulnerabilities":{"high":"2"}}})")
                .error,
            "in.json:/metadata/vulnerabilities/high: expected a non-negative integer, got string");
}

TEST(Totals, Npm7CarrierMissingNextToOwnAdvisoryIsNoted) {
  auto r = RunReader(&ReadNpmAuditV2,
                     R"({"auditReportVersion":2,"vulnerabilities":{"debug":{"name":"debug",)"
                     R"("severity":"low","via":[{"source":1,"name":"debug","severity":"low"},)"
                     R"("ms"]}}})");
  ASSERT_TRUE(r.status.ok()) << r.error;
  ASSERT_EQ(r.out.notes.size(), 1u);
  EXPECT_NE(r.out.notes[0].find("via[] of debug names ms, which the report does not list"),
            std::string::npos);
}

TEST(Totals, YarnClassicSecondSummaryIsAnError) {
  const std::string summary = R"({"type":"auditSummary","data":{}})" "\n";
  EXPECT_EQ(RunReader(&ReadYarnClassic, summary + summary).error,
            "in.json:2: second auditSummary line (the first is in.json:1)");
}

TEST(Totals, PipAuditWithSomeAuditedDependenciesPasses) {
  auto r = RunReader(&ReadPipAudit, R"({"dependencies":[{"name":"a","skip_reason":"x"},)"
                                    R"({"name":"b","version":"1","vulns":[]}],"fixes":[]})");
  EXPECT_TRUE(r.status.ok()) << r.error;
  EXPECT_TRUE(RunReader(&ReadPipAudit, R"({"dependencies":[],"fixes":[]})").status.ok());
}

TEST(Totals, OsvPackageWithoutNameOrCommitIsRefused) {
  EXPECT_EQ(RunReader(&ReadOsvScanner, R"({"results":[{"source":{"path":"x"},"packages":[)"
                                       R"({"package":{"name":"","version":"","ecosystem":""}}]}]})")
                .error,
            "in.json:/results/0/packages/0/package: missing name");
}

}  // namespace
}  // namespace secgate::vuln
