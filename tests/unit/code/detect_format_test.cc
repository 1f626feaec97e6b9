// Tests for gates/code/readers/detect_format.cc: every row of CodeFormats()
// is reached by a real fixture through its sniff, the table is the whole
// registry, SARIF of another version is refused by name, and what is
// neither SARIF 2.1.0 nor a Trivy report is refused with the table's names.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <utility>

#include "gates/code/readers/reader.h"
#include "tests/testing/run_process.h"

namespace secgate::code {
namespace {

std::string Detect(const std::string& content, std::string* error = nullptr) {
  auto in = core::InputFile::FromMemory(content, "in.json");
  auto f = DetectCodeFormat(*in);
  if (!f) {
    if (error) *error = f.error().ToString();
    return "";
  }
  return std::string((*f)->name);
}

TEST(DetectCodeFormat, RealFixturesReachEveryRow) {
  const std::pair<const char*, const char*> cases[] = {
      {"code/sarif/dd-codeQL-output.sarif", "sarif"},
      {"code/sarif/semgrep-ci-autofix.sarif", "sarif"},
      {"code/sarif/codacy-dartanalyzer.sarif", "sarif"},  // no version: its $schema
      {"code/sarif/dd-spec-appendix_k1.sarif", "sarif"},
      {"code/trivy/trivy-helm_testchart.json", "trivy"},
      {"code/trivy/dd-trivy-k8s-kubernetes.json", "trivy"},
      {"code/trivy/trivy-secrets.json", "trivy"},
  };
  std::set<std::string> detected;
  for (const auto& [path, format] : cases) {
    EXPECT_EQ(Detect(secgate::testing::ReadFile(secgate::testing::Fixture(path))), format)
        << path;
    detected.insert(format);
  }
  std::set<std::string> names;
  for (const auto& f : CodeFormats()) {
    const std::string name(f.name);
    EXPECT_TRUE(names.insert(name).second) << "duplicate row " << name;
    EXPECT_NE(f.read, nullptr) << name;
    EXPECT_NE(f.sniff, nullptr) << name;
    EXPECT_EQ(FindCodeFormat(name), &f) << name;
    EXPECT_EQ(detected.count(name), 1u) << name << " has no fixture above";
  }
  EXPECT_EQ(names.size(), 2u) << "a format was added: add its fixture above";
  EXPECT_EQ(FindCodeFormat("sarif-1"), nullptr);
}

TEST(DetectCodeFormat, OtherSarifVersionsAreRefusedByName) {
  for (const char* version : {"1.0.0", "2.0.0", "2.1.1"}) {
    std::string error;
    EXPECT_EQ(Detect(std::string(R"({"version": ")") + version + R"(", "runs": []})", &error),
              "");
    EXPECT_EQ(error, std::string("in.json: SARIF ") + version +
                         " is not supported (secgate-code reads SARIF 2.1.0; convert older "
                         "logs with the SARIF SDK's multitool)");
  }
}

TEST(DetectCodeFormat, AnythingElseIsRefusedWithTheTable) {
  std::string error;
  EXPECT_EQ(Detect(R"({"matches": []})", &error), "");
  EXPECT_EQ(error, "in.json: not a SARIF 2.1.0 log or Trivy report (a JSON object with keys: "
                   "matches); supported: sarif, trivy (or name one with --input-format)");
  EXPECT_EQ(Detect("", &error), "");
  EXPECT_EQ(error, "in.json: file is empty");
}

}  // namespace
}  // namespace secgate::code
