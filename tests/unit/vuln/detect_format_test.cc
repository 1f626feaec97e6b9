// Unit tests for format detection (detect_format.cc): every real fixture is
// detected as its format, and what is not a vulnerability report is refused.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <utility>

#include "tests/unit/vuln/reader_test_util.h"

namespace secgate::vuln {
namespace {

std::string Detect(const std::string& content, std::string* error = nullptr) {
  secgate::testing::TempDir dir;
  auto in = core::InputFile::Open(dir.Write("in.json", content));
  auto f = DetectFormat(**in);
  if (!f) {
    if (error) *error = f.error().ToString().substr(dir.path().size() + 1);
    return "";
  }
  return std::string((*f)->name);
}

std::string DetectFixture(const std::string& rel) {
  return Detect(secgate::testing::ReadFile(secgate::testing::Fixture(rel)));
}

TEST(DetectFormat, RealFixtures) {
  const std::pair<const char*, const char*> cases[] = {
      {"vuln/trivy/alpine-39.json", "trivy"},
      {"vuln/trivy/report-legacy-old.json", "trivy"},
      {"vuln/grype/dd-many_vulns3.json", "grype"},
      {"vuln/grype/TestEmptyJsonPresenter.json", "grype"},
      {"vuln/npm-audit/auditci-npm7-high.json", "npm-audit-v2"},
      {"vuln/npm-audit/auditci-npm6-high.json", "npm-audit-v1"},
      {"vuln/pnpm-audit/auditci-pnpm-high.json", "npm-audit-v1"},
      {"vuln/yarn-audit/auditci-yarn2-high.json", "npm-audit-v1"},
      {"vuln/yarn-audit/auditci-yarn1-high.jsonl", "yarn-classic"},
      {"vuln/yarn-audit/auditci-yarn1-none.jsonl", "yarn-classic"},
      {"vuln/yarn-audit/dd-yarn_audit_many_vul.json", "yarn-classic"},
      {"vuln/yarn-audit/auditci-yarn4-high.ndjson", "yarn4"},
      {"vuln/pip-audit/dd-many_vulns_new.json", "pip-audit"},
      {"vuln/pip-audit/dd-zero_vulns.json", "pip-audit"},
      {"vuln/cargo-audit/dd-many_findings.json", "cargo-audit"},
      {"vuln/osv-scanner/ci-results-empty.json", "osv-scanner"},
      {"vuln/osv-scanner/filter-some-want.json", "osv-scanner"},
      {"vuln/cyclonedx/bomex-vex.json", "cyclonedx"},
      {"vuln/cyclonedx/bomex-laravel-7.12.0-bom.1.2.json", "cyclonedx"},
  };
  std::set<std::string> detected;
  for (const auto& [path, format] : cases) {
    EXPECT_EQ(DetectFixture(path), format) << path;
    detected.insert(format);
  }
  // The table is the registry: every row with a sniff is reached by a real
  // fixture, and a row without one (a variant of another row's shape) is
  // reachable by --input-format. Names are unique; every row reads.
  std::set<std::string> names;
  for (const auto& f : Formats()) {
    const std::string name(f.name);
    EXPECT_TRUE(names.insert(name).second) << "duplicate row " << name;
    EXPECT_NE(f.read, nullptr) << name;
    EXPECT_EQ(FindFormat(name), &f) << name;
    if (f.sniff) EXPECT_EQ(detected.count(name), 1u) << name << " has a sniff but no fixture";
  }
  EXPECT_EQ(names.size(), 12u) << "a format was added: add its fixture above";
}

TEST(DetectFormat, RefusesWhatIsNotAReport) {
  std::string err;
  EXPECT_EQ(Detect("", &err), "");
  EXPECT_EQ(err, "in.json: file is empty");
  EXPECT_EQ(Detect("  \n", &err), "");
  EXPECT_EQ(err, "in.json: file is empty (only white space)");
  EXPECT_EQ(Detect(std::string("\x7f" "ELF\x02\x01\x01\x00", 8), &err), "");
  EXPECT_EQ(err, "in.json: not a scanner report: binary data");
  EXPECT_EQ(Detect(R"({"spdxVersion":"SPDX-2.3","packages":[]})", &err), "");
  EXPECT_EQ(err.rfind("in.json: an SPDX document is not a vulnerability report", 0), 0u) << err;
  EXPECT_EQ(Detect(R"({"hello":1})", &err), "");
  EXPECT_EQ(err.rfind("in.json: not a recognised scanner report (a JSON object with keys: hello)", 0), 0u) << err;
  EXPECT_EQ(Detect("[]", &err), "");
  EXPECT_EQ(err.rfind("in.json: not a recognised scanner report (a JSON array)", 0), 0u) << err;
}

TEST(DetectFormat, NpmErrorGoesToTheNpmReader) {
  EXPECT_EQ(Detect(R"({"error":{"code":"ENOLOCK","summary":"no lockfile"}})"), "npm-audit-v2");
}

TEST(DetectFormat, FindFormatAcceptsUnderscores) {
  ASSERT_NE(FindFormat("npm_audit_v2"), nullptr);
  EXPECT_EQ(FindFormat("npm_audit_v2")->name, "npm-audit-v2");
  EXPECT_EQ(FindFormat("nessus"), nullptr);
}

}  // namespace
}  // namespace secgate::vuln
