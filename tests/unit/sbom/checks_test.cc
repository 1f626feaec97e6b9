// Tests for gates/sbom/checks.h: CompileRules validates the sbom policy, and
// CheckDocument turns small SbomDocument values into the findings checks.h
// lists (a denied license, a banned component, a missing field, an unknown
// license), each pointing at its component.
#include "gates/sbom/checks.h"

#include <gtest/gtest.h>

namespace secgate::sbom {
namespace {

using core::Finding;
using core::Severity;
using Kind = LicenseEntry::Kind;

Component Lib(const std::string& name, const std::string& version, const std::string& purl,
              const std::string& license) {
  Component c;
  c.ref = name + "-ref";
  c.pointer = "/components/0";
  c.name = name;
  c.version = version;
  c.purl = purl;
  c.supplier = "ACME";
  c.hashes = 1;
  if (!license.empty()) c.licenses.push_back({Kind::kId, license});
  return c;
}

SbomDocument Doc(std::vector<Component> components, const std::string& format = "cyclonedx") {
  SbomDocument d;
  d.format = format;
  d.name = "shop";
  d.timestamp = "2026-01-01T00:00:00Z";
  d.authors = {"Tool: syft"};
  d.components = std::move(components);
  return d;
}

SbomRules Rules(const core::SbomPolicy& p) {
  auto r = CompileRules(p);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().ToString());
  return r.ok() ? *r : SbomRules{};
}

core::SbomPolicy DenyGpl() {
  core::SbomPolicy p;
  p.licenses_deny = {"GPL-3.0-only"};
  return p;
}

std::vector<std::string> Ids(const std::vector<Finding>& f) {
  std::vector<std::string> out;
  for (const auto& x : f) out.push_back(x.id);
  return out;
}

TEST(CompileRulesTest, BadEntriesNameTheirKey) {
  core::SbomPolicy deny;
  deny.licenses_deny = {"MIT OR Apache-2.0"};
  auto d = CompileRules(deny);
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().where, "sbom.licenses.deny");
  core::SbomPolicy banned;
  banned.banned = {"not-a-purl"};
  auto b = CompileRules(banned);
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.error().where, "sbom.banned");
}

TEST(CompileRulesTest, CopiesTheRequiredFieldsAndUnknownMode) {
  core::SbomPolicy p;
  p.licenses_unknown = "fail";
  p.banned = {"pkg:npm/colors@>=1.4.1"};
  p.require_component = {"supplier"};
  p.require_document = {"timestamp"};
  SbomRules r = Rules(p);
  EXPECT_EQ(r.unknown, "fail");
  ASSERT_EQ(r.banned.size(), 1u);
  EXPECT_EQ(r.banned[0].text, "pkg:npm/colors@>=1.4.1");
  EXPECT_EQ(r.require_component, std::vector<std::string>{"supplier"});
  EXPECT_EQ(r.require_document, std::vector<std::string>{"timestamp"});
}

TEST(CheckDocumentTest, AnAllowedComponentHasNoFindings) {
  SbomDocument d = Doc({Lib("a", "1.0.0", "pkg:npm/a@1.0.0", "MIT")});
  EXPECT_TRUE(CheckDocument(d, "bom.json", Rules(DenyGpl())).empty());
}

TEST(CheckDocumentTest, ADeniedLicenseIsAHighFindingOnItsComponent) {
  SbomDocument d = Doc({Lib("a", "1.0.0", "pkg:npm/a@1.0.0", "MIT"),
                        Lib("b", "", "pkg:npm/b@2.0.0", "GPL-3.0-only")});
  auto f = CheckDocument(d, "bom.json", Rules(DenyGpl()));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].gate, core::Gate::kSbom);
  EXPECT_EQ(f[0].id, "GPL-3.0-only");
  EXPECT_EQ(f[0].severity, Severity::kHigh);
  EXPECT_EQ(f[0].title, "License not allowed");
  EXPECT_NE(f[0].message.find("GPL-3.0-only"), std::string::npos) << f[0].message;
  EXPECT_EQ(f[0].package.name, "b");
  EXPECT_EQ(f[0].package.version, "2.0.0");  // from the purl: the component has none
  EXPECT_EQ(f[0].package.ecosystem, "npm");
  EXPECT_EQ(f[0].location.path, "bom.json");
  EXPECT_EQ(f[0].location.target, "bom.json#b-ref");
  EXPECT_EQ(f[0].sources, std::vector<std::string>{"cyclonedx"});
  EXPECT_FALSE(f[0].fingerprint.empty());
}

