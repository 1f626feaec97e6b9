// secgate-sbom on SBOMs with a duplicate key: ambiguous (readers disagree on
// which copy wins), so exit 2 naming the object and the key, whether the
// member is read (a component's licenses) or not, and before detection.
#include <gtest/gtest.h>

#include "tests/e2e/sbom/sbom_e2e_util.h"

namespace secgate::sbom_e2e {
namespace {

using testing::TempDir;

const char kSuffix[] = " (ambiguous: JSON readers disagree on which copy wins)\n";

TEST(SbomDuplicateKeysTest, ComponentLicenseTwiceIsRefused) {
  TempDir dir;
  // Before: the last "id" won, so a denied licence could be hidden behind it.
  std::string path = dir.Write(
      "bom.json",
      R"({"bomFormat":"CycloneDX","specVersion":"1.5","components":[{"type":"library","name":"x",)"
      R"("version":"1","licenses":[{"license":{"id":"GPL-3.0-only","id":"MIT"}}]}]})");
  GateRun g = RunGate(dir, "sbom:\n  licenses:\n    deny: [GPL-3.0-only]\n", {path});
  EXPECT_EQ(g.code, 2);
  EXPECT_EQ(g.err, "secgate-sbom: error: " + path +
                       ":/components/0/licenses/0/license: duplicate key \"id\"" + kSuffix);
}

TEST(SbomDuplicateKeysTest, DuplicateBeforeDetectionNamesTheKey) {
  TempDir dir;
  std::string path = dir.Write("bom.json", R"({"x":1,"x":2,"bomFormat":"CycloneDX","specVersion":"1.5"})");
  GateRun g = RunGate(dir, "", {path});
  EXPECT_EQ(g.code, 2);
  EXPECT_EQ(g.err, "secgate-sbom: error: " + path + ":/: duplicate key \"x\"" + kSuffix);
}

}  // namespace
}  // namespace secgate::sbom_e2e
