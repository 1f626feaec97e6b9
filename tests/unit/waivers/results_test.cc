// Tests for gates/waivers_tool/results.h: what a finding of a JSON verdict
// becomes, and the exact error for each field of the wrong type (the first
// one in reading order wins).
#include "gates/waivers_tool/results.h"

#include <gtest/gtest.h>

namespace secgate::waivers {
namespace {

// A verdict whose findings[] is `findings`.
std::string Verdict(const std::string& findings) {
  return R"({"schema": "secgate.verdict/v1", "tool": {"name": "secgate-vuln"},
             "verdict": "fail", "findings": [)" + findings + "]}";
}

core::Result<ResultFile> Read(const std::string& text) {
  auto in = core::InputFile::FromMemory(text, "v.json");
  return ReadResultFile(*in);
}

std::string ErrorOf(const std::string& finding) {
  auto r = Read(Verdict(finding));
  return r ? "no error" : r.error().ToString();
}

TEST(ResultFile, ReadsEveryField) {
  auto r = Read(Verdict(R"({"id": "CVE-1", "aliases": ["GHSA-x"], "related": ["R"],
      "sources": ["trivy"], "fingerprint": "fp", "title": "t", "disposition": "waived",
      "severity": "HIGH", "counted_as": "critical",
      "waiver": {"id": "CVE-1", "owner": "o", "ticket": "T-1", "expires": "2027-01-01"},
      "expired_waiver": null,
      "package": {"name": "n", "version": "1", "ecosystem": "npm", "purl": "pkg:npm/n@1"},
      "location": {"target": "img", "path": "p", "commit": "c", "line": 7}})"));
  ASSERT_TRUE(r) << r.error().ToString();
  ASSERT_EQ(r->findings.size(), 1u);
  const ResultFinding& rf = r->findings[0];
  EXPECT_EQ(rf.finding.id, "CVE-1");
  EXPECT_EQ(rf.finding.aliases, std::vector<std::string>{"GHSA-x"});
  EXPECT_EQ(rf.finding.related, std::vector<std::string>{"R"});
  EXPECT_EQ(rf.finding.sources, std::vector<std::string>{"trivy"});
  EXPECT_EQ(rf.finding.fingerprint, "fp");
  EXPECT_EQ(rf.finding.title, "t");
  EXPECT_EQ(rf.finding.severity, core::Severity::kHigh);
  EXPECT_EQ(rf.finding.input, "v.json");
  EXPECT_EQ(rf.finding.gate, core::Gate::kVuln);
  EXPECT_EQ(rf.disposition, "waived");
  EXPECT_EQ(rf.effective_severity, "critical");
  EXPECT_EQ(rf.waiver.owner, "o");
  EXPECT_EQ(rf.waiver.ticket, "T-1");
  EXPECT_EQ(rf.waiver.expires, "2027-01-01");
  EXPECT_FALSE(rf.expired_waiver.present());
  EXPECT_EQ(rf.finding.package.purl, "pkg:npm/n@1");
  EXPECT_EQ(rf.finding.package.ecosystem, "npm");
  EXPECT_EQ(rf.finding.location.target, "img");
  EXPECT_EQ(rf.finding.location.commit, "c");
  EXPECT_EQ(rf.finding.location.line, 7);
}

TEST(ResultFile, OptionalPartsMayBeAbsentOrNull) {
  auto r = Read(Verdict(R"({"id": "X", "severity": "nonsense", "package": null,
                            "location": {"line": "7"}})"));
  ASSERT_TRUE(r) << r.error().ToString();
  const ResultFinding& rf = r->findings[0];
  EXPECT_EQ(rf.finding.severity, core::Severity::kUnknown);  // an unknown word is left out
  EXPECT_EQ(rf.effective_severity, "nonsense");
  EXPECT_EQ(rf.finding.location.line, 0);  // a line that is not an integer is left out
  EXPECT_TRUE(rf.finding.package.name.empty());
}

TEST(ResultFile, FieldErrorsNameThePointer) {
  const std::pair<const char*, const char*> cases[] = {
      {R"("x")", "v.json:/findings/0: expected object, got string"},
      {R"({"id": 5})", "v.json:/findings/0/id: expected string, got number"},
      {R"({"title": "t"})", "v.json:/findings/0/id: missing finding id"},
      {R"({"id": ""})", "v.json:/findings/0/id: missing finding id"},
      {R"({"id": "X", "aliases": ["a", 1]})", "v.json:/findings/0/aliases/1: expected string, got number"},
      {R"({"id": "X", "sources": "trivy"})", "v.json:/findings/0/sources: expected array, got string"},
      {R"({"id": "X", "disposition": "maybe"})",
       "v.json:/findings/0/disposition: unknown disposition 'maybe' (expected violation, waived, "
       "below_threshold or ignored)"},
      {R"({"id": "X", "waiver": []})", "v.json:/findings/0/waiver: expected object, got array"},
      {R"({"id": "X", "expired_waiver": {"owner": true}})",
       "v.json:/findings/0/expired_waiver/owner: expected string, got boolean"},
      {R"({"id": "X", "counted_as": 1})", "v.json:/findings/0/counted_as: expected string, got number"},
      {R"({"id": "X", "package": "p"})", "v.json:/findings/0/package: expected object, got string"},
      {R"({"id": "X", "package": {"purl": {}}})",
       "v.json:/findings/0/package/purl: expected string, got object"},
      {R"({"id": "X", "location": 3})", "v.json:/findings/0/location: expected object, got number"},
      {R"({"id": "X", "location": {"commit": []}})",
       "v.json:/findings/0/location/commit: expected string, got array"},
      // Several bad fields: the first in reading order is reported.
      {R"({"id": "X", "location": 3, "package": 2, "severity": 1, "waiver": 0, "title": null,
           "fingerprint": []})",
       "v.json:/findings/0/fingerprint: expected string, got array"},
      {R"({"id": "X", "location": 3, "package": 2, "severity": 1, "waiver": 0})",
       "v.json:/findings/0/waiver: expected object, got number"},
      {R"({"id": "X", "location": 3, "package": 2, "severity": 1})",
       "v.json:/findings/0/severity: expected string, got number"},
      {R"({"id": "X", "location": 3, "package": 2})",
       "v.json:/findings/0/package: expected object, got number"},
  };
  for (const auto& [finding, message] : cases) EXPECT_EQ(ErrorOf(finding), message) << finding;
}

TEST(ResultFile, HeadErrorsComeBeforeFindingErrors) {
  auto r = Read(R"({"schema": "secgate.verdict/v1", "gate": "nope", "findings": [{"id": 1}]})");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().ToString(),
            "v.json:/gate: unknown gate 'nope' (expected vuln, secrets, sbom or code)");
  auto array = Read("[]");
  ASSERT_FALSE(array);
  EXPECT_EQ(array.error().ToString(), "v.json: expected a secgate.verdict/v1 JSON object");
}

}  // namespace
}  // namespace secgate::waivers
