// Tests for gates/sbom/readers/detect_format.cc: every real fixture is
// detected as its format through the table's sniffs, the table is the whole
// registry, and what is not a CycloneDX or SPDX JSON document is refused.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <utility>

#include "gates/sbom/readers/reader.h"
#include "tests/testing/run_process.h"

namespace secgate::sbom {
namespace {

std::string Detect(const std::string& content, std::string* error = nullptr) {
  secgate::testing::TempDir dir;
  auto in = core::InputFile::Open(dir.Write("in.json", content));
  auto f = DetectSbomFormat(**in);
  if (!f) {
    if (error) *error = f.error().ToString().substr(dir.path().size() + 1);
    return "";
  }
  return std::string((*f)->name);
}

TEST(DetectSbomFormat, RealFixturesAndTheRegistry) {
  const std::pair<const char*, const char*> cases[] = {
      {"sbom/cyclonedx/bomex-laravel-7.12.0-bom.1.2.json", "cyclonedx"},
      {"sbom/cyclonedx/trivy-npm-cyclonedx.json", "cyclonedx"},
      {"sbom/spdx/toolsjava-SPDXJSONExample-v2.2.spdx.json", "spdx"},
      {"sbom/spdx/trivy-sbom-happy-bom.spdx.json", "spdx"},
  };
  std::set<std::string> detected;
  for (const auto& [path, format] : cases) {
    EXPECT_EQ(Detect(secgate::testing::ReadFile(secgate::testing::Fixture(path))), format) << path;
    detected.insert(format);
  }
  for (const char* name : {"cyclonedx", "spdx"}) {
    const SbomFormat* f = FindSbomFormat(name);
    ASSERT_NE(f, nullptr) << name;
    EXPECT_NE(f->read, nullptr);
    EXPECT_NE(f->sniff, nullptr);
    EXPECT_EQ(detected.count(name), 1u) << name;
  }
  EXPECT_EQ(FindSbomFormat("spdx-tv"), nullptr);
}

TEST(DetectSbomFormat, RefusesWhatIsNotAnSbom) {
  std::string err;
  EXPECT_EQ(Detect(R"({"hello":1,"bomFormat":"SPDX"})", &err), "");
  EXPECT_EQ(err, "in.json: not a CycloneDX or SPDX JSON document (a JSON object with keys: "
                 "hello, bomFormat)");
  EXPECT_EQ(Detect("SPDXVersion: SPDX-2.3\n", &err), "");
  EXPECT_NE(err.find("tag-value"), std::string::npos) << err;
  EXPECT_EQ(Detect("<bom/>", &err), "");
  EXPECT_NE(err.find("XML"), std::string::npos) << err;
  EXPECT_EQ(Detect(R"({"bomFormat":"CycloneDX","bomFormat":"CycloneDX"})", &err), "");
  EXPECT_NE(err.find("duplicate"), std::string::npos) << err;
  EXPECT_EQ(Detect("[1,2]", &err), "");
  EXPECT_NE(err.find("a JSON array"), std::string::npos) << err;
}

}  // namespace
}  // namespace secgate::sbom
