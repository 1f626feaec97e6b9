// Evaluate over findings of several classes (a Trivy report's secrets and
// licenses read by secgate-vuln): per-class thresholds, other gates'
// waivers, ignore reasons, limits and the class grouping reporters use.
#include <gtest/gtest.h>

#include "gates/core/verdict.h"

namespace secgate::core {
namespace {

const Date kToday = *ParseDate("2026-11-21");

Finding Vuln(const std::string& id, Severity s) {
  Finding f;
  f.id = id;
  f.severity = s;
  f.package = {"lodash", "1.0.0", "npm", "pkg:npm/lodash@1.0.0"};
  return f;
}

Finding TrivySecret(const std::string& rule, Severity s, const std::string& path) {
  Finding f;
  f.gate = Gate::kSecrets;
  f.cls = FindingClass::kSecret;
  f.id = rule;
  f.severity = s;
  f.location.path = path;
  f.fingerprint = "secret:" + rule + ":0123456789abcdef";
  return f;
}

Finding TrivyLicense(const std::string& name, Severity s) {
  Finding f;
  f.gate = Gate::kSbom;
  f.cls = FindingClass::kLicense;
  f.id = name;
  f.severity = s;
  return f;
}

Waiver MakeWaiver(Gate gate, const std::string& id, const std::string& path = "") {
  Waiver w;
  w.id = id;
  w.gate = gate;
  w.path = path;
  w.owner = "jane@example.com";
  w.reason = "test key";
  w.created = *ParseDate("2026-11-01");
  w.expires = *ParseDate("2027-01-01");
  return w;
}

Verdict EvaluateVuln(std::vector<Finding> f, const Policy& p, const std::vector<Waiver>& ws = {}) {
  WaiverFile file;
  file.waivers = ws;
  return Evaluate(std::move(f), EvaluateOptions::ForVuln(p), file, kToday);
}

TEST(VerdictClasses, SecretsFollowSecretsFailOn) {
  Policy p = DefaultPolicy();  // vuln.fail_on high, secrets.fail_on low
  Verdict v = EvaluateVuln({Vuln("CVE-1", Severity::kMedium), TrivySecret("r", Severity::kMedium, "a")}, p);
  EXPECT_EQ(v.exit_code, ExitCode::kFail);
  EXPECT_EQ(v.summary.violations, 1);
  EXPECT_EQ(v.findings[0].finding.id, "r");
  ASSERT_TRUE(v.findings[0].fail_on.has_value());
  EXPECT_EQ(*v.findings[0].fail_on, Severity::kLow);
  EXPECT_FALSE(v.findings[1].fail_on.has_value());
  p.secrets.fail_on = Severity::kCritical;
  EXPECT_EQ(EvaluateVuln({TrivySecret("r", Severity::kHigh, "a")}, p).exit_code, ExitCode::kPass);
}

TEST(VerdictClasses, LicensesFollowVulnFailOn) {
  Policy p = DefaultPolicy();
  Verdict v = EvaluateVuln({TrivyLicense("GPL-2.0", Severity::kHigh), TrivyLicense("MIT", Severity::kLow)}, p);
  EXPECT_EQ(v.summary.violations, 1);
  EXPECT_EQ(v.summary.below_threshold, 1);
}

TEST(VerdictClasses, UnknownSecretSeverityCountsAsUnknownAs) {
  Policy p = DefaultPolicy();
  Verdict v = EvaluateVuln({TrivySecret("r", Severity::kUnknown, "a")}, p);
  EXPECT_EQ(v.findings[0].disposition, Disposition::kViolation);
  EXPECT_EQ(v.findings[0].effective_severity, Severity::kHigh);
  p.vuln.unknown_as = std::nullopt;
  Verdict ignored = EvaluateVuln({TrivySecret("r", Severity::kUnknown, "a")}, p);
  EXPECT_EQ(ignored.findings[0].disposition, Disposition::kIgnored);
  EXPECT_EQ(ignored.exit_code, ExitCode::kPass);
}

TEST(VerdictClasses, SecretsWaiversApplyAndUnmatchedOnesAreNotListed) {
  Policy p = DefaultPolicy();
  std::vector<Waiver> ws = {MakeWaiver(Gate::kSecrets, "other-rule", "x/**"),
                            MakeWaiver(Gate::kSecrets, "r", "src/*"),
                            MakeWaiver(Gate::kVuln, "CVE-9")};
  Verdict v = EvaluateVuln({TrivySecret("r", Severity::kCritical, "src/.env")}, p, ws);
  EXPECT_EQ(v.exit_code, ExitCode::kPass);
  ASSERT_EQ(v.findings[0].disposition, Disposition::kWaived);
  // The vuln waiver is listed (unused); of the secrets waivers only the one
  // that matched, and the finding's index points at it.
  ASSERT_EQ(v.waivers.size(), 2u);
  EXPECT_EQ(v.waivers[0].waiver.id, "r");
  EXPECT_EQ(v.waivers[1].waiver.id, "CVE-9");
  EXPECT_EQ(v.waivers[1].status, WaiverStatus::kUnused);
  EXPECT_EQ(v.findings[0].waiver, 0);
  // Outside the path scope the waiver does not apply.
  Verdict elsewhere = EvaluateVuln({TrivySecret("r", Severity::kCritical, "lib/.env")}, p, ws);
  EXPECT_EQ(elsewhere.exit_code, ExitCode::kFail);
}

TEST(VerdictClasses, IgnoreReasonIsAnIgnoredDisposition) {
  Finding f = TrivyLicense("MIT", Severity::kCritical);
  f.ignore_reason = "allowed by sbom.licenses";
  Verdict v = EvaluateVuln({f}, DefaultPolicy());
  EXPECT_EQ(v.exit_code, ExitCode::kPass);
  EXPECT_EQ(v.findings[0].disposition, Disposition::kIgnored);
  EXPECT_EQ(v.findings[0].reason, "allowed by sbom.licenses");
}

TEST(VerdictClasses, VulnOnlyPolicyKeysLeaveOtherClassesAlone) {
  Policy p = DefaultPolicy();
  p.vuln.ignore_unfixed = true;  // a secret has no fixed version
  p.vuln.limits[Severity::kCritical] = 5;
  Verdict v = EvaluateVuln({TrivySecret("r", Severity::kCritical, "a")}, p);
  EXPECT_EQ(v.findings[0].disposition, Disposition::kViolation);
  EXPECT_EQ(v.exit_code, ExitCode::kFail);
}

TEST(VerdictClasses, GroupsOnlyWhenAForeignClassIsPresent) {
  Policy p = DefaultPolicy();
  EXPECT_TRUE(ClassGroups(EvaluateVuln({Vuln("CVE-1", Severity::kHigh)}, p)).empty());
  Verdict mixed = EvaluateVuln({TrivyLicense("MIT", Severity::kLow), Vuln("CVE-1", Severity::kHigh),
                       TrivySecret("r", Severity::kLow, "a")},
                      p);
  std::vector<FindingClass> want = {FindingClass::kVulnerability, FindingClass::kSecret,
                                    FindingClass::kLicense};
  EXPECT_EQ(ClassGroups(mixed), want);
  EXPECT_EQ(mixed.summary.by_class.at(FindingClass::kSecret), 1);
  std::vector<FindingClass> secrets_only = {FindingClass::kSecret};
  EXPECT_EQ(ClassGroups(EvaluateVuln({TrivySecret("r", Severity::kLow, "a")}, p)), secrets_only);
}

}  // namespace
}  // namespace secgate::core
