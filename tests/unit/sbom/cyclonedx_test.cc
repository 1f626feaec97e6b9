// The CycloneDX reader (gates/sbom/readers/cyclonedx.cc) over in-memory
// documents: every shape it accepts, the exact errors for wrong types, and
// what it refuses because reading it would leave part of the document
// unjudged (a bom-ref reused by a component with other content, a license
// with both id and name or both license and expression, unknown spec
// versions). Identical repeats of a bom-ref are read once and counted.
#include <gtest/gtest.h>

#include "gates/sbom/readers/reader.h"

namespace secgate::sbom {
namespace {

using Kind = LicenseEntry::Kind;

SbomDocument ReadCdx(const std::string& text) {
  SbomDocument d;
  auto s = ReadCycloneDx(*core::InputFile::FromMemory(text, "t.json"), &d);
  EXPECT_TRUE(s.ok()) << s.error().ToString();
  return d;
}

std::string CdxError(const std::string& text) {
  SbomDocument d;
  auto s = ReadCycloneDx(*core::InputFile::FromMemory(text, "t.json"), &d);
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

std::string CdxResult(const std::string& body, const char* version = "1.6") {
  SbomDocument d;
  auto s = ReadCycloneDx(*core::InputFile::FromMemory(std::string(R"({"bomFormat": "CycloneDX", "specVersion": ")") + version + "\", " + body, "t.json"), &d);
  return s.ok() ? "ok " + std::to_string(d.components.size()) + " components, " +
                      std::to_string(d.duplicate_refs) + " repeats"
                : s.error().ToString();
}

TEST(ReaderStrictTest, CycloneDxRefReusedWithOtherContentIsAnError) {
  // The hole: the AGPL package reused the MIT package's bom-ref and was
  // dropped as "already read".
  EXPECT_EQ(CdxResult(R"("components": [
      {"bom-ref": "r", "name": "ok", "version": "1", "licenses": [{"license": {"id": "MIT"}}]},
      {"bom-ref": "r", "name": "ok", "version": "1",
       "licenses": [{"license": {"id": "AGPL-3.0-only"}}]}]})"),
            "t.json:/components/1: bom-ref 'r' repeats /components/0 with a different license");
  EXPECT_EQ(CdxResult(R"("components": [
      {"bom-ref": "r", "name": "a", "components": [{"bom-ref": "r", "name": "b", "version": "2"}]}]})"),
            "t.json:/components/0/components/0: bom-ref 'r' repeats /components/0 with a "
            "different name, version");
  EXPECT_EQ(CdxResult(R"("components": [{"bom-ref": "r", "name": "a", "purl": "pkg:npm/a@1"},
      {"bom-ref": "r", "name": "a", "purl": "pkg:npm/evil@1"}]})"),
            "t.json:/components/1: bom-ref 'r' repeats /components/0 with a different purl or "
            "other id");
}

TEST(ReaderStrictTest, IdenticalRepeatsAreReadOnceAndCounted) {
  EXPECT_EQ(CdxResult(R"("components": [
      {"bom-ref": "r", "name": "a", "licenses": [{"license": {"id": "MIT"}}]},
      {"bom-ref": "r", "name": "a", "description": "same package, other words",
       "licenses": [{"license": {"id": "MIT"}}]}]})"),
            "ok 1 components, 1 repeats");
  // Components without a bom-ref are never merged.
  EXPECT_EQ(CdxResult(R"("components": [{"name": "a"}, {"name": "a"}]})"),
            "ok 2 components, 0 repeats");
}

TEST(ReaderStrictTest, LicenseIdAndNameTogetherAreAnError) {
  EXPECT_EQ(CdxResult(R"("components": [{"name": "a",
      "licenses": [{"license": {"id": "MIT", "name": "AGPL-3.0-only"}}]}]})"),
            "t.json:/components/0/licenses/0/license: expected id or name, not both");
  EXPECT_EQ(CdxResult(R"("components": [{"name": "a",
      "licenses": [{"expression": "MIT", "license": {"id": "AGPL-3.0-only"}}]}]})"),
            "t.json:/components/0/licenses/0: expected license or expression, not both");
  EXPECT_EQ(CdxResult(R"("components": [{"name": "a",
      "licenses": [{"license": {"id": "MIT", "name": ""}}]}]})"),
            "ok 1 components, 0 repeats");
}

TEST(ReaderStrictTest, UnknownSpecVersionsAreErrors) {
  for (const char* v : {"1.2", "1.3", "1.4", "1.5", "1.6", "1.7"})
    EXPECT_EQ(CdxResult(R"("components": []})", v), "ok 0 components, 0 repeats") << v;
  EXPECT_EQ(CdxResult(R"("components": []})", "2.0"),
            R"(t.json:/specVersion: unsupported CycloneDX specVersion "2.0" (expected 1.2-1.7))");
  EXPECT_EQ(CdxResult(R"("components": []})", "1.1"),
            R"(t.json:/specVersion: unsupported CycloneDX specVersion "1.1" (expected 1.2-1.7))");
  SbomDocument d;
  auto none = ReadCycloneDx(*core::InputFile::FromMemory(R"({"bomFormat": "CycloneDX", "components": []})", "t.json"), &d);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().ToString(), "t.json: not CycloneDX: no specVersion");
}

}  // namespace
}  // namespace secgate::sbom
