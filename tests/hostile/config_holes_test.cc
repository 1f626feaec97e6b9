// Config and usage holes from the security review, through the real gate
// binaries: duplicate YAML keys and extra YAML documents in every YAML file a
// gate reads (items 9, 10), and usage errors that used to fall back to a
// default (item 27). Each must exit 2 with a one-line message.
#include <gtest/gtest.h>

#include "tests/hostile/hostile_util.h"

namespace secgate::hostile {
namespace {

using testing::ProcessResult;
using testing::TempDir;

constexpr const char* kEmptyTrivy = R"({"SchemaVersion": 2, "Results": []})";
constexpr const char* kEmptySbom =
    R"({"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1, "components": []})";

std::string OneLine(const ProcessResult& r) {
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
  return r.err;
}

TEST(ConfigHoles, DuplicateKeyInPolicyNamesFileAndLine) {
  TempDir dir;
  dir.Write("secgate.yaml", "version: 1\nvuln:\n  fail_on: low\n  fail_on: critical\n");
  dir.Write("r.json", kEmptyTrivy);
  ProcessResult r = RunGate("secgate-vuln", dir, {"r.json"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(OneLine(r), "secgate-vuln: error: secgate.yaml:4: duplicate key 'fail_on' (first on "
                        "line 3; YAML forbids repeated keys)\n");
}

TEST(ConfigHoles, DuplicateKeyInSecretRulePack) {
  TempDir dir;
  dir.Write("secgate.yaml", "version: 1\nsecrets:\n  rules: [pack.yaml]\n");
  dir.Write("pack.yaml",
            "version: 1\nrules:\n  - id: my-token\n    description: d\n    provider: P\n"
            "    regex: 'tok_[a-z0-9]{20}'\n    regex: 'x'\n");
  dir.Write("a.txt", "nothing here\n");
  ProcessResult r = RunGate("secgate-secrets", dir, {"a.txt"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(OneLine(r).find("pack.yaml:7: duplicate key 'regex' (first on line 6;"),
            std::string::npos);
}

TEST(ConfigHoles, SecondDocumentOrContentAfterEndMarkerIsRefused) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"version: 1\n...\nvuln:\n  fail_on: critical\n", "secgate.yaml:3"},
      {"version: 1\n---\nvuln:\n  fail_on: critical\n", "secgate.yaml:3"},
  };
  for (const auto& [policy, where] : cases) {
    TempDir dir;
    dir.Write("secgate.yaml", policy);
    dir.Write("s.json", kEmptySbom);
    ProcessResult r = RunGate("secgate-sbom", dir, {"s.json"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(OneLine(r), "secgate-sbom: error: " + where +
                              ": more than one YAML document (content after '...' or a second "
                              "'---'); expected exactly one\n");
  }
  TempDir dir;
  dir.Write("secgate.yaml", "version: 1\nsecrets:\n  rules: [pack.yaml]\n");
  dir.Write("pack.yaml", "version: 1\nrules: []\n---\nrules:\n  - id: x\n");
  dir.Write("a.txt", "nothing here\n");
  ProcessResult r = RunGate("secgate-secrets", dir, {"a.txt"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(OneLine(r).find("pack.yaml:4: more than one YAML document"), std::string::npos);
}

TEST(ConfigHoles, UnknownSeveritySourceInPolicy) {
  TempDir dir;
  dir.Write("secgate.yaml", "version: 1\nvuln:\n  severity_source: mx\n");
  dir.Write("r.json", kEmptyTrivy);
  ProcessResult r = RunGate("secgate-vuln", dir, {"r.json"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(OneLine(r).rfind("secgate-vuln: error: secgate.yaml:3: vuln.severity_source: unknown "
                             "severity source 'mx' (expected one of: reported, max, nvd, ",
                             0),
            0u);
  dir.Write("secgate.yaml", "version: 1\nvuln:\n  severity_source: NVD\n");
  EXPECT_EQ(RunGate("secgate-vuln", dir, {"r.json"}).exit_code, 0);
}

// An empty value (an unset CI variable) is never "use the default".
TEST(UsageHoles, EmptyValueForAnyOptionIsAnError) {
  struct Case {
    std::string gate;
    std::vector<std::string> args;
    std::string option;
  };
  const std::vector<Case> cases = {
      {"secgate-vuln", {"--fail-on", "", "r.json"}, "--fail-on"},
      {"secgate-vuln", {"--policy", "", "r.json"}, "--policy"},
      {"secgate-vuln", {"--waivers", "", "r.json"}, "--waivers"},
      {"secgate-vuln", {"--input-format", "", "r.json"}, "--input-format"},
      {"secgate-vuln", {""}, "reports"},
      {"secgate-sbom", {"--fail-on", "", "s.json"}, "--fail-on"},
      {"secgate-secrets", {"--fail-on", "", "a.txt"}, "--fail-on"},
      {"secgate-secrets", {"--staged", "--range", ""}, "--range"},
      {"secgate-waivers", {"lint", ""}, "file"},
      {"secgate-waivers", {"report", "--fail-on", ""}, "--fail-on"},
      {"secgate-waivers", {"lint", "--today", ""}, "--today"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.gate + " " + c.option);
    TempDir dir;
    dir.Write("r.json", kEmptyTrivy);
    dir.Write("s.json", kEmptySbom);
    dir.Write("a.txt", "nothing here\n");
    dir.Write("secgate-waivers.yaml", "version: 1\nwaivers: []\n");
    ProcessResult r = RunGate(c.gate, dir, c.args);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(OneLine(r), c.gate + ": error: " + c.option +
                              ": empty value (an unset variable?); give a value or leave the "
                              "option out (see --help)\n");
  }
}

TEST(UsageHoles, NegativeOrOverflowingSizesAndCounts) {
  struct Case {
    std::string gate;
    std::vector<std::string> args;
    std::string message;
  };
  const std::string size_msg =
      ": error: --max-input-size: expected a whole number of bytes from 1 to "
      "4611686018427387904, got '";
  const std::vector<Case> cases = {
      {"secgate-vuln", {"--max-input-size", "-1", "r.json"}, "secgate-vuln" + size_msg + "-1'"},
      {"secgate-vuln",
       {"--max-input-size", "18446744073709551616", "r.json"},
       "secgate-vuln" + size_msg + "18446744073709551616'"},
      {"secgate-vuln", {"--max-input-size", "0", "r.json"}, "secgate-vuln" + size_msg + "0'"},
      {"secgate-sbom", {"--max-input-size", "-1", "s.json"}, "secgate-sbom" + size_msg + "-1'"},
      {"secgate-sbom", {"--max-input-size", "1e9", "s.json"}, "secgate-sbom" + size_msg + "1e9'"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.message);
    TempDir dir;
    dir.Write("r.json", kEmptyTrivy);
    dir.Write("s.json", kEmptySbom);
    ProcessResult r = RunGate(c.gate, dir, c.args);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(OneLine(r), c.message + " (see --help)\n");
  }
  TempDir dir;
  dir.Write("r.json", kEmptyTrivy);
  EXPECT_EQ(RunGate("secgate-vuln", dir, {"--max-input-size", "4096", "r.json"}).exit_code, 0);
}

TEST(UsageHoles, WaiversBaselineDaysZeroAndRenewLineZero) {
  TempDir dir;
  dir.Write("v.json", R"({"schema": "secgate.verdict/v1"})");
  dir.Write("secgate-waivers.yaml", "version: 1\nwaivers: []\n");
  ProcessResult days = RunGate("secgate-waivers", dir,
                               {"baseline", "--from", "v.json", "--days", "0", "--today",
                                "2026-04-01"});
  EXPECT_EQ(days.exit_code, 2);
  EXPECT_EQ(OneLine(days), "secgate-waivers: error: --days: 0 is outside 1..90 (waivers.max_days)\n");
  ProcessResult line = RunGate("secgate-waivers", dir,
                               {"renew", "CVE-2024-1", "--until", "2026-05-01", "--reason", "r",
                                "--line", "0"});
  EXPECT_EQ(line.exit_code, 2);
  EXPECT_EQ(OneLine(line), "secgate-waivers: error: --line: Value 0 not in range 1 to 1073741824 "
                           "(see --help)\n");
}

}  // namespace
}  // namespace secgate::hostile
