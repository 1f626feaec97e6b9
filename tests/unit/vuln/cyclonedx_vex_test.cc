// Unit tests for the CycloneDX VDR/VEX reader (cyclonedx_vex.cc).
#include <gtest/gtest.h>

#include "tests/unit/vuln/reader_test_util.h"

namespace secgate::vuln {
namespace {

using testing::RunReader;
using testing::RunReaderOnFixture;

std::string Bom(const std::string& vuln) {
  return R"({"bomFormat":"CycloneDX","specVersion":"1.6","version":1,"vulnerabilities":[)" + vuln +
         R"(],"components":[{"type":"library","bom-ref":"c1","name":"qs","version":"6.10.2","purl":"pkg:npm/qs@6.10.2"}]})";
}

TEST(CycloneDxReader, RatingsAffectsAndVex) {
  auto r = RunReader(&ReadCycloneDx, Bom(R"({"id":"CVE-2022-24999","source":{"name":"GHSA"},
    "references":[{"id":"GHSA-hrpp-h998-j3pp"}],
    "ratings":[{"source":{"name":"NVD"},"severity":"critical","score":9.8,"method":"CVSSv31"},
               {"source":{"name":"GHSA"},"severity":"high","score":7.5,"method":"CVSSv31"}],
    "affects":[{"ref":"urn:cdx:1234/1#c1"}],
    "analysis":{"state":"not_affected","justification":"code_not_reachable"}})"));
  ASSERT_TRUE(r.status.ok()) << r.error;
  ASSERT_EQ(r.out.findings.size(), 1u);
  const core::Finding& f = r.out.findings[0];
  EXPECT_EQ(f.severity, core::Severity::kHigh);  // the vulnerability's own source
  EXPECT_EQ(f.severity_source, "ghsa");
  ASSERT_EQ(f.ratings.size(), 2u);
  EXPECT_EQ(f.ratings[0].source, "nvd");
  EXPECT_EQ(f.ratings[0].severity, core::Severity::kCritical);
  EXPECT_EQ(f.package.purl, "pkg:npm/qs@6.10.2");  // resolved after the vulnerabilities
  EXPECT_EQ(f.aliases, std::vector<std::string>{"GHSA-hrpp-h998-j3pp"});
  EXPECT_EQ(f.vex_state, "not_affected");
  EXPECT_EQ(f.vex_justification, "code_not_reachable");
}

TEST(CycloneDxReader, SbomWithoutVulnerabilitiesIsClean) {
  auto r = RunReaderOnFixture(&ReadCycloneDx, "vuln/cyclonedx/bomex-laravel-7.12.0-bom.1.4.json");
  ASSERT_TRUE(r.status.ok()) << r.error;
  EXPECT_EQ(r.out.findings.size(), 0u);
  EXPECT_EQ(r.out.notes.size(), 1u);
}

TEST(CycloneDxReader, RefToMetadataComponent) {
  // affects[].ref "product-DEF" is metadata.component's bom-ref (name DEF 1.0).
  auto r = RunReaderOnFixture(&ReadCycloneDx, "vuln/cyclonedx/bomex-cisa-case1-vex-affected.json");
  ASSERT_TRUE(r.status.ok()) << r.error;
  ASSERT_EQ(r.out.findings.size(), 1u);
  EXPECT_EQ(r.out.findings[0].package.name, "DEF");
  EXPECT_EQ(r.out.findings[0].package.version, "1.0");
  EXPECT_EQ(r.out.findings[0].severity, core::Severity::kUnknown);
}

TEST(CycloneDxReader, DanglingRefKeptAsName) {
  auto r = RunReader(&ReadCycloneDx, Bom(R"({"id":"CVE-1","affects":[{"ref":"nowhere"},{"ref":"pkg:npm/x@2"}]})"));
  ASSERT_TRUE(r.status.ok()) << r.error;
  ASSERT_EQ(r.out.findings.size(), 2u);
  EXPECT_EQ(r.out.findings[0].package.name, "nowhere");
  EXPECT_EQ(r.out.findings[1].package.name, "x");
  EXPECT_EQ(r.out.findings[1].package.version, "2");
}

TEST(CycloneDxReader, Errors) {
  EXPECT_EQ(RunReader(&ReadCycloneDx, Bom(R"({"id":"CVE-1","ratings":{}})")).error,
            "in.json:/vulnerabilities/0/ratings: expected array, got object");
  EXPECT_EQ(RunReader(&ReadCycloneDx, Bom(R"({"ratings":[]})")).error,
            "in.json:/vulnerabilities/0: missing id");
  EXPECT_EQ(RunReader(&ReadCycloneDx, Bom(R"({"id":"CVE-1","ratings":[{"severity":"severe"}]})")).error,
            "in.json:/vulnerabilities/0/ratings/0/severity: unknown severity 'severe'");
  EXPECT_EQ(RunReader(&ReadCycloneDx, R"({"bomFormat":"CycloneDX","specVersion":"2.0"})").error,
            "in.json:/specVersion: unsupported CycloneDX specVersion \"2.0\" (expected 1.2-1.7)");
}

}  // namespace
}  // namespace secgate::vuln
