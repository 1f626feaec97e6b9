// secgate-sbom on SBOMs crafted to slip a license past the policy: a
// component reusing another's bom-ref/SPDXID, a license id "excepted" by
// another license (MIT WITH AGPL-3.0-only), a CycloneDX license with both
// id and name, and spec versions no reader knows. Each either fails the
// gate (exit 1) or is a malformed SBOM (exit 2, one line naming the place).
#include <gtest/gtest.h>

#include "tests/e2e/sbom/sbom_e2e_util.h"

namespace secgate::sbom_e2e {
namespace {

using testing::TempDir;

const char kDenyAgpl[] = "sbom:\n  licenses:\n    deny: [AGPL-3.0-only]\n    unknown: fail\n";

// A complete CycloneDX 1.6 document (every field the proprietary preset
// requires) around `components`.
std::string Cdx(const std::string& components, const char* version = "1.6") {
  return std::string(R"({"bomFormat": "CycloneDX", "specVersion": ")") + version +
         R"(", "version": 1,
    "metadata": {"timestamp": "2026-10-01T00:00:00Z", "authors": [{"name": "Ann"}]},
    "components": [)" + components + "]}";
}

std::string Component(const std::string& ref, const std::string& name,
                      const std::string& licenses) {
  return R"({"type": "library", "bom-ref": ")" + ref + R"(", "name": ")" + name +
         R"(", "version": "1.0.0", "purl": "pkg:npm/)" + name +
         R"(@1.0.0", "supplier": {"name": "ACME"}, "licenses": )" + licenses + "}";
}

TEST(SbomStrictTest, ReusedBomRefHidingAnAgplPackageIsAnError) {
  TempDir dir;
  const std::string mit = R"([{"license": {"id": "MIT"}}])";
  const std::string agpl = R"([{"license": {"id": "AGPL-3.0-only"}}])";
  GateRun g = RunGate(dir, kDenyAgpl,
                      {dir.Write("bom.json", Cdx(Component("pkg-1", "left-pad", mit) + "," +
                                                 Component("pkg-1", "left-pad", agpl)))});
  EXPECT_EQ(g.code, 2) << g.err;
  EXPECT_EQ(g.err, ErrorLine(dir, "bom.json",
                             ":/components/1: bom-ref 'pkg-1' repeats /components/0 with a "
                             "different license"));
  EXPECT_EQ(g.report["verdict"], "error");
}

TEST(SbomStrictTest, ReusedSpdxIdHidingAnAgplPackageIsAnError) {
  TempDir dir;
  const std::string spdx = R"({"spdxVersion": "SPDX-2.3", "SPDXID": "SPDXRef-DOCUMENT",
    "name": "web", "packages": [
      {"SPDXID": "SPDXRef-Package-1", "name": "left-pad", "versionInfo": "1.0.0",
       "licenseConcluded": "MIT"},
      {"SPDXID": "SPDXRef-Package-1", "name": "evil", "versionInfo": "1.0.0",
       "licenseConcluded": "AGPL-3.0-only"}]})";
  GateRun g = RunGate(dir, kDenyAgpl, {dir.Write("bom.spdx.json", spdx)});
  EXPECT_EQ(g.code, 2) << g.err;
  EXPECT_EQ(g.err, ErrorLine(dir, "bom.spdx.json",
                             ":/packages/1: SPDXID 'SPDXRef-Package-1' repeats /packages/0 with "
                             "a different name, license"));
}

TEST(SbomStrictTest, IdenticalRepeatIsReadOnce) {
  TempDir dir;
  const std::string mit = R"([{"license": {"id": "MIT"}}])";
  GateRun g = RunGate(dir, kDenyAgpl,
                      {dir.Write("bom.json", Cdx(Component("pkg-1", "left-pad", mit) + "," +
                                                 Component("pkg-1", "left-pad", mit)))});
  EXPECT_EQ(g.code, 0) << g.err;
  EXPECT_EQ(g.report["inputs"][0]["skipped"]["duplicate bom-refs"], 1);
}

TEST(SbomStrictTest, LicenseAfterWithFailsTheProprietaryPreset) {
  TempDir dir;
  const std::string preset = testing::ReadFile(testing::SourceRoot() + "/policies/proprietary.yaml");
  ASSERT_FALSE(preset.empty());
  const std::string with = R"([{"expression": "MIT WITH AGPL-3.0-only"}])";
  GateRun g = RunGate(dir, preset, {dir.Write("bom.json", Cdx(Component("c", "copyleft", with)))});
  EXPECT_EQ(g.code, 1) << g.err;
  EXPECT_EQ(WithDisposition(g.report, "violation"), std::vector<std::string>{"unknown-license copyleft"});
  EXPECT_EQ(FindingFor(g.report, "unknown-license", "copyleft")["message"],
            "license of copyleft@1.0.0 is unknown: unparseable license expression `MIT WITH "
            "AGPL-3.0-only` ('AGPL-3.0-only' after WITH is not an SPDX license exception id (or "
            "AdditionRef-…))");
  // The same under a deny list with unknown: fail.
  GateRun d = RunGate(dir, kDenyAgpl, {dir.path() + "/bom.json"});
  EXPECT_EQ(d.code, 1) << d.err;
  // A real exception still parses and is judged by its license.
  const std::string llvm = R"([{"expression": "Apache-2.0 WITH LLVM-exception"}])";
  GateRun ok = RunGate(dir, preset, {dir.Write("ok.json", Cdx(Component("c", "llvm", llvm)))});
  EXPECT_EQ(ok.code, 0) << ok.out << ok.err;
}

TEST(SbomStrictTest, LicenseWithIdAndNameIsAnError) {
  TempDir dir;
  const std::string both = R"([{"license": {"id": "MIT", "name": "AGPL-3.0-only"}}])";
  GateRun g = RunGate(dir, kDenyAgpl, {dir.Write("bom.json", Cdx(Component("c", "x", both)))});
  EXPECT_EQ(g.code, 2) << g.err;
  EXPECT_EQ(g.err, ErrorLine(dir, "bom.json",
                             ":/components/0/licenses/0/license: expected id or name, not both"));
}

TEST(SbomStrictTest, UnknownSpecVersionsAreErrors) {
  TempDir dir;
  const std::string mit = R"([{"license": {"id": "MIT"}}])";
  GateRun c = RunGate(dir, "", {dir.Write("c.json", Cdx(Component("c", "x", mit), "2.0"))});
  EXPECT_EQ(c.code, 2) << c.err;
  EXPECT_EQ(c.err, ErrorLine(dir, "c.json",
                             R"(:/specVersion: unsupported CycloneDX specVersion "2.0" (expected 1.2-1.7))"));
  GateRun s = RunGate(dir, "", {dir.Write("s.json", R"({"spdxVersion": "SPDX-9.9",
      "packages": [{"SPDXID": "SPDXRef-a", "name": "a", "licenseConcluded": "MIT"}]})")});
  EXPECT_EQ(s.code, 2) << s.err;
  EXPECT_EQ(s.err, ErrorLine(dir, "s.json",
                             R"(:/spdxVersion: unsupported spdxVersion "SPDX-9.9" (expected SPDX-2.2 or SPDX-2.3))"));
}

}  // namespace
}  // namespace secgate::sbom_e2e