TEST(CheckDocumentTest, ExtractedLicenseNamesAreAddedToTheMessage) {
  core::SbomPolicy p;
  p.licenses_deny = {"LicenseRef-corp"};
  Component c = Lib("a", "1", "", "");
  c.licenses.push_back({Kind::kExpression, "LicenseRef-corp"});
  SbomDocument d = Doc({c}, "spdx");
  d.extracted_licenses["LicenseRef-corp"] = "Corp EULA";
  auto f = CheckDocument(d, "bom.spdx.json", Rules(p));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].id, "LicenseRef-corp");
  const std::string tail = "; LicenseRef-corp is \"Corp EULA\"";
  ASSERT_GE(f[0].message.size(), tail.size());
  EXPECT_EQ(f[0].message.substr(f[0].message.size() - tail.size()), tail);
}

TEST(CheckDocumentTest, ABannedComponentIsCriticalOncePerComponent) {
  core::SbomPolicy p;
  p.banned = {"pkg:npm/colors@>=1.4.1", "pkg:npm/colors"};
  SbomDocument d = Doc({Lib("colors", "1.4.44", "pkg:npm/colors@1.4.44", "MIT")});
  auto f = CheckDocument(d, "bom.json", Rules(p));
  ASSERT_EQ(f.size(), 1u);  // two entries match, one finding names the first
  EXPECT_EQ(f[0].id, kBannedId);
  EXPECT_EQ(f[0].severity, Severity::kCritical);
  EXPECT_EQ(f[0].title, "Banned component");
  EXPECT_EQ(f[0].message, "colors@1.4.44 is banned by sbom.banned entry 'pkg:npm/colors@>=1.4.1'");
}

TEST(CheckDocumentTest, BannedRangesCompareVersions) {
  core::SbomPolicy p;
  p.banned = {"pkg:npm/colors@>=1.4.1"};
  SbomRules r = Rules(p);
  EXPECT_TRUE(
      CheckDocument(Doc({Lib("colors", "1.4.0", "pkg:npm/colors@1.4.0", "MIT")}), "b", r).empty());
  EXPECT_TRUE(
      CheckDocument(Doc({Lib("other", "9", "pkg:npm/other@9", "MIT")}), "b", r).empty());
  // No version anywhere: banned all the same, and the message says why.
  auto f = CheckDocument(Doc({Lib("colors", "", "pkg:npm/colors", "MIT")}), "b", r);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message,
            "colors is banned by sbom.banned entry 'pkg:npm/colors@>=1.4.1' (its version is "
            "unknown)");
}

TEST(CheckDocumentTest, AMissingComponentFieldIsOneFindingPerField) {
  core::SbomPolicy p;
  p.require_component = {"supplier", "hashes", "version"};
  Component c = Lib("a", "1.0", "", "MIT");
  c.supplier.clear();
  c.hashes = 0;
  auto f = CheckDocument(Doc({c}), "bom.json", Rules(p));
  ASSERT_EQ(f.size(), 2u);  // the version is there
  EXPECT_EQ(f[0].id, kMissingFieldId);
  EXPECT_EQ(f[0].aliases, std::vector<std::string>{"missing-supplier"});
  EXPECT_EQ(f[0].severity, Severity::kMedium);
  EXPECT_EQ(f[0].message, "component a@1.0 (a-ref) has no supplier");
  EXPECT_EQ(f[1].aliases, std::vector<std::string>{"missing-hashes"});
  EXPECT_EQ(f[1].message, "component a@1.0 (a-ref) has no hashes");
  EXPECT_NE(f[0].fingerprint, f[1].fingerprint);
}

