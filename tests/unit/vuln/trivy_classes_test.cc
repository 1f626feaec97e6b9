// Unit tests of the Trivy reader's secrets, licenses and misconfigurations
// (gates/vuln/readers/trivy_classes.cc, trivy.cc): what each record becomes,
// that a secret's Match and Code are never kept, and that malformed records
// are errors.
#include <gtest/gtest.h>

#include "gates/vuln/readers/reader.h"
#include "tests/unit/vuln/reader_test_util.h"

namespace secgate::vuln {
namespace {

using testing::RunReader;

// A schema 2 report with one result holding `members`.
std::string Report(const std::string& members) {
  return R"({"SchemaVersion":2,"ArtifactName":"img:1","Results":[{"Target":"app/.env",)"
         R"("Class":"secret",)" + members + "}]}";
}

std::string Secret(const std::string& members) {
  return Report(R"("Secrets":[{)" + members + "}]");
}

const char* kAws =
    R"("RuleID":"aws-access-key-id","Category":"AWS","Severity":"CRITICAL",)"
    R"("Title":"AWS Access Key ID","StartLine":3,"EndLine":3,)"
    R"("Code":{"Lines":[{"Number":2,"Content":"TOKEN=plain-neighbour-line-value"}]},)"
    R"("Match":"export AWS_ACCESS_KEY_ID=****")";

// Every string a finding holds, for leak checks.
std::string AllText(const core::Finding& f) {
  std::string s = f.id + f.title + f.message + f.url + f.fingerprint + f.location.path +
                  f.location.target + f.package.name + f.secret.prefix + f.input;
  for (const auto& a : f.aliases) s += a;
  return s;
}

TEST(TrivySecrets, BecomeSecretFindings) {
  auto r = RunReader(&ReadTrivy, Secret(kAws));
  ASSERT_TRUE(r.status.ok()) << r.error;
  ASSERT_EQ(r.out.findings.size(), 1u);
  const core::Finding& f = r.out.findings[0];
  EXPECT_EQ(f.gate, core::Gate::kSecrets);
  EXPECT_EQ(core::ClassOf(f), core::FindingClass::kSecret);
  EXPECT_EQ(f.id, "aws-access-key-id");
  EXPECT_EQ(f.severity, core::Severity::kCritical);
  EXPECT_EQ(f.location.path, "app/.env");
  EXPECT_EQ(f.location.target, "img:1");
  EXPECT_EQ(f.location.line, 3);
  EXPECT_EQ(f.title, "AWS Access Key ID");
  EXPECT_EQ(f.message, "category AWS");
  EXPECT_EQ(f.fingerprint.rfind("secret:aws-access-key-id:", 0), 0u) << f.fingerprint;
  EXPECT_EQ(f.fingerprint.size(), std::string("secret:aws-access-key-id:").size() + 16);
  EXPECT_FALSE(f.secret.present());
  EXPECT_TRUE(r.out.skipped.empty());
}

TEST(TrivySecrets, MatchAndCodeAreNeverKept) {
  auto r = RunReader(&ReadTrivy, Secret(kAws));
  ASSERT_TRUE(r.status.ok()) << r.error;
  std::string text = AllText(r.out.findings[0]);
  EXPECT_EQ(text.find("plain-neighbour-line-value"), std::string::npos);
  EXPECT_EQ(text.find("AWS_ACCESS_KEY_ID"), std::string::npos);
}

TEST(TrivySecrets, FingerprintDependsOnPlaceAndMatchNotLine) {
  auto fp = [](const std::string& members) {
    auto r = RunReader(&ReadTrivy, Secret(members));
    EXPECT_TRUE(r.status.ok()) << r.error;
    return r.out.findings.empty() ? "" : r.out.findings[0].fingerprint;
  };
  std::string base = fp(R"("RuleID":"r","Severity":"HIGH","StartLine":3,"Match":"k=***")");
  EXPECT_EQ(base, fp(R"("RuleID":"r","Severity":"HIGH","StartLine":9,"Match":"k=***")"));
  EXPECT_NE(base, fp(R"("RuleID":"r","Severity":"HIGH","StartLine":3,"Match":"j=***")"));
  EXPECT_NE(base, fp(R"("RuleID":"q","Severity":"HIGH","StartLine":3,"Match":"k=***")"));
}

TEST(TrivySecrets, UnknownSeverityIsKeptForUnknownAs) {
  auto r = RunReader(&ReadTrivy, Secret(R"("RuleID":"r","Severity":"UNKNOWN")"));
  ASSERT_TRUE(r.status.ok()) << r.error;
  EXPECT_EQ(r.out.findings[0].severity, core::Severity::kUnknown);
}

TEST(TrivySecrets, MalformedRecordsAreErrors) {
  struct Case {
    std::string report, error;
  };
  const std::vector<Case> cases = {
      {Report(R"("Secrets":{"RuleID":"r"})"), "in.json:/Results/0/Secrets: expected array, got object"},
      {Report(R"("Secrets":"r")"), "in.json:/Results/0/Secrets: expected array, got string"},
      {Secret(R"("Severity":"HIGH")"),
       "in.json:/Results/0/Secrets/0: missing RuleID (Trivy always writes one)"},
      {Secret(R"("RuleID":"","Severity":"HIGH")"),
       "in.json:/Results/0/Secrets/0: missing RuleID (Trivy always writes one)"},
      {Secret(R"("RuleID":"r")"),
       "in.json:/Results/0/Secrets/0: missing Severity (Trivy always writes one)"},
      {Secret(R"("RuleID":"r","Severity":"SEVERE")"),
       "in.json:/Results/0/Secrets/0/Severity: unknown severity 'SEVERE'"},
      {Secret(R"("RuleID":7,"Severity":"HIGH")"),
       "in.json:/Results/0/Secrets/0/RuleID: expected string, got number"},
      {Secret(R"("RuleID":"r","Severity":"HIGH","StartLine":"3")"),
       "in.json:/Results/0/Secrets/0/StartLine: expected integer, got string"},
      {Secret(R"("RuleID":"r","Severity":"HIGH","StartLine":-1)"),
       "in.json:/Results/0/Secrets/0/StartLine: line -1 is out of range"},
      {Secret(R"("RuleID":"r","Severity":"HIGH","StartLine":5,"EndLine":4)"),
       "in.json:/Results/0/Secrets/0/EndLine: EndLine 4 is before StartLine 5"},
      {Secret(R"("RuleID":"r","Severity":"HIGH","Match":["x"])"),
       "in.json:/Results/0/Secrets/0/Match: expected string, got array"},
      {Report(R"("Secrets":[7])"), "in.json:/Results/0/Secrets/0: expected object, got number"},
  };
  for (const auto& c : cases) {
    auto r = RunReader(&ReadTrivy, c.report);
    EXPECT_FALSE(r.status.ok()) << c.report;
    EXPECT_EQ(r.error, c.error) << c.report;
  }
}

TEST(TrivySecrets, ErrorsNeverQuoteCode) {
  // A record broken after its Code: the error names the record, not the value.
  auto r = RunReader(&ReadTrivy, Secret(std::string(kAws) + R"(,"Severity":"HIGH")"));
  ASSERT_FALSE(r.status.ok());
  EXPECT_EQ(r.error.find("plain-neighbour-line-value"), std::string::npos) << r.error;
}

TEST(TrivySecrets, CaseVariantKeysAreRefused) {
  auto r = RunReader(&ReadTrivy, Secret(R"("RuleID":"r","Severity":"HIGH","ruleid":"x")"));
  ASSERT_FALSE(r.status.ok());
  EXPECT_NE(r.error.find("differs from \"RuleID\" only in case"), std::string::npos) << r.error;
}

std::string License(const std::string& members) {
  return Report(R"("Licenses":[{)" + members + "}]");
}

TEST(TrivyLicenses, BecomeLicenseFindings) {
  auto r = RunReader(&ReadTrivy, License(R"("Severity":"HIGH","Category":"restricted",)"
                                         R"("PkgName":"busybox","FilePath":"","Name":"GPL-2.0",)"
                                         R"("Confidence":1,"Link":"")"));
  ASSERT_TRUE(r.status.ok()) << r.error;
  ASSERT_EQ(r.out.findings.size(), 1u);
  const core::Finding& f = r.out.findings[0];
  EXPECT_EQ(f.gate, core::Gate::kSbom);
  EXPECT_EQ(core::ClassOf(f), core::FindingClass::kLicense);
  EXPECT_EQ(f.id, "GPL-2.0");
  EXPECT_EQ(f.severity, core::Severity::kHigh);
  EXPECT_EQ(f.package.name, "busybox");
  EXPECT_EQ(f.location.target, "app/.env");
  EXPECT_EQ(f.message, "Trivy category restricted");
  EXPECT_EQ(f.fingerprint.rfind("sbom:", 0), 0u);
}

TEST(TrivyLicenses, TwoFilesUnderOneLicenseAreTwoFingerprints) {
  auto r = RunReader(&ReadTrivy,
                     Report(R"("Licenses":[{"Severity":"LOW","Name":"MIT","FilePath":"/a"},)"
                            R"({"Severity":"LOW","Name":"MIT","FilePath":"/b"}])"));
  ASSERT_TRUE(r.status.ok()) << r.error;
  ASSERT_EQ(r.out.findings.size(), 2u);
  EXPECT_NE(r.out.findings[0].fingerprint, r.out.findings[1].fingerprint);
}

TEST(TrivyLicenses, MalformedRecordsAreErrors) {
  struct Case {
    std::string report, error;
  };
  const std::vector<Case> cases = {
      {Report(R"("Licenses":{})"), "in.json:/Results/0/Licenses: expected array, got object"},
      {License(R"("Severity":"HIGH")"), "in.json:/Results/0/Licenses/0: missing Name (the license)"},
      {License(R"("Name":"MIT")"),
       "in.json:/Results/0/Licenses/0: missing Severity (Trivy always writes one)"},
      {License(R"("Name":"MIT","Severity":"BAD")"),
       "in.json:/Results/0/Licenses/0/Severity: unknown severity 'BAD'"},
      {License(R"("Name":"MIT","Severity":"LOW","Confidence":2)"),
       "in.json:/Results/0/Licenses/0/Confidence: confidence outside 0-1"},
      {License(R"("Name":"MIT","Severity":"LOW","PkgName":{})"),
       "in.json:/Results/0/Licenses/0/PkgName: expected string, got object"},
  };
  for (const auto& c : cases) {
    auto r = RunReader(&ReadTrivy, c.report);
    EXPECT_FALSE(r.status.ok()) << c.report;
    EXPECT_EQ(r.error, c.error) << c.report;
  }
}

TEST(TrivyMisconfigurations, FailuresAreCountedAndNamed) {
  auto r = RunReader(&ReadTrivy,
                     Report(R"("Misconfigurations":[{"ID":"DS002","Severity":"HIGH","Status":"FAIL"},)"
                            R"({"ID":"DS005","Severity":"LOW","Status":"PASS"},)"
                            R"({"ID":"DS026","Severity":"LOW","Status":"EXCEPTION"},)"
                            R"({"ID":"DS001","Severity":"MEDIUM","Status":"FAIL"}])"));
  ASSERT_TRUE(r.status.ok()) << r.error;
  EXPECT_TRUE(r.out.findings.empty());
  EXPECT_EQ(r.out.skipped.at("misconfigurations"), 2);
  // secgate-code reads the same records as code findings: FAIL gated,
  // EXCEPTION flagged as ignored upstream, PASS counted.
  ASSERT_EQ(r.out.code_findings.size(), 3u);
  EXPECT_EQ(r.out.code_findings[0].id, "DS002");
  EXPECT_EQ(r.out.code_findings[0].gate, core::Gate::kCode);
  EXPECT_EQ(r.out.code_findings[0].severity, core::Severity::kHigh);
  EXPECT_TRUE(r.out.code_findings[0].upstream_ignore.empty());
  EXPECT_EQ(r.out.code_findings[1].id, "DS026");
  EXPECT_NE(r.out.code_findings[1].upstream_ignore.find("EXCEPTION"), std::string::npos);
  EXPECT_EQ(r.out.passed_misconfigurations, 1);
  ASSERT_EQ(r.out.not_gated.size(), 1u);
  EXPECT_NE(r.out.not_gated[0].find("in.json: 2 misconfigurations not gated here: run secgate-code"),
            std::string::npos)
      << r.out.not_gated[0];
}

TEST(TrivyMisconfigurations, OnlyPassesSayNothing) {
  auto r = RunReader(&ReadTrivy,
                     Report(R"("Misconfigurations":[{"ID":"DS005","Severity":"LOW","Status":"PASS"}])"));
  ASSERT_TRUE(r.status.ok()) << r.error;
  EXPECT_TRUE(r.out.not_gated.empty());
  EXPECT_FALSE(r.out.skipped.count("misconfigurations"));
}

TEST(TrivyMisconfigurations, AnUnknownStatusOrAMissingIdIsAnError) {
  auto bad = RunReader(&ReadTrivy, Report(R"("Misconfigurations":[{"ID":"DS1","Severity":"LOW","Status":"MAYBE"}])"));
  EXPECT_FALSE(bad.status.ok());
  EXPECT_EQ(bad.error, "in.json:/Results/0/Misconfigurations/0/Status: unknown Status 'MAYBE' (expected FAIL, PASS or EXCEPTION)");
  auto no_id = RunReader(&ReadTrivy, Report(R"("Misconfigurations":[{"Severity":"LOW","Status":"FAIL"}])"));
  EXPECT_FALSE(no_id.status.ok());
  EXPECT_NE(no_id.error.find("missing ID"), std::string::npos) << no_id.error;
}

}  // namespace
}  // namespace secgate::vuln
