// CycloneDX and SPDX readers over in-memory documents: every shape the
// readers accept, and the exact errors for wrong types.
#include <gtest/gtest.h>

#include "gates/sbom/readers/reader.h"

namespace secgate::sbom {
namespace {

using Kind = LicenseEntry::Kind;

SbomDocument ReadCdx(const std::string& text) {
  SbomDocument d;
  auto s = ReadCycloneDxString(text, "t.json", &d);
  EXPECT_TRUE(s.ok()) << s.error().ToString();
  return d;
}

std::string CdxError(const std::string& text) {
  SbomDocument d;
  auto s = ReadCycloneDxString(text, "t.json", &d);
  return s.ok() ? "ok" : s.error().ToString();
}

TEST(CycloneDxReaderTest, NestedComponentsAndLicenseShapes) {
  SbomDocument d = ReadCdx(R"({
    "bomFormat": "CycloneDX", "specVersion": "1.7",
    "metadata": {"timestamp": "2026-01-01T00:00:00Z",
                 "tools": {"components": [{"type": "application", "name": "syft"}]},
                 "component": {"type": "application", "name": "shop"}},
    "components": [
      {"type": "library", "bom-ref": "a", "name": "a", "version": "1",
       "purl": "pkg:npm/a@1", "supplier": {"name": "ACME"},
       "hashes": [{"alg": "SHA-256", "content": "ab"}],
       "licenses": [{"license": {"id": "MIT"}}, {"expression": "Apache-2.0 OR MIT"}],
       "components": [
         {"type": "library", "bom-ref": "b", "name": "b", "group": "g",
          "licenses": [{"license": {"name": "Custom"}}],
          "components": [{"type": "library", "bom-ref": "c", "name": "c",
                          "cpe": "cpe:2.3:a:x:c:1:*:*:*:*:*:*:*"}]}]},
      {"type": "library", "name": "d", "publisher": "Pub"}
    ],
    "dependencies": [{"ref": "a", "dependsOn": ["b"]}, {"ref": "b", "dependsOn": ["a"]}]
  })");
  ASSERT_EQ(d.components.size(), 4u);
  EXPECT_EQ(d.format, "cyclonedx");
  EXPECT_EQ(d.spec_version, "1.7");
  EXPECT_EQ(d.name, "shop");
  EXPECT_EQ(d.timestamp, "2026-01-01T00:00:00Z");
  EXPECT_EQ(d.authors, std::vector<std::string>{"Tool: syft"});
  const Component& a = d.components[0];
  EXPECT_EQ(a.supplier, "ACME");
  EXPECT_EQ(a.hashes, 1);
  ASSERT_EQ(a.licenses.size(), 2u);
  EXPECT_EQ(a.licenses[0].kind, Kind::kId);
  EXPECT_EQ(a.licenses[1].kind, Kind::kExpression);
  EXPECT_EQ(a.licenses[1].text, "Apache-2.0 OR MIT");
  EXPECT_EQ(d.components[1].DisplayName(), "g/b");
  EXPECT_EQ(d.components[1].pointer, "/components/0/components/0");
  EXPECT_EQ(d.components[1].licenses[0].kind, Kind::kName);
  EXPECT_EQ(d.components[2].pointer, "/components/0/components/0/components/0");
  EXPECT_EQ(d.components[2].other_ids.size(), 1u);
  EXPECT_EQ(d.components[3].supplier, "Pub");
  EXPECT_EQ(d.dependencies.size(), 2u);  // the a <-> b cycle is just data
}

TEST(CycloneDxReaderTest, LegacyToolsArrayAuthorsAndRepeatedRefs) {
  SbomDocument d = ReadCdx(R"({"bomFormat": "CycloneDX", "specVersion": "1.4",
    "metadata": {"tools": [{"vendor": "v", "name": "cdxgen"}], "authors": [{"name": "Ann"}]},
    "components": [{"type": "library", "bom-ref": "x", "name": "x",
                    "components": [{"type": "library", "bom-ref": "x", "name": "x"}]}],
    "vulnerabilities": [{"id": "CVE-1"}]})");
  EXPECT_EQ(d.authors, (std::vector<std::string>{"Ann", "Tool: cdxgen"}));
  ASSERT_EQ(d.components.size(), 1u);
  EXPECT_EQ(d.duplicate_refs, 1);
  EXPECT_EQ(d.vulnerabilities, 1);
}

TEST(CycloneDxReaderTest, WrongTypesAreErrors) {
  const std::string head = R"({"bomFormat": "CycloneDX", "specVersion": "1.5", )";
  EXPECT_EQ(CdxError(head + R"("components": {}})"),
            "t.json:/components: expected array, got object");
  EXPECT_EQ(CdxError(head + R"("components": [{"type": "library", "name": 5}]})"),
            "t.json:/components/0/name: expected string, got number");
  EXPECT_EQ(CdxError(head + R"("components": [{"name": "a", "licenses": [{"x": 1}]}]})"),
            "t.json:/components/0/licenses/0: expected license or expression");
  EXPECT_EQ(CdxError(head + R"("components": [{"name": "a", "licenses": [{"license": {}}]}]})"),
            "t.json:/components/0/licenses/0/license: expected id or name");
  EXPECT_EQ(CdxError(head + R"("components": [{"name": "a", "components": [7]}]})"),
            "t.json:/components/0/components/0: expected object, got number");
  EXPECT_EQ(CdxError(head + R"("metadata": {"tools": "syft"}})"),
            "t.json:/metadata/tools: expected array or object, got string");
  EXPECT_EQ(CdxError(R"({"bomFormat": "Foo"})"), R"(t.json:/bomFormat: expected "CycloneDX", got "Foo")");
  EXPECT_EQ(CdxError(R"({"specVersion": "1.5"})"), "t.json: not CycloneDX: no bomFormat");
}

SbomDocument ReadSpdx(const std::string& text) {
  SbomDocument d;
  auto s = ReadSpdxString(text, "s.json", &d);
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
    auto s = ReadSpdxString(text, "s.json", &d);
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
}

}  // namespace
}  // namespace secgate::sbom
