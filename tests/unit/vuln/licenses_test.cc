// secgate-vuln's license step (gates/vuln/licenses.cc): a Trivy report's
// licenses judged by sbom.licenses when the policy has allow or deny lists.
#include "gates/vuln/licenses.h"

#include <gtest/gtest.h>

namespace secgate::vuln {
namespace {

using core::Finding;
using core::Severity;

Finding License(const std::string& name, Severity s) {
  Finding f;
  f.gate = core::Gate::kSbom;
  f.cls = core::FindingClass::kLicense;
  f.id = name;
  f.severity = s;
  f.package.name = "busybox";
  return f;
}

core::Policy WithLists(std::vector<std::string> allow, std::vector<std::string> deny) {
  core::Policy p = core::DefaultPolicy();
  p.source = "secgate.yaml";
  p.sbom.licenses_allow = std::move(allow);
  p.sbom.licenses_deny = std::move(deny);
  return p;
}

TEST(JudgeLicenses, WithoutListsTrivysSeverityStays) {
  std::vector<Finding> f = {License("GPL-2.0", Severity::kHigh), License("MIT", Severity::kLow)};
  ASSERT_TRUE(JudgeLicenses(core::DefaultPolicy(), &f).ok());
  EXPECT_EQ(f[0].id, "GPL-2.0");
  EXPECT_EQ(f[0].severity, Severity::kHigh);
  EXPECT_EQ(f[1].severity, Severity::kLow);
  EXPECT_TRUE(f[1].ignore_reason.empty());
}

TEST(JudgeLicenses, DeniedBecomesHighWithTheSpdxId) {
  std::vector<Finding> f = {License("GPL-2.0", Severity::kLow), License("MIT", Severity::kHigh)};
  ASSERT_TRUE(JudgeLicenses(WithLists({}, {"GPL-2.0-only"}), &f).ok());
  EXPECT_EQ(f[0].id, "GPL-2.0-only");
  EXPECT_EQ(f[0].aliases, std::vector<std::string>{"GPL-2.0"});
  EXPECT_EQ(f[0].severity, Severity::kHigh);
  EXPECT_EQ(f[0].title, "License not allowed");
  EXPECT_NE(f[0].message.find("GPL-2.0-only denied"), std::string::npos) << f[0].message;
  EXPECT_EQ(f[1].ignore_reason, "allowed by sbom.licenses");
}

TEST(JudgeLicenses, AllowListRefusesTheRest) {
  std::vector<Finding> f = {License("MIT", Severity::kLow), License("Zlib", Severity::kLow)};
  ASSERT_TRUE(JudgeLicenses(WithLists({"MIT"}, {}), &f).ok());
  EXPECT_EQ(f[0].ignore_reason, "allowed by sbom.licenses");
  EXPECT_EQ(f[1].severity, Severity::kHigh);
  EXPECT_TRUE(f[1].ignore_reason.empty());
}

TEST(JudgeLicenses, UnjudgeableFollowsLicensesUnknown) {
  for (const char* rule : {"fail", "warn", "pass"}) {
    core::Policy p = WithLists({}, {"GPL-3.0-only"});
    p.sbom.licenses_unknown = rule;
    std::vector<Finding> f = {License("Custom License (c) Acme", Severity::kMedium)};
    ASSERT_TRUE(JudgeLicenses(p, &f).ok());
    EXPECT_NE(f[0].message.find("license unknown to sbom.licenses"), std::string::npos) << rule;
    if (std::string(rule) == "fail") EXPECT_EQ(f[0].severity, Severity::kHigh);
    if (std::string(rule) == "warn") EXPECT_EQ(f[0].severity, Severity::kMedium);
    if (std::string(rule) == "pass") EXPECT_FALSE(f[0].ignore_reason.empty());
  }
}

TEST(JudgeLicenses, OtherClassesAreUntouched) {
  Finding vuln;
  vuln.id = "CVE-2024-1";
  vuln.severity = Severity::kLow;
  std::vector<Finding> f = {vuln};
  ASSERT_TRUE(JudgeLicenses(WithLists({"MIT"}, {}), &f).ok());
  EXPECT_EQ(f[0].severity, Severity::kLow);
  EXPECT_TRUE(f[0].ignore_reason.empty());
}

TEST(JudgeLicenses, BadPolicyEntryIsAnError) {
  std::vector<Finding> f = {License("MIT", Severity::kLow)};
  auto s = JudgeLicenses(WithLists({}, {"MIT AND GPL-2.0-only"}), &f);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().where.rfind("secgate.yaml: sbom.licenses", 0), 0u) << s.error().where;
}

}  // namespace
}  // namespace secgate::vuln
