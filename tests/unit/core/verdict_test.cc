// Tests for gates/core/verdict.h: Evaluate (thresholds, waivers, upstream
// ignores, limits, finding classes) and ClassGroups; and MergeFindings.
#include "gates/core/verdict.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "gates/core/merge.h"

namespace secgate::core {
namespace {

const Date kToday = *ParseDate("2026-11-21");

Finding Vuln(std::string id, Severity s, std::string pkg = "lodash", std::string version = "4.17.15") {
  Finding f;
  f.id = std::move(id);
  f.severity = s;
  f.package = {pkg, version, "npm", "pkg:npm/" + pkg + "@" + version};
  f.fixed_versions = {"9.9.9"};
  f.sources = {"test"};
  return f;
}

Waiver MakeWaiver(std::string id, std::string expires, std::string package = "") {
  Waiver w;
  w.id = std::move(id);
  w.gate = Gate::kVuln;
  w.owner = "jane@example.com";
  w.reason = "not reachable";
  w.created = *ParseDate("2026-11-01");
  w.expires = *ParseDate(expires);
  w.package = std::move(package);
  return w;
}

EvaluateOptions Opts(Severity fail_on = Severity::kHigh) {
  EvaluateOptions o;
  o.fail_on = fail_on;
  return o;
}

TEST(VerdictTest, NoFindingsPasses) {
  Verdict v = Evaluate({}, Opts(), WaiverFile{}, kToday);
  EXPECT_EQ(v.exit_code, ExitCode::kPass);
  EXPECT_EQ(v.summary.findings, 0);
}

TEST(VerdictTest, ThresholdDecides) {
  Verdict v = Evaluate({Vuln("CVE-1", Severity::kHigh), Vuln("CVE-2", Severity::kMedium)}, Opts(),
                       WaiverFile{}, kToday);
  EXPECT_EQ(v.exit_code, ExitCode::kFail);
  EXPECT_EQ(v.summary.violations, 1);
  EXPECT_EQ(v.summary.below_threshold, 1);
  EXPECT_EQ(v.findings[0].finding.id, "CVE-1");  // worst first
  EXPECT_EQ(v.findings[0].disposition, Disposition::kViolation);
  Verdict lax = Evaluate({Vuln("CVE-1", Severity::kHigh)}, Opts(Severity::kCritical), WaiverFile{},
                         kToday);
  EXPECT_EQ(lax.exit_code, ExitCode::kPass);
}

TEST(VerdictTest, UnknownSeverityNeverPassesSilently) {
  Verdict v = Evaluate({Vuln("CVE-1", Severity::kUnknown)}, Opts(), WaiverFile{}, kToday);
  EXPECT_EQ(v.exit_code, ExitCode::kFail);
  EXPECT_TRUE(v.findings[0].severity_assumed);
  EXPECT_EQ(v.findings[0].effective_severity, Severity::kHigh);
  EXPECT_EQ(v.summary.by_severity.at(Severity::kUnknown), 1);

  EvaluateOptions ignore = Opts();
  ignore.unknown_as = std::nullopt;
  Verdict w = Evaluate({Vuln("CVE-1", Severity::kUnknown)}, ignore, WaiverFile{}, kToday);
  EXPECT_EQ(w.exit_code, ExitCode::kPass);
  EXPECT_EQ(w.findings[0].disposition, Disposition::kIgnored);
  EXPECT_EQ(w.summary.ignored, 1);
}

TEST(VerdictTest, ActiveWaiverWaivesByIdOrAlias) {
  Finding f = Vuln("CVE-1", Severity::kCritical);
  f.aliases = {"GHSA-aaaa-bbbb-cccc"};
  WaiverFile wf;
  wf.waivers = {MakeWaiver("ghsa-aaaa-bbbb-cccc", "2027-01-31")};
  Verdict v = Evaluate({f}, Opts(), wf, kToday);
  EXPECT_EQ(v.exit_code, ExitCode::kPass);
  EXPECT_EQ(v.findings[0].disposition, Disposition::kWaived);
  ASSERT_EQ(v.findings[0].waiver, 0);
  EXPECT_EQ(v.waivers[0].status, WaiverStatus::kActive);
  EXPECT_EQ(v.waivers[0].matches, 1);
}

TEST(VerdictTest, ExpiredWaiverNoLongerWaives) {
  WaiverFile wf;
  wf.waivers = {MakeWaiver("CVE-1", "2026-11-20")};
  Verdict v = Evaluate({Vuln("CVE-1", Severity::kCritical)}, Opts(), wf, kToday);
  EXPECT_EQ(v.exit_code, ExitCode::kFail);
  EXPECT_EQ(v.findings[0].disposition, Disposition::kViolation);
  EXPECT_EQ(v.findings[0].expired_waiver, 0);
  EXPECT_EQ(v.waivers[0].status, WaiverStatus::kExpired);
  EXPECT_EQ(v.waivers[0].days_left, -1);
}

TEST(VerdictTest, WaiverOnItsExpiryDayStillWaives) {
  WaiverFile wf;
  wf.waivers = {MakeWaiver("CVE-1", "2026-11-21")};
  Verdict v = Evaluate({Vuln("CVE-1", Severity::kCritical)}, Opts(), wf, kToday);
  EXPECT_EQ(v.exit_code, ExitCode::kPass);
  EXPECT_EQ(v.waivers[0].status, WaiverStatus::kExpiringSoon);
  EXPECT_EQ(v.waivers[0].days_left, 0);
}

TEST(VerdictTest, ExpiringAndUnusedDiagnostics) {
  WaiverFile wf;
  wf.waivers = {MakeWaiver("CVE-1", "2026-11-24"), MakeWaiver("CVE-9", "2027-01-31")};
  Verdict v = Evaluate({Vuln("CVE-1", Severity::kCritical)}, Opts(), wf, kToday);
  EXPECT_EQ(v.waivers[0].status, WaiverStatus::kExpiringSoon);
  EXPECT_EQ(v.waivers[0].days_left, 3);
  EXPECT_EQ(v.waivers[1].status, WaiverStatus::kUnused);
}

TEST(VerdictTest, PackageScopeLimitsAWaiver) {
  WaiverFile wf;
  wf.waivers = {MakeWaiver("CVE-1", "2027-01-31", "pkg:npm/minimist")};
  Verdict v = Evaluate({Vuln("CVE-1", Severity::kCritical, "lodash"),
                        Vuln("CVE-1", Severity::kCritical, "minimist", "1.2.0")},
                       Opts(), wf, kToday);
  EXPECT_EQ(v.summary.violations, 1);
  EXPECT_EQ(v.summary.waived, 1);
  wf.waivers[0].package = "pkg:npm/minimist@1.2.5";  // other version: no match
  Verdict w = Evaluate({Vuln("CVE-1", Severity::kCritical, "minimist", "1.2.0")}, Opts(), wf, kToday);
  EXPECT_EQ(w.summary.violations, 1);
}

TEST(VerdictTest, WaiversOfOtherGatesAreNotDiagnosedHere) {
  WaiverFile wf;
  Waiver s = MakeWaiver("secret:aws:0123456789abcdef", "2027-01-31");
  s.gate = Gate::kSecrets;
  wf.waivers = {s};
  Verdict v = Evaluate({}, Opts(), wf, kToday);
  EXPECT_TRUE(v.waivers.empty());
}

TEST(VerdictTest, IgnoreUnfixedAndVex) {
  Finding unfixed = Vuln("CVE-1", Severity::kCritical);
  unfixed.fixed_versions.clear();
  Finding vex = Vuln("CVE-2", Severity::kCritical);
  vex.vex_state = "not_affected";
  vex.vex_justification = "code_not_reachable";
  EvaluateOptions o = Opts();
  o.ignore_unfixed = true;
  Verdict v = Evaluate({unfixed, vex}, o, WaiverFile{}, kToday);
  EXPECT_EQ(v.exit_code, ExitCode::kPass);
  EXPECT_EQ(v.summary.ignored, 2);
  o.ignore_unfixed = false;
  Verdict w = Evaluate({unfixed, vex}, o, WaiverFile{}, kToday);
  EXPECT_EQ(w.summary.violations, 1);
}

TEST(VerdictTest, LimitsTolerateUpToTheCount) {
  EvaluateOptions o = Opts(Severity::kMedium);
  o.limits[Severity::kMedium] = 2;
  Verdict ok = Evaluate({Vuln("CVE-1", Severity::kMedium), Vuln("CVE-2", Severity::kMedium)}, o,
                        WaiverFile{}, kToday);
  EXPECT_EQ(ok.exit_code, ExitCode::kPass);
  Verdict over = Evaluate({Vuln("CVE-1", Severity::kMedium), Vuln("CVE-2", Severity::kMedium),
                           Vuln("CVE-3", Severity::kMedium)},
                          o, WaiverFile{}, kToday);
  EXPECT_EQ(over.exit_code, ExitCode::kFail);
  EXPECT_EQ(over.summary.violations, 3);
}

TEST(VerdictTest, SeveritySourceChoosesAmongRatings) {
  Finding f = Vuln("CVE-1", Severity::kMedium);
  f.severity_source = "debian";
  f.ratings = {{"debian", Severity::kMedium, 0}, {"nvd", Severity::kCritical, 9.8}};
  EvaluateOptions o = Opts();
  EXPECT_EQ(Evaluate({f}, o, WaiverFile{}, kToday).exit_code, ExitCode::kPass);
  o.severity_source = "nvd";
  Verdict v = Evaluate({f}, o, WaiverFile{}, kToday);
  EXPECT_EQ(v.exit_code, ExitCode::kFail);
  EXPECT_EQ(v.findings[0].finding.severity_source, "nvd");
  o.severity_source = "max";
  EXPECT_EQ(Evaluate({f}, o, WaiverFile{}, kToday).exit_code, ExitCode::kFail);
}

TEST(VerdictTest, TestKeysFollowThePolicyAndAreNeverDropped) {
  Finding key = Vuln("stripe-secret-key", Severity::kCritical);
  key.gate = Gate::kSecrets;
  key.test_key = true;
  EvaluateOptions o = Opts(Severity::kLow);
  o.gate = Gate::kSecrets;
  Verdict report = Evaluate({key}, o, WaiverFile{}, kToday);
  EXPECT_EQ(report.exit_code, ExitCode::kPass);
  ASSERT_EQ(report.findings.size(), 1u);
  EXPECT_EQ(report.findings[0].disposition, Disposition::kBelowThreshold);
  EXPECT_EQ(report.findings[0].reason, "test key (secrets.test_keys: report)");
  o.test_keys = "ignore";
  Verdict ignore = Evaluate({key}, o, WaiverFile{}, kToday);
  EXPECT_EQ(ignore.exit_code, ExitCode::kPass);
  ASSERT_EQ(ignore.findings.size(), 1u);
  EXPECT_EQ(ignore.summary.ignored, 1);
  EXPECT_EQ(ignore.findings[0].reason, "test key (secrets.test_keys: ignore)");
  o.test_keys = "fail";
  Verdict fail = Evaluate({key}, o, WaiverFile{}, kToday);
  EXPECT_EQ(fail.exit_code, ExitCode::kFail);
  EXPECT_EQ(fail.summary.violations, 1);
}

TEST(VerdictTest, AllowlistedFindingsAreListedAsIgnored) {
  Finding f = Vuln("test-token", Severity::kHigh);
  f.gate = Gate::kSecrets;
  f.allowlisted = "secrets.allowlist.commits[0]";
  EvaluateOptions o = Opts(Severity::kLow);
  o.gate = Gate::kSecrets;
  Verdict v = Evaluate({f}, o, WaiverFile{}, kToday);
  EXPECT_EQ(v.exit_code, ExitCode::kPass);
  ASSERT_EQ(v.findings.size(), 1u);
  EXPECT_EQ(v.findings[0].disposition, Disposition::kIgnored);
  EXPECT_EQ(v.findings[0].reason, "allowlisted by secrets.allowlist.commits[0]");
}

// Evaluate sorts an index and permutes the findings in place (no second
// copy of them): the order must be std::stable_sort's, ties included.
TEST(VerdictTest, FindingsComeWorstFirstInStableOrder) {
  std::vector<Finding> findings;
  const Severity sevs[] = {Severity::kLow, Severity::kCritical, Severity::kMedium, Severity::kHigh};
  for (int i = 0; i < 500; ++i) {
    // Few distinct keys, so that most findings tie and only their input
    // order (kept in the title) can tell them apart.
    Finding f = Vuln("CVE-2026-" + std::to_string(i * 7 % 5), sevs[i * 13 % 4]);
    f.title = std::to_string(i);
    findings.push_back(f);
  }
  std::vector<EvaluatedFinding> expected;
  for (const Finding& f : findings) {
    EvaluatedFinding e;
    e.finding = f;
    e.effective_severity = f.severity;
    e.disposition = f.severity >= Severity::kHigh ? Disposition::kViolation
                                                  : Disposition::kBelowThreshold;
    expected.push_back(e);
  }
  std::stable_sort(expected.begin(), expected.end(), WorseFirst);
  Verdict v = Evaluate(findings, Opts(), WaiverFile{}, kToday);
  ASSERT_EQ(v.findings.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i)
    EXPECT_EQ(v.findings[i].finding.title, expected[i].finding.title) << i;
}

TEST(ExitCodeTest, ErrorsWin) {
  EXPECT_EQ(Worst(ExitCode::kFail, ExitCode::kError), ExitCode::kError);
  EXPECT_EQ(Worst(ExitCode::kPass, ExitCode::kFail), ExitCode::kFail);
  EXPECT_EQ(ToInt(ExitCode::kError), 2);
}

TEST(MergeTest, SameVulnerabilityUnderAliasesIsOneFinding) {
  Finding grype = Vuln("GHSA-aaaa-bbbb-cccc", Severity::kHigh);
  grype.aliases = {"CVE-2024-1"};
  grype.sources = {"grype"};
  Finding npm = Vuln("CVE-2024-1", Severity::kCritical);
  npm.package.purl.clear();
  npm.package.version.clear();  // npm 7 reports carry no version
  npm.sources = {"npm-audit"};
  auto merged = MergeFindings({grype, npm});
  ASSERT_EQ(merged.size(), 1u);
  EXPECT_EQ(merged[0].id, "CVE-2024-1");
  EXPECT_EQ(merged[0].aliases, std::vector<std::string>{"GHSA-aaaa-bbbb-cccc"});
  EXPECT_EQ(merged[0].sources, (std::vector<std::string>{"grype", "npm-audit"}));
  EXPECT_EQ(merged[0].severity, Severity::kCritical);
  EXPECT_FALSE(merged[0].fingerprint.empty());
}

TEST(MergeTest, DifferentVersionsOrPackagesStayApart) {
  auto merged = MergeFindings({Vuln("CVE-1", Severity::kHigh, "a", "1.0"),
                               Vuln("CVE-1", Severity::kHigh, "a", "2.0"),
                               Vuln("CVE-1", Severity::kHigh, "b", "1.0")});
  EXPECT_EQ(merged.size(), 3u);
}

TEST(MergeTest, RelatedAdvisoriesDoNotMerge) {
  Finding a = Vuln("CVE-2019-1559", Severity::kMedium, "openssl-libs", "1.0.2k");
  a.related = {"RHSA-2019:2304"};
  Finding b = Vuln("CVE-2018-0734", Severity::kLow, "openssl-libs", "1.0.2k");
  b.related = {"RHSA-2019:2304"};
  EXPECT_EQ(MergeFindings({a, b}).size(), 2u);
}

TEST(MergeTest, PreferredId) {
  EXPECT_EQ(PreferredId({"GHSA-x", "CVE-1"}), "CVE-1");
  EXPECT_EQ(PreferredId({"PYSEC-1", "GHSA-x"}), "GHSA-x");
  EXPECT_EQ(PreferredId({"RUSTSEC-1"}), "RUSTSEC-1");
}

// vuln.upstream_ignores: honour keeps the old result (the finding does not
// fail and counts toward no waiver), deny gates it like any other finding.
TEST(VerdictTest, UpstreamIgnoresAreHonouredOrDenied) {
  Finding ignored = Vuln("CVE-9", Severity::kCritical);
  ignored.upstream_ignore = "grype ignore rule (reason: not reachable)";
  WaiverFile wf;
  wf.waivers = {MakeWaiver("CVE-9", "2027-01-31")};
  Verdict honour = Evaluate({ignored}, Opts(), wf, kToday);
  EXPECT_EQ(honour.exit_code, ExitCode::kPass);
  ASSERT_EQ(honour.findings.size(), 1u);
  EXPECT_EQ(honour.findings[0].disposition, Disposition::kIgnored);
  EXPECT_EQ(honour.findings[0].reason,
            "ignored upstream: grype ignore rule (reason: not reachable) (upstream_ignores: honour)");
  EXPECT_EQ(honour.waivers[0].matches, 0) << "an upstream ignore must not use up a waiver";
  EXPECT_EQ(honour.waivers[0].status, WaiverStatus::kUnused);

  EvaluateOptions deny = Opts();
  deny.honour_upstream_ignores = false;
  Verdict denied = Evaluate({ignored}, deny, WaiverFile{}, kToday);
  EXPECT_EQ(denied.exit_code, ExitCode::kFail);
  EXPECT_EQ(denied.findings[0].disposition, Disposition::kViolation);
  Verdict waived = Evaluate({ignored}, deny, wf, kToday);
  EXPECT_EQ(waived.exit_code, ExitCode::kPass);
  EXPECT_EQ(waived.findings[0].disposition, Disposition::kWaived);
}

TEST(VerdictTest, OneScannersIgnoreDoesNotSilenceAnother) {
  Finding a = Vuln("CVE-9", Severity::kCritical);
  a.upstream_ignore = "grype ignore rule";
  Finding b = Vuln("CVE-9", Severity::kCritical);
  b.sources = {"trivy"};
  auto merged = MergeFindings({a, b});
  ASSERT_EQ(merged.size(), 1u);
  EXPECT_TRUE(merged[0].upstream_ignore.empty());
  EXPECT_EQ(Evaluate(merged, Opts(), WaiverFile{}, kToday).exit_code, ExitCode::kFail);
  auto both = MergeFindings({a, a});
  ASSERT_EQ(both.size(), 1u);
  EXPECT_FALSE(both[0].upstream_ignore.empty());
}

TEST(VerdictTest, WarnOnlyIsShownButNeverFails) {
  Finding f = Vuln("unknown-license", Severity::kLow);
  f.warn_only = "warning only (sbom.licenses.unknown: warn)";
  Verdict v = Evaluate({f}, Opts(Severity::kLow), WaiverFile{}, kToday);
  EXPECT_EQ(v.exit_code, ExitCode::kPass);
  EXPECT_EQ(v.summary.below_threshold, 1);
  EXPECT_EQ(v.findings[0].reason, "warning only (sbom.licenses.unknown: warn)");
  f.warn_only.clear();
  EXPECT_EQ(Evaluate({f}, Opts(Severity::kLow), WaiverFile{}, kToday).exit_code, ExitCode::kFail);
}

// Findings of several classes (a Trivy report's secrets and licenses read
// by secgate-vuln): per-class thresholds, other gates' waivers, ignore
// reasons, limits and the class grouping reporters use.
Finding UnfixedVuln(const std::string& id, Severity s) {
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

Waiver GateWaiver(Gate gate, const std::string& id, const std::string& path = "") {
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
  Verdict v = EvaluateVuln({UnfixedVuln("CVE-1", Severity::kMedium), TrivySecret("r", Severity::kMedium, "a")}, p);
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
  std::vector<Waiver> ws = {GateWaiver(Gate::kSecrets, "other-rule", "x/**"),
                            GateWaiver(Gate::kSecrets, "r", "src/*"),
                            GateWaiver(Gate::kVuln, "CVE-9")};
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
  EXPECT_TRUE(ClassGroups(EvaluateVuln({UnfixedVuln("CVE-1", Severity::kHigh)}, p)).empty());
  Verdict mixed = EvaluateVuln({TrivyLicense("MIT", Severity::kLow), UnfixedVuln("CVE-1", Severity::kHigh),
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
