// What the SBOM readers refuse (exit 2 in the gate) because reading it
// would leave part of the document unjudged: a bom-ref/SPDXID reused by a
// component with other content, a CycloneDX license with both id and name
// (or both license and expression), and spec versions the readers do not
// know. Identical repeats of a reference are still read once and counted.
#include <gtest/gtest.h>

#include "gates/sbom/license_policy.h"
#include "gates/sbom/readers/reader.h"

namespace secgate::sbom {
namespace {

std::string CdxResult(const std::string& body, const char* version = "1.6") {
  SbomDocument d;
  auto s = ReadCycloneDxString(
      std::string(R"({"bomFormat": "CycloneDX", "specVersion": ")") + version + "\", " + body,
      "t.json", &d);
  return s.ok() ? "ok " + std::to_string(d.components.size()) + " components, " +
                      std::to_string(d.duplicate_refs) + " repeats"
                : s.error().ToString();
}

std::string SpdxResult(const std::string& body, const char* version = "SPDX-2.3") {
  SbomDocument d;
  auto s = ReadSpdxString(std::string(R"({"spdxVersion": ")") + version + "\", " + body,
                          "s.json", &d);
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
  auto none = ReadCycloneDxString(R"({"bomFormat": "CycloneDX", "components": []})", "t.json", &d);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().ToString(), "t.json: not CycloneDX: no specVersion");

  EXPECT_EQ(SpdxResult(R"("packages": []})", "SPDX-2.2"), "ok 0 components, 0 repeats");
  EXPECT_EQ(SpdxResult(R"("packages": []})", "SPDX-9.9"),
            R"(s.json:/spdxVersion: unsupported spdxVersion "SPDX-9.9" (expected SPDX-2.2 or SPDX-2.3))");
  EXPECT_EQ(SpdxResult(R"("packages": []})", "SPDX-2.1"),
            R"(s.json:/spdxVersion: unsupported spdxVersion "SPDX-2.1" (expected SPDX-2.2 or SPDX-2.3))");
}

TEST(ReaderStrictTest, PolicyEntryWithALicenseAfterWithIsAnError) {
  auto p = CompileLicensePolicy({"MIT WITH AGPL-3.0-only"}, {});
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().message,
            "'MIT WITH AGPL-3.0-only' is not a license id: 'AGPL-3.0-only' after WITH is not an "
            "SPDX license exception id (or AdditionRef-…)");
}

}  // namespace
}  // namespace secgate::sbom
