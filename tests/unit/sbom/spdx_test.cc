// The SPDX reader (gates/sbom/readers/spdx.cc) over in-memory documents:
// packages, licenses, references and creation info, the exact errors for
// wrong types and spec versions, and an SPDXID reused with other content.
#include <gtest/gtest.h>

#include "gates/sbom/readers/reader.h"

namespace secgate::sbom {
namespace {

using Kind = LicenseEntry::Kind;

std::string SpdxResult(const std::string& body, const char* version = "SPDX-2.3") {
  SbomDocument d;
  auto s = ReadSpdx(*core::InputFile::FromMemory(std::string(R"({"spdxVersion": ")") + version + "\", " + body, "s.json"), &d);
  return s.ok() ? "ok " + std::to_string(d.components.size()) + " components, " +
                      std::to_string(d.duplicate_refs) + " repeats"
                : s.error().ToString();
}

SbomDocument ReadSpdx(const std::string& text) {
  SbomDocument d;
  auto s = ReadSpdx(*core::InputFile::FromMemory(text, "s.json"), &d);
  EXPECT_TRUE(s.ok()) << s.error().ToString();
  return d;
}

TEST(SpdxReaderTest, PackagesLicensesRefsAndCreationInfo) {
  SbomDocument d = ReadSpdx(R"({
    "spdxVersion": "SPDX-2.3", "SPDXID": "SPDXRef-DOCUMENT", "name": "web",
    "creationInfo": {"created": "2026-09-01T10:00:00Z", "creators": ["Tool: x-1.0"]},
    "packages": [
      {"SPDXID": "SPDXRef-a", "name": "a", "versionInfo": "1", "licenseDeclared": "MIT",
       "supplier": "Organization: ACME",
       "checksums": [{"algorithm": "SHA1", "checksumValue": "aa"}],
       "externalRefs": [{"referenceCategory": "PACKAGE_MANAGER", "referenceType": "purl",
                         "referenceLocator": "pkg:npm/a@1"}]},
      {"SPDXID": "SPDXRef-b", "name": "b", "licenseConcluded": "NOASSERTION",
       "licenseDeclared": "NOASSERTION", "supplier": "NOASSERTION"},
      {"SPDXID": "SPDXRef-c", "name": "c", "licenseConcluded": "NONE",
       "licenseDeclared": "MIT",
       "externalRefs": [{"referenceCategory": "PACKAGE-MANAGER", "referenceType": "purl",
                         "referenceLocator": "pkg:pypi/c@2"},
                        {"referenceCategory": "SECURITY", "referenceType": "cpe23Type",
                         "referenceLocator": "cpe:2.3:a:c:c:2:*:*:*:*:*:*:*"}]},
      {"SPDXID": "SPDXRef-d", "name": "d", "licenseConcluded": "LicenseRef-x AND MIT"}
    ],
    "hasExtractedLicensingInfos": [{"licenseId": "LicenseRef-x", "name": "X License"}],
    "relationships": [
      {"spdxElementId": "SPDXRef-a", "relationshipType": "DEPENDS_ON", "relatedSpdxElement": "SPDXRef-b"},
      {"spdxElementId": "SPDXRef-b", "relationshipType": "DEPENDENCY_OF", "relatedSpdxElement": "SPDXRef-a"}]
  })");
  ASSERT_EQ(d.components.size(), 4u);
  EXPECT_EQ(d.spec_version, "SPDX-2.3");
  EXPECT_EQ(d.name, "web");
  EXPECT_EQ(d.timestamp, "2026-09-01T10:00:00Z");
  EXPECT_EQ(d.authors, std::vector<std::string>{"Tool: x-1.0"});
  const Component& a = d.components[0];
  EXPECT_EQ(a.purl, "pkg:npm/a@1");
  EXPECT_EQ(a.supplier, "ACME");
  EXPECT_EQ(a.hashes, 1);
  // 2.3: an absent licenseConcluded is NOASSERTION, so the declared one counts.
  EXPECT_EQ(a.licenses[0].kind, Kind::kExpression);
  EXPECT_EQ(a.licenses[0].text, "MIT");
  EXPECT_EQ(d.components[1].licenses[0].kind, Kind::kNoAssertion);
  EXPECT_EQ(d.components[1].supplier, "");
  EXPECT_EQ(d.components[2].licenses[0].kind, Kind::kNone);  // concluded wins
  EXPECT_EQ(d.components[2].purl, "pkg:pypi/c@2");
  EXPECT_EQ(d.components[2].other_ids.size(), 1u);
  EXPECT_EQ(d.components[3].licenses[0].text, "LicenseRef-x AND MIT");
  EXPECT_EQ(d.extracted_licenses.at("LicenseRef-x"), "X License");
  ASSERT_EQ(d.dependencies.size(), 2u);
  EXPECT_EQ(d.dependencies[1], (std::pair<std::string, std::string>{"SPDXRef-a", "SPDXRef-b"}));
}

TEST(SpdxReaderTest, WrongTypesAreErrors) {
  auto err = [](const std::string& text) {
    SbomDocument d;
    auto s = ReadSpdx(*core::InputFile::FromMemory(text, "s.json"), &d);
    return s.ok() ? std::string("ok") : s.error().ToString();
  };
  const std::string head = R"({"spdxVersion": "SPDX-2.3", )";
  EXPECT_EQ(err(head + R"("packages": {}})"), "s.json:/packages: expected array, got object");
  EXPECT_EQ(err(head + R"("packages": [{"name": "a", "externalRefs": "x"}]})"),
            "s.json:/packages/0/externalRefs: expected array, got string");
  EXPECT_EQ(err(head + R"("packages": [{"name": "a", "licenseConcluded": 1}]})"),
            "s.json:/packages/0/licenseConcluded: expected string, got number");
  EXPECT_EQ(err(head + R"("creationInfo": {"creators": [1]}})"),
            "s.json:/creationInfo/creators/0: expected string, got number");
  EXPECT_EQ(err(R"({"spdxVersion": "2.3"})"), R"(s.json:/spdxVersion: unsupported spdxVersion "2.3" (expected SPDX-2.2 or SPDX-2.3))");
  EXPECT_EQ(err(R"({"packages": []})"), "s.json: not SPDX: no spdxVersion");
  // Spec versions other than 2.2 and 2.3 (the CycloneDX half of this check
  // is ReaderStrictTest.UnknownSpecVersionsAreErrors).
  EXPECT_EQ(SpdxResult(R"("packages": []})", "SPDX-2.2"), "ok 0 components, 0 repeats");
  EXPECT_EQ(SpdxResult(R"("packages": []})", "SPDX-9.9"),
            R"(s.json:/spdxVersion: unsupported spdxVersion "SPDX-9.9" (expected SPDX-2.2 or SPDX-2.3))");
  EXPECT_EQ(SpdxResult(R"("packages": []})", "SPDX-2.1"),
            R"(s.json:/spdxVersion: unsupported spdxVersion "SPDX-2.1" (expected SPDX-2.2 or SPDX-2.3))");
}

TEST(ReaderStrictTest, SpdxIdReusedWithOtherContentIsAnError) {
  EXPECT_EQ(SpdxResult(R"("packages": [
      {"SPDXID": "SPDXRef-p", "name": "p", "licenseConcluded": "MIT"},
      {"SPDXID": "SPDXRef-p", "name": "p", "licenseConcluded": "AGPL-3.0-only"}]})"),
            "s.json:/packages/1: SPDXID 'SPDXRef-p' repeats /packages/0 with a different license");
  EXPECT_EQ(SpdxResult(R"("packages": [
      {"SPDXID": "SPDXRef-p", "name": "p", "licenseConcluded": "MIT"},
      {"SPDXID": "SPDXRef-p", "name": "p", "licenseConcluded": "MIT"}]})"),
            "ok 1 components, 1 repeats");
}

}  // namespace
}  // namespace secgate::sbom