TEST(CheckDocumentTest, APurlOrAnotherIdSatisfiesPurl) {
  core::SbomPolicy p;
  p.require_component = {"purl"};
  Component c = Lib("a", "1", "", "MIT");
  c.ref.clear();
  auto f = CheckDocument(Doc({c}), "bom.json", Rules(p));
  ASSERT_EQ(f.size(), 1u);
  // Without a ref the JSON pointer says which component it is.
  EXPECT_EQ(f[0].message,
            "component a@1 (/components/0) has no purl or other unique id (cpe, swid)");
  EXPECT_EQ(f[0].location.target, "bom.json#/components/0");
  c.other_ids = {"cpe:2.3:a:x:a:1:*:*:*:*:*:*:*"};
  EXPECT_TRUE(CheckDocument(Doc({c}), "bom.json", Rules(p)).empty());
}

TEST(CheckDocumentTest, MissingDocumentFieldsNameTheFormatsKey) {
  core::SbomPolicy p;
  p.require_document = {"timestamp", "author"};
  SbomDocument cdx = Doc({});
  cdx.timestamp.clear();
  cdx.authors.clear();
  auto f = CheckDocument(cdx, "bom.json", Rules(p));
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].severity, Severity::kLow);
  EXPECT_EQ(f[0].aliases, std::vector<std::string>{"missing-timestamp"});
  EXPECT_EQ(f[0].message, "document has no timestamp (metadata.timestamp)");
  EXPECT_EQ(f[1].message, "document has no author (metadata.authors or metadata.tools)");
  EXPECT_EQ(f[0].location.target, "bom.json");
  EXPECT_EQ(f[0].package.name, "shop");
  SbomDocument spdx = cdx;
  spdx.format = "spdx";
  auto s = CheckDocument(spdx, "bom.json", Rules(p));
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].message, "document has no timestamp (creationInfo.created)");
  EXPECT_EQ(s[1].message, "document has no author (creationInfo.creators)");
  EXPECT_TRUE(CheckDocument(Doc({}), "bom.json", Rules(p)).empty());
}

TEST(CheckDocumentTest, UnknownLicensesFollowLicensesUnknown) {
  Component none = Lib("a", "1", "", "");
  Component noassertion = Lib("b", "2", "", "");
  noassertion.licenses.push_back({Kind::kNoAssertion, "NOASSERTION"});
  SbomDocument d = Doc({none, noassertion});
  core::SbomPolicy p;  // unknown: warn
  auto warn = CheckDocument(d, "bom.json", Rules(p));
  ASSERT_EQ(Ids(warn), (std::vector<std::string>{kUnknownLicenseId, kUnknownLicenseId}));
  EXPECT_EQ(warn[0].severity, Severity::kLow);
  EXPECT_FALSE(warn[0].warn_only.empty());
  EXPECT_EQ(warn[0].message, "license of a@1 is unknown: no license information");
  EXPECT_EQ(warn[1].message, "license of b@2 is unknown: license is NOASSERTION");
  p.licenses_unknown = "fail";
  auto fail = CheckDocument(d, "bom.json", Rules(p));
  ASSERT_EQ(fail.size(), 2u);
  EXPECT_EQ(fail[0].severity, Severity::kHigh);
  EXPECT_TRUE(fail[0].warn_only.empty());
  p.licenses_unknown = "pass";
  EXPECT_TRUE(CheckDocument(d, "bom.json", Rules(p)).empty());
}

TEST(CheckDocumentTest, DocumentFindingsComeFirstThenEachComponentInOrder) {
  core::SbomPolicy p = DenyGpl();
  p.banned = {"pkg:npm/evil"};
  p.require_component = {"supplier"};
  p.require_document = {"timestamp"};
  Component evil = Lib("evil", "1", "pkg:npm/evil@1", "GPL-3.0-only");
  evil.supplier.clear();
  SbomDocument d = Doc({Lib("ok", "1", "pkg:npm/ok@1", "MIT"), evil});
  d.timestamp.clear();
  EXPECT_EQ(Ids(CheckDocument(d, "bom.json", Rules(p))),
            (std::vector<std::string>{kMissingFieldId, kBannedId, "GPL-3.0-only",
                                      kMissingFieldId}));
}

}  // namespace
}  // namespace secgate::sbom
