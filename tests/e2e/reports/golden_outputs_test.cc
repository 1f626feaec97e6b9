// Every report format of every gate compared byte for byte with golden
// files, on real fixtures: the safety net for refactoring the seams between
// gates, core and reporters (issue 14 asks for byte-identical output). One
// case per reader format for secgate-vuln (several inputs merged in one
// run, with waivers that waive, expire soon and have expired), both SBOM
// formats under a deny policy, secgate-secrets on a file with several
// providers' tokens (outputs are redacted, so no value is in a golden file;
// the test checks that too), an error run, and the waiver report. The tool
// version is the only part replaced (by @VERSION@) before comparing.
//
// To rewrite the golden files after an intended change:
//   SECGATE_UPDATE_GOLDEN=1 build/tests/e2e/reports/reports_e2e_test --gtest_filter='GoldenOutputs*'
// and review the diff like code.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "tests/e2e/reports/reports_e2e.h"

namespace secgate::reports_e2e {
namespace {

using secgate::testing::Fixture;
using secgate::testing::GateBinary;
using secgate::testing::ReadFile;
using secgate::testing::RunProcess;
using secgate::testing::SourceRoot;
using secgate::testing::TempDir;

// The report files every gate run writes, by --report format name.
const std::vector<std::pair<std::string, std::string>> kFormats = {
    {"text", "txt"}, {"json", "json"}, {"markdown", "md"}, {"junit", "xml"}, {"sarif", "sarif"},
};

std::string GoldenPath(const std::string& name) {
  return SourceRoot() + "/tests/e2e/reports/golden/outputs/" + name;
}

std::string Version(const std::string& gate) {
  ProcessResult r = RunProcess({GateBinary(gate), "--version"});
  std::string v = r.out;
  // "secgate-vuln 0.4.0\n" -> "0.4.0"
  size_t space = v.rfind(' ');
  if (space != std::string::npos) v = v.substr(space + 1);
  while (!v.empty() && (v.back() == '\n' || v.back() == '\r')) v.pop_back();
  return v;
}

std::string WithoutVersion(std::string text, const std::string& version) {
  if (version.empty()) return text;
  for (size_t at = text.find(version); at != std::string::npos;
       at = text.find(version, at + 1))
    text.replace(at, version.size(), "@VERSION@");
  return text;
}

void ExpectGolden(const std::string& actual_raw, const std::string& version,
                  const std::string& golden) {
  std::string actual = WithoutVersion(actual_raw, version);
  if (std::getenv("SECGATE_UPDATE_GOLDEN")) {
    std::ofstream(GoldenPath(golden), std::ios::binary) << actual;
    return;
  }
  ASSERT_TRUE(std::ifstream(GoldenPath(golden)).good()) << "missing golden file " << golden;
  std::string expected = ReadFile(GoldenPath(golden));
  EXPECT_EQ(actual, expected) << golden << " differs (see the header to update)";
}

// Runs `gate` in `dir` with every report format; compares each report and
// the stdout text with golden files named `<name>.<ext>`.
void RunAndCompare(const TempDir& dir, const std::string& gate, std::vector<std::string> args,
                   int want_exit, const std::string& name) {
  std::vector<std::string> argv = {GateBinary(gate), "--today", kToday, "--no-github",
                                   "--color", "never"};
  for (const auto& [format, ext] : kFormats)
    argv.insert(argv.end(), {"--report", format + "=out." + ext});
  argv.insert(argv.end(), args.begin(), args.end());
  ProcessResult r = RunProcess(
      argv, {.cwd = dir.path(),
             .unset_env = {"GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "NO_COLOR", "CI"}});
  ASSERT_EQ(r.exit_code, want_exit) << name << ": " << r.err;
  const std::string version = Version(gate);
  ExpectGolden(r.out, version, name + ".stdout");
  ExpectGolden(r.err, version, name + ".stderr");
  for (const auto& [format, ext] : kFormats)
    ExpectGolden(ReadFile(dir.path() + "/out." + ext), version, name + "." + ext);
}

constexpr char kVulnWaivers[] =
    "version: 1\n"
    "waivers:\n"
    "  - id: CVE-2019-14697\n"
    "    gate: vuln\n"
    "    owner: alice@example.com\n"
    "    reason: musl is not used at runtime; tracked in SEC-1\n"
    "    created: 2025-12-01\n"
    "    expires: 2026-02-20\n"
    "  - id: CVE-2019-18224\n"
    "    gate: vuln\n"
    "    owner: bob@example.com\n"
    "    reason: upgrade scheduled in SEC-2\n"
    "    created: 2025-12-01\n"
    "    expires: 2026-01-20\n"
    "  - id: GHSA-jf85-cpcp-j695\n"
    "    gate: vuln\n"
    "    owner: carol@example.com\n"
    "    reason: lodash only in dev tooling, SEC-3\n"
    "    created: 2025-12-01\n"
    "    expires: 2026-03-01\n";

struct VulnCase {
  std::string name;
  std::vector<std::string> fixtures;  // under tests/fixtures/vuln/
  int want_exit;
};

// One row per reader the gate has (several inputs where one fixture alone
// would not exercise merging).
const std::vector<VulnCase>& VulnCases() {
  static const std::vector<VulnCase> cases = {
      {"vuln-trivy", {"trivy/alpine-39.json", "trivy/debian-buster.json"}, 1},
      {"vuln-grype", {"grype/dd-many_vulns3.json"}, 1},
      {"vuln-npm-v1", {"npm-audit/auditci-npm6-high.json"}, 1},
      {"vuln-npm-v2", {"npm-audit/auditci-npm7-critical.json"}, 1},
      {"vuln-yarn-classic", {"yarn-audit/auditci-yarn1-high.jsonl"}, 1},
      {"vuln-yarn4", {"yarn-audit/auditci-yarn2-high.json"}, 1},
      {"vuln-pnpm", {"pnpm-audit/auditci-pnpm-high.json"}, 1},
      {"vuln-pip-audit", {"pip-audit/dd-many_vulns_new.json"}, 1},
      {"vuln-cargo-audit", {"cargo-audit/dd-many_findings.json"}, 1},
      {"vuln-osv-scanner", {"osv-scanner/ci-results-some.json"}, 1},
      {"vuln-cyclonedx-vex", {"cyclonedx/dd-jake2.json", "cyclonedx/bomex-cisa-case1-vex-affected.json"}, 1},
      {"vuln-none", {"npm-audit/auditci-npm7-none.json", "pip-audit/dd-zero_vulns.json"}, 0},
  };
  return cases;
}

TEST(GoldenOutputsTest, VulnEveryReader) {
  for (const VulnCase& c : VulnCases()) {
    SCOPED_TRACE(c.name);
    TempDir dir;
    dir.Write("secgate-waivers.yaml", kVulnWaivers);
    std::vector<std::string> args = {"--waivers", "secgate-waivers.yaml", "--fail-on", "medium"};
    for (const std::string& f : c.fixtures) {
      std::string base = f.substr(f.rfind('/') + 1);
      dir.Write(base, ReadFile(Fixture("vuln/" + f)));
      args.push_back(base);
    }
    RunAndCompare(dir, "secgate-vuln", args, c.want_exit, c.name);
  }
}

TEST(GoldenOutputsTest, VulnErrorRun) {
  TempDir dir;
  dir.Write("broken.json", "{\"SchemaVersion\": 2, \"Results\": [");
  RunAndCompare(dir, "secgate-vuln", {"broken.json"}, 2, "vuln-error");
}

TEST(GoldenOutputsTest, SbomBothFormatsUnderADenyPolicy) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"sbom-cyclonedx", "sbom/cyclonedx/dd-jake2.json"},
      {"sbom-spdx", "sbom/spdx/toolsjava-SPDXJSONExample-v2.2.spdx.json"},
  };
  for (const auto& [name, fixture] : cases) {
    SCOPED_TRACE(name);
    TempDir dir;
    dir.Write("bom.json", ReadFile(Fixture(fixture)));
    dir.Write("secgate.yaml",
              "version: 1\nsbom:\n  licenses:\n    deny: [Apache-2.0, GPL-2.0-only, MPL-1.0, LGPL-2.0-only]\n"
              "    unknown: warn\n");
    RunAndCompare(dir, "secgate-sbom", {"--policy", "secgate.yaml", "bom.json"}, 1, name);
  }
}

// Tokens in the shapes their providers document; built at run time so this
// source file holds no token-shaped literal.
std::string SecretsFile(std::vector<std::string>* values) {
  std::string gh = "ghp_" + std::string("Zq8vK2mN4pR7sT1wX3yB5cD6eF9gH0jL2kM4");
  std::string aws = "AKIA" + std::string("QWERTYUI7Z2X4C6V");
  std::string slack = "xoxb-" + std::string("1234567890-1234567890123-") +
                      std::string("aB3dE5fG7hJ9kL1mN3pQ5rS7");
  values->insert(values->end(), {gh, aws, slack});
  return "# deploy settings\n"
         "GITHUB_TOKEN=" + gh + "\n"
         "aws_access_key_id = " + aws + "\n"
         "slack:\n  bot_token: \"" + slack + "\"\n";
}

TEST(GoldenOutputsTest, SecretsFilesMode) {
  TempDir dir;
  std::vector<std::string> values;
  dir.Write("config.env", SecretsFile(&values));
  RunAndCompare(dir, "secgate-secrets", {"config.env"}, 1, "secrets-files");
  for (const auto& [format, ext] : kFormats) {
    std::string out = ReadFile(dir.path() + "/out." + ext);
    for (const std::string& v : values)
      EXPECT_EQ(out.find(v), std::string::npos) << "a secret value in the " << format << " report";
  }
}

TEST(GoldenOutputsTest, WaiversReport) {
  TempDir dir;
  dir.Write("secgate-waivers.yaml", kVulnWaivers);
  dir.Write("alpine-39.json", ReadFile(Fixture("vuln/trivy/alpine-39.json")));
  ProcessResult gate = RunProcess({GateBinary("secgate-vuln"), "--today", kToday, "--no-github",
                                   "--report", "json=vuln.json", "alpine-39.json"},
                                  {.cwd = dir.path(), .unset_env = {"GITHUB_ACTIONS"}});
  ASSERT_EQ(gate.exit_code, 0) << gate.err;  // everything at or above high is waived
  for (const char* format : {"text", "markdown", "json", "html"}) {
    SCOPED_TRACE(format);
    ProcessResult r = RunProcess({GateBinary("secgate-waivers"), "report", "--today", kToday,
                                  "--format", format, "--waivers", "secgate-waivers.yaml",
                                  "--results", "vuln.json"},
                                 {.cwd = dir.path(), .unset_env = {"GITHUB_ACTIONS", "NO_COLOR"}});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    ExpectGolden(r.out, Version("secgate-waivers"), std::string("waivers-report.") + format);
  }
}

}  // namespace
}  // namespace secgate::reports_e2e
