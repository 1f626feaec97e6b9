// Tests for gates/core/waiver_writer.h: quoting, and round trips
// through core::ParseWaiverFile that are byte-for-byte stable.
#include "gates/core/waiver_writer.h"

#include <gtest/gtest.h>

#include "gates/core/waiver.h"

namespace secgate::core {
namespace {

TEST(YamlScalar, PlainOnlyWhenSafe) {
  EXPECT_EQ(YamlScalar("CVE-2024-1"), "CVE-2024-1");
  EXPECT_EQ(YamlScalar("pkg:npm/%40scope/x@1.0.0"), "pkg:npm/%40scope/x@1.0.0");
  EXPECT_EQ(YamlScalar("2026-01-01"), "2026-01-01");
  EXPECT_EQ(YamlScalar(""), "\"\"");
  EXPECT_EQ(YamlScalar("*"), "\"*\"");
  EXPECT_EQ(YamlScalar("services/**"), "\"services/**\"");
  EXPECT_EQ(YamlScalar("yes"), "\"yes\"");
  EXPECT_EQ(YamlScalar("Null"), "\"Null\"");
  EXPECT_EQ(YamlScalar("a: b"), "\"a: b\"");
  EXPECT_EQ(YamlScalar("key:"), "\"key:\"");
  EXPECT_EQ(YamlScalar("say \"hi\"\n\\"), "\"say \\\"hi\\\"\\n\\\\\"");
  EXPECT_EQ(YamlScalar(std::string("\x01", 1)), "\"\\x01\"");
  EXPECT_EQ(YamlScalar("# not a comment"), "\"# not a comment\"");
}

DraftWaiver Hostile() {
  DraftWaiver d;
  d.id = "CVE-2024-1";
  d.package = "pkg:npm/lodash@4.17.20";
  d.path = "a/**/b c.js";
  d.reason = "it's: \"quoted\" # and <script>alert(1)</script>\nsecond line\ttab";
  d.owner = "- dash@example.com";
  d.ticket = "[SEC-1]";
  d.created = "2026-01-01";
  d.expires = "2026-02-01";
  d.renewed = {{"2026-01-15", "2026-01-31", "2026-02-01", "still: needed", "lead"}};
  // Control characters in a comment (found by waiver_import_fuzz: a NUL in
  // a .trivyignore expiry) must not make the emitted YAML unparseable.
  d.comments = {"comment with\nnewline", std::string("nul \0 and \x01", 12)};
  return d;
}

TEST(WaiverFileYaml, RoundTripKeepsEveryValue) {
  std::string yaml = WaiverFileYaml({Hostile()}, {"header"});
  auto parsed = core::ParseWaiverFile(yaml, "w.yaml", {}, core::Date{2099, 12, 31});
  ASSERT_TRUE(parsed.ok()) << parsed.error().ToString() << "\n" << yaml;
  ASSERT_EQ(parsed->waivers.size(), 1u);
  EXPECT_TRUE(parsed->problems.empty()) << parsed->problems[0].message;
  const core::Waiver& w = parsed->waivers[0];
  DraftWaiver want = Hostile();
  EXPECT_EQ(w.reason, want.reason);
  EXPECT_EQ(w.owner, want.owner);
  EXPECT_EQ(w.path, want.path);
  EXPECT_EQ(w.ticket, want.ticket);
  ASSERT_EQ(w.renewed.size(), 1u);
  EXPECT_EQ(w.renewed[0].reason, "still: needed");
  EXPECT_EQ(w.renewed[0].by, "lead");
  // Emitting what was parsed gives the same text (comments aside).
  std::string again = WaiverFileYaml({DraftFromWaiver(w)}, {"header"});
  DraftWaiver no_comment = Hostile();
  no_comment.comments.clear();
  EXPECT_EQ(again, WaiverFileYaml({no_comment}, {"header"}));
}

TEST(WaiverFileYaml, LayoutIsFixed) {
  DraftWaiver d;
  d.id = "CVE-2024-1";
  d.reason = "r";
  d.owner = "o";
  d.created = "2026-01-01";
  d.expires = "2026-01-02";
  EXPECT_EQ(WaiverFileYaml({d}),
            "version: 1\nwaivers:\n  - id: CVE-2024-1\n    gate: vuln\n    reason: r\n"
            "    owner: o\n    created: 2026-01-01\n    expires: 2026-01-02\n");
  EXPECT_EQ(WaiverFileYaml({}), "version: 1\nwaivers: []\n");
}

TEST(DraftKey, CaseInsensitiveIdAndScopes) {
  DraftWaiver a, b;
  a.id = "cve-2024-1";
  b.id = "CVE-2024-1";
  EXPECT_EQ(DraftKey(a), DraftKey(b));
  b.path = "x";
  EXPECT_NE(DraftKey(a), DraftKey(b));
}

Date D(const char* s) { return *ParseDate(s); }

Waiver Reparse(const DraftWaiver& d) {
  auto f = ParseWaiverFile(WaiverFileYaml({d}), "w.yaml", {}, Date{2099, 12, 31});
  EXPECT_TRUE(f.ok());
  EXPECT_TRUE(f->problems.empty()) << f->problems[0].message;
  return f->waivers.at(0);
}

TEST(BaselineDraft, VulnIsScopedToThePackageVersion) {
  Finding f;
  f.gate = Gate::kVuln;
  f.id = "CVE-2024-1";
  f.package = {"openssl", "3.0.1", "alpine", "pkg:apk/alpine/openssl@3.0.1?arch=x86_64"};
  DraftWaiver d = *BaselineDraft(f, "unassigned", D("2026-04-01"), D("2026-06-30"));
  EXPECT_EQ(d.id, "CVE-2024-1");
  EXPECT_EQ(d.gate, "vuln");
  EXPECT_EQ(d.package, "pkg:apk/alpine/openssl@3.0.1");
  EXPECT_EQ(d.reason, "baseline: pre-existing at adoption");
  EXPECT_EQ(d.created, "2026-04-01");
  EXPECT_EQ(d.expires, "2026-06-30");
  Waiver w = Reparse(d);
  EXPECT_TRUE(WaiverMatches(w, f));
  f.package.purl = "pkg:apk/alpine/openssl@3.0.7";
  f.package.version = "3.0.7";
  EXPECT_FALSE(WaiverMatches(w, f)) << "an upgrade must re-surface the finding";
}

TEST(BaselineDraft, VulnWithoutPurlUsesNameAtVersion) {
  Finding f;
  f.id = "GHSA-aaaa-bbbb-cccc";
  f.package = {"left-pad", "1.0.0", "npm", ""};
  DraftWaiver d = *BaselineDraft(f, "o", D("2026-04-01"), D("2026-04-02"));
  EXPECT_EQ(d.package, "left-pad@1.0.0");
  EXPECT_TRUE(WaiverMatches(Reparse(d), f));
}

TEST(BaselineDraft, SecretsUseFingerprintAndPath) {
  Finding f;
  f.gate = Gate::kSecrets;
  f.id = "github-pat";
  f.fingerprint = "secret:github-pat:0123456789abcdef";
  f.location.path = "config/dev.env";
  DraftWaiver d = *BaselineDraft(f, "o", D("2026-04-01"), D("2026-04-02"));
  EXPECT_EQ(d.gate, "secrets");
  EXPECT_EQ(d.id, "secret:github-pat:0123456789abcdef");
  EXPECT_EQ(d.path, "config/dev.env");
  EXPECT_TRUE(WaiverMatches(Reparse(d), f));
}

TEST(BaselineDraft, SbomUsesIdAndPurl) {
  Finding f;
  f.gate = Gate::kSbom;
  f.id = "GPL-3.0-only";
  f.package = {"readline", "8.1", "deb", "pkg:deb/debian/readline@8.1"};
  DraftWaiver d = *BaselineDraft(f, "o", D("2026-04-01"), D("2026-04-02"));
  EXPECT_EQ(d.gate, "sbom");
  EXPECT_EQ(d.package, "pkg:deb/debian/readline@8.1");
  EXPECT_TRUE(WaiverMatches(Reparse(d), f));
}

TEST(BaselineDraft, SecretsPathWithGlobCharactersGetsNoWaiver) {
  // A waiver path is a glob: "deploy*.env" would also waive deploy-prod.env.
  Finding f;
  f.gate = Gate::kSecrets;
  f.id = "github-pat";
  f.fingerprint = "secret:github-pat:0123456789abcdef";
  for (const char* path : {"deploy*.env", "x?.env"}) {
    f.location.path = path;
    EXPECT_FALSE(BaselineDraft(f, "o", D("2026-04-01"), D("2026-04-02"))) << path;
  }
  f.location.path = "deploy[1].env";
  auto d = BaselineDraft(f, "o", D("2026-04-01"), D("2026-04-02"));
  ASSERT_TRUE(d);
  EXPECT_TRUE(WaiverMatches(Reparse(*d), f));
}

}  // namespace
}  // namespace secgate::core
