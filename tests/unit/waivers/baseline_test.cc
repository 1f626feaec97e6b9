// Tests for gates/waivers_tool/baseline.h: the scope each gate's finding
// gets, and that the waiver it writes matches the finding it came from.
#include "gates/waivers_tool/baseline.h"

#include <gtest/gtest.h>

#include "gates/core/waiver.h"

namespace secgate::waivers {
namespace {

core::Date D(const char* s) { return *core::ParseDate(s); }

core::Waiver Reparse(const DraftWaiver& d) {
  auto f = core::ParseWaiverFile(WaiverFileYaml({d}), "w.yaml", {}, core::Date{2099, 12, 31});
  EXPECT_TRUE(f.ok());
  EXPECT_TRUE(f->problems.empty()) << f->problems[0].message;
  return f->waivers.at(0);
}

TEST(BaselineDraft, VulnIsScopedToThePackageVersion) {
  core::Finding f;
  f.gate = core::Gate::kVuln;
  f.id = "CVE-2024-1";
  f.package = {"openssl", "3.0.1", "alpine", "pkg:apk/alpine/openssl@3.0.1?arch=x86_64"};
  DraftWaiver d = BaselineDraft(f, "unassigned", D("2026-04-01"), D("2026-06-30"));
  EXPECT_EQ(d.id, "CVE-2024-1");
  EXPECT_EQ(d.gate, "vuln");
  EXPECT_EQ(d.package, "pkg:apk/alpine/openssl@3.0.1");
  EXPECT_EQ(d.reason, "baseline: pre-existing at adoption");
  EXPECT_EQ(d.created, "2026-04-01");
  EXPECT_EQ(d.expires, "2026-06-30");
  core::Waiver w = Reparse(d);
  EXPECT_TRUE(core::WaiverMatches(w, f));
  f.package.purl = "pkg:apk/alpine/openssl@3.0.7";
  f.package.version = "3.0.7";
  EXPECT_FALSE(core::WaiverMatches(w, f)) << "an upgrade must re-surface the finding";
}

TEST(BaselineDraft, VulnWithoutPurlUsesNameAtVersion) {
  core::Finding f;
  f.id = "GHSA-aaaa-bbbb-cccc";
  f.package = {"left-pad", "1.0.0", "npm", ""};
  DraftWaiver d = BaselineDraft(f, "o", D("2026-04-01"), D("2026-04-02"));
  EXPECT_EQ(d.package, "left-pad@1.0.0");
  EXPECT_TRUE(core::WaiverMatches(Reparse(d), f));
}

TEST(BaselineDraft, SecretsUseFingerprintAndPath) {
  core::Finding f;
  f.gate = core::Gate::kSecrets;
  f.id = "github-pat";
  f.fingerprint = "secret:github-pat:0123456789abcdef";
  f.location.path = "config/dev.env";
  DraftWaiver d = BaselineDraft(f, "o", D("2026-04-01"), D("2026-04-02"));
  EXPECT_EQ(d.gate, "secrets");
  EXPECT_EQ(d.id, "secret:github-pat:0123456789abcdef");
  EXPECT_EQ(d.path, "config/dev.env");
  EXPECT_TRUE(core::WaiverMatches(Reparse(d), f));
}

TEST(BaselineDraft, SbomUsesIdAndPurl) {
  core::Finding f;
  f.gate = core::Gate::kSbom;
  f.id = "GPL-3.0-only";
  f.package = {"readline", "8.1", "deb", "pkg:deb/debian/readline@8.1"};
  DraftWaiver d = BaselineDraft(f, "o", D("2026-04-01"), D("2026-04-02"));
  EXPECT_EQ(d.gate, "sbom");
  EXPECT_EQ(d.package, "pkg:deb/debian/readline@8.1");
  EXPECT_TRUE(core::WaiverMatches(Reparse(d), f));
}

}  // namespace
}  // namespace secgate::waivers
