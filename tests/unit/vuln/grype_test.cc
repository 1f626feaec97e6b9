// Unit tests for the Grype reader (gates/vuln/readers/grype.cc).
#include <gtest/gtest.h>

#include "tests/unit/vuln/reader_test_util.h"

namespace secgate::vuln {
namespace {

using testing::RunReader;
using testing::RunReaderOnFixture;

TEST(GrypeReader, ReadsMatchRelatedIdsAndArtifact) {
  auto r = RunReaderOnFixture(&ReadGrype, "vuln/synthetic/grype-qs.json");
  ASSERT_TRUE(r.status.ok()) << r.error;
  ASSERT_EQ(r.out.findings.size(), 1u);
  const core::Finding& f = r.out.findings[0];
  EXPECT_EQ(f.id, "GHSA-hrpp-h998-j3pp");
  EXPECT_EQ(f.aliases, std::vector<std::string>{"CVE-2022-24999"});
  EXPECT_EQ(f.severity, core::Severity::kHigh);
  EXPECT_EQ(f.severity_source, "ghsa");
  EXPECT_DOUBLE_EQ(f.score, 7.5);
  EXPECT_EQ(f.fixed_versions, std::vector<std::string>{"6.10.3"});
  EXPECT_EQ(f.package.purl, "pkg:npm/qs@6.10.2");
  EXPECT_EQ(f.location.path, "/package-lock.json");
  EXPECT_EQ(f.location.target, ".");
  // Its own rating, its CVSS, and the related NVD record's.
  ASSERT_GE(f.ratings.size(), 3u);
  EXPECT_EQ(f.ratings.back().source, "nvd");
}

TEST(GrypeReader, NegligibleIsLowAndIgnoredMatchesAreFlaggedNotDropped) {
  auto r = RunReader(&ReadGrype, R"({"matches":[{"vulnerability":{"id":"CVE-1","severity":"Negligible"},
    "artifact":{"name":"a","version":"1"}}],"ignoredMatches":[{"vulnerability":{"id":"CVE-2",
    "severity":"Critical"},"artifact":{"name":"b","version":"2"},"appliedIgnoreRules":[
    {"vulnerability":"CVE-2","reason":"not reachable","fix-state":"unknown"}]}],
    "descriptor":{"name":"grype"}})");
  ASSERT_TRUE(r.status.ok()) << r.error;
  ASSERT_EQ(r.out.findings.size(), 2u);
  EXPECT_EQ(r.out.findings[0].severity, core::Severity::kLow);
  EXPECT_TRUE(r.out.findings[0].upstream_ignore.empty());
  EXPECT_EQ(r.out.findings[1].id, "CVE-2");
  EXPECT_EQ(r.out.findings[1].severity, core::Severity::kCritical);
  EXPECT_EQ(r.out.findings[1].upstream_ignore,
            "grype ignore rule (vulnerability: CVE-2; reason: not reachable; fix-state: unknown)");
  EXPECT_TRUE(r.out.skipped.empty());
}

TEST(GrypeReader, IgnoredMatchesAreReadAsStrictlyAsMatches) {
  EXPECT_EQ(RunReader(&ReadGrype, R"({"matches":[],"ignoredMatches":[{"vulnerability":{"id":"CVE-2"},
    "artifact":{"name":"b"},"appliedIgnoreRules":{}}],"descriptor":{"name":"grype"}})").error,
            "in.json:/ignoredMatches/0/appliedIgnoreRules: expected array, got object");
  EXPECT_EQ(RunReader(&ReadGrype, R"({"matches":[],"ignoredMatches":[{"vulnerability":{"id":"CVE-2",
    "severity":"Severe"},"artifact":{"name":"b"}}],"descriptor":{"name":"grype"}})").error,
            "in.json:/ignoredMatches/0/vulnerability/severity: unknown severity 'Severe'");
}

TEST(GrypeReader, ManyVulnsFixtureCountsEveryMatch) {
  // jq '.matches | length' dd-many_vulns3.json -> 327
  auto r = RunReaderOnFixture(&ReadGrype, "vuln/grype/dd-many_vulns3.json");
  ASSERT_TRUE(r.status.ok()) << r.error;
  EXPECT_EQ(r.out.findings.size(), 327u);
}

TEST(GrypeReader, Errors) {
  EXPECT_EQ(RunReader(&ReadGrype, R"({"matches":[{"vulnerability":{"id":"CVE-1","severity":"Severe"},"artifact":{"name":"a"}}]})").error,
            "in.json:/matches/0/vulnerability/severity: unknown severity 'Severe'");
  EXPECT_EQ(RunReader(&ReadGrype, R"({"matches":[{"vulnerability":{"id":"CVE-1","severity":"High"}}]})").error,
            "in.json:/matches/0: missing artifact");
  EXPECT_EQ(RunReader(&ReadGrype, R"({"matches":[{"vulnerability":{"id":"CVE-1","severity":"High","fix":{"versions":"1"}},"artifact":{"name":"a"}}]})").error,
            "in.json:/matches/0/vulnerability/fix/versions: expected array, got string");
  EXPECT_EQ(RunReader(&ReadGrype, R"({"matches":{}})").error,
            "in.json:/matches: expected array, got object");
  EXPECT_EQ(RunReader(&ReadGrype, R"({"matches":[],"descriptor":{"name":"syft"}})").error,
            "in.json:/descriptor/name: not a Grype report: descriptor.name is \"syft\"");
  EXPECT_EQ(RunReader(&ReadGrype, R"({"source":{}})").error,
            "in.json: not a Grype report: expected an object with matches");
}

}  // namespace
}  // namespace secgate::vuln
