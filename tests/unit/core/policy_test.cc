#include "gates/core/policy.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace secgate::core {
namespace {

std::string ErrorOf(const std::string& yaml) {
  auto p = ParsePolicy(yaml, "secgate.yaml");
  return p ? "" : p.error().ToString();
}

TEST(PolicyTest, DefaultsAreStrict) {
  Policy p = DefaultPolicy();
  EXPECT_EQ(p.vuln.fail_on, Severity::kHigh);
  EXPECT_EQ(p.vuln.unknown_as, Severity::kHigh);
  EXPECT_FALSE(p.vuln.ignore_unfixed);
  EXPECT_EQ(p.waivers.max_days, 90);
  EXPECT_EQ(p.waivers.expiring_days, 14);
  EXPECT_EQ(p.source, "built-in defaults");
}

TEST(PolicyTest, ParsesEveryVulnKey) {
  auto p = ParsePolicy(R"(version: 1
vuln:
  fail_on: medium
  unknown_as: ignore
  ignore_unfixed: true
  ignore_dev: true
  severity_source: nvd
  limits:
    medium: 20
    low: 100
waivers:
  max_days: 30
  expiring_days: 7
)",
                       "dir/secgate.yaml");
  ASSERT_TRUE(p) << p.error().ToString();
  EXPECT_EQ(p->vuln.fail_on, Severity::kMedium);
  EXPECT_EQ(p->vuln.unknown_as, std::nullopt);
  EXPECT_TRUE(p->vuln.ignore_unfixed);
  EXPECT_TRUE(p->vuln.ignore_dev);
  EXPECT_EQ(p->vuln.severity_source, "nvd");
  EXPECT_EQ(p->vuln.limits.at(Severity::kMedium), 20);
  EXPECT_EQ(p->vuln.limits.at(Severity::kLow), 100);
  EXPECT_EQ(p->waivers.max_days, 30);
  EXPECT_EQ(p->waivers.expiring_days, 7);
  EXPECT_EQ(p->dir, "dir");
  EXPECT_EQ(p->sha256.size(), 64u);
}

TEST(PolicyTest, EmptyFileAndEmptySectionsMeanDefaults) {
  auto p = ParsePolicy("", "secgate.yaml");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->vuln.fail_on, Severity::kHigh);
  auto q = ParsePolicy("vuln:\n", "secgate.yaml");
  ASSERT_TRUE(q) << q.error().ToString();
  EXPECT_EQ(q->vuln.fail_on, Severity::kHigh);
}

// A typo must never silently weaken a gate.
TEST(PolicyTest, UnknownKeysAreErrorsWithLineNumbers) {
  EXPECT_EQ(ErrorOf("vuln:\n  fail_onn: low\n"),
            "secgate.yaml:2: unknown key 'vuln.fail_onn' (expected one of: fail_on, unknown_as, "
            "ignore_unfixed, ignore_dev, severity_source, limits, only_new, baseline, trust_vex, "
            "upstream_ignores)");
  EXPECT_EQ(ErrorOf("vuln:\n  upstream_ignores: yes\n"),
            "secgate.yaml:2: vuln.upstream_ignores: expected honour or deny, got 'yes'");
  EXPECT_EQ(ErrorOf("vulns:\n  fail_on: low\n"),
            "secgate.yaml:1: unknown key 'vulns' (expected one of: version, vuln, secrets, sbom, "
            "code, waivers, pr, extends, locked)");
  EXPECT_EQ(ErrorOf("waivers:\n  max_dayz: 5\n"),
            "secgate.yaml:2: unknown key 'waivers.max_dayz' (expected one of: max_days, "
            "expiring_days, allow_wildcards, require_ticket)");
}

TEST(PolicyTest, BadValuesAreErrors) {
  EXPECT_EQ(ErrorOf("vuln:\n  fail_on: severe\n"),
            "secgate.yaml:2: vuln.fail_on: unknown severity 'severe' (expected critical, high, "
            "medium or low)");
  EXPECT_EQ(ErrorOf("vuln:\n  fail_on: unknown\n"),
            "secgate.yaml:2: vuln.fail_on: unknown severity 'unknown' (expected critical, high, "
            "medium or low)");
  EXPECT_EQ(ErrorOf("vuln:\n  ignore_unfixed: yes please\n"),
            "secgate.yaml:2: vuln.ignore_unfixed: expected true or false");
  EXPECT_EQ(ErrorOf("vuln:\n  fail_on: [high]\n"),
            "secgate.yaml:2: vuln.fail_on: expected a string");
  EXPECT_EQ(ErrorOf("waivers:\n  max_days: -3\n"),
            "secgate.yaml:2: waivers.max_days: expected a non-negative whole number");
  EXPECT_EQ(ErrorOf("waivers:\n  max_days: 0\n"), "secgate.yaml:2: waivers.max_days: at least 1 day");
  EXPECT_EQ(ErrorOf("version: 2\n"), "secgate.yaml:1: version: expected 1");
  EXPECT_EQ(ErrorOf("vuln: high\n"), "secgate.yaml:1: vuln: expected a mapping");
  EXPECT_EQ(ErrorOf("vuln:\n  only_new: true\n"),
            "secgate.yaml:2: vuln.only_new: needs vuln.baseline (a waiver file)");
  EXPECT_EQ(ErrorOf("sbom:\n  licenses:\n    unknown: maybe\n"),
            "secgate.yaml:3: sbom.licenses.unknown: expected fail, warn or pass, got 'maybe'");
}

TEST(PolicyTest, SecretsTestKeysAndAllowlist) {
  EXPECT_EQ(DefaultPolicy().secrets.test_keys, "report");
  auto p = ParsePolicy(R"(secrets:
  test_keys: ignore
  allowlist:
    commits: [ABCDEF1, 0123456789abcdef0123456789abcdef01234567]
    secret_regexes: ['^tok_fixture_']
    line_regexes: ['# fixture$']
)",
                       "secgate.yaml");
  ASSERT_TRUE(p) << p.error().ToString();
  EXPECT_EQ(p->secrets.test_keys, "ignore");
  EXPECT_EQ(p->secrets.allowlist_commits,
            (std::vector<std::string>{"abcdef1", "0123456789abcdef0123456789abcdef01234567"}));
  EXPECT_EQ(p->secrets.allowlist_secret_regexes, std::vector<std::string>{"^tok_fixture_"});
  EXPECT_EQ(p->secrets.allowlist_line_regexes, std::vector<std::string>{"# fixture$"});
  EXPECT_EQ(p->secrets.allowlist_where, "secgate.yaml:4");
  EXPECT_EQ(ErrorOf("secrets:\n  test_keys: maybe\n"),
            "secgate.yaml:2: secrets.test_keys: expected report, fail or ignore, got 'maybe'");
  EXPECT_EQ(ErrorOf("secrets:\n  allowlist:\n    commits: [abc12]\n"),
            "secgate.yaml:3: secrets.allowlist.commits[0]: expected a commit id (7 to 40 hex "
            "characters), got 'abc12'");
  EXPECT_EQ(ErrorOf("secrets:\n  allowlist:\n    commits: [zzzzzzzz]\n"),
            "secgate.yaml:3: secrets.allowlist.commits[0]: expected a commit id (7 to 40 hex "
            "characters), got 'zzzzzzzz'");
  EXPECT_EQ(ErrorOf("secrets:\n  allowlist:\n    regexes: [x]\n").substr(0, 60),
            "secgate.yaml:3: unknown key 'secrets.allowlist.regexes' (exp");
  EXPECT_EQ(ErrorOf("secrets:\n  allowlist:\n    line_regexes: x\n"),
            "secgate.yaml:3: secrets.allowlist.line_regexes: expected a list of strings");
}

TEST(PolicyTest, NotYamlIsAnError) {
  EXPECT_EQ(ErrorOf("vuln: [high\n").substr(0, 30), "secgate.yaml:2: invalid YAML: ");
  EXPECT_EQ(ErrorOf(std::string("vuln:\0x", 7)),
            "secgate.yaml: expected YAML text, got binary data (NUL byte)");
  EXPECT_EQ(ErrorOf("vuln:\n  fail_on: \xff\xfe\n"), "secgate.yaml: invalid UTF-8 at byte 17");
}

TEST(PolicyTest, SecretsAndSbomSections) {
  auto p = ParsePolicy(R"(secrets:
  disable: [generic-password]
  allow_paths: ["**/fixtures/**"]
  max_file_size: 1000
  skip_large_files: true
sbom:
  licenses:
    allow: [MIT, Apache-2.0]
    deny: [AGPL-3.0-only]
    unknown: fail
  banned: ["pkg:npm/event-stream@3.3.6"]
  require:
    component: [name, version, purl]
    document: [timestamp]
)",
                       "secgate.yaml");
  ASSERT_TRUE(p) << p.error().ToString();
  EXPECT_EQ(p->secrets.disable, std::vector<std::string>{"generic-password"});
  EXPECT_EQ(p->secrets.max_file_size, 1000);
  EXPECT_TRUE(p->secrets.skip_large_files);
  EXPECT_FALSE(DefaultPolicy().secrets.skip_large_files);
  EXPECT_EQ(p->sbom.licenses_allow.size(), 2u);
  EXPECT_EQ(p->sbom.licenses_unknown, "fail");
  EXPECT_EQ(p->sbom.require_component.size(), 3u);
  EXPECT_EQ(ErrorOf("sbom:\n  require:\n    component: [colour]\n"),
            "secgate.yaml:3: sbom.require.component: unknown field 'colour'");
}

// The key table is the registry: every key --print-policy lists (one per
// row) has a table row in docs/policy.md under its section's heading,
// "| `rest.of.key` |" or, for a map such as vuln.limits, "| `limits` |".
TEST(PolicyDocs, EveryKeyOfTheTableIsDocumented) {
  std::ifstream in(std::string(SECGATE_SOURCE_DIR) + "/docs/policy.md");
  ASSERT_TRUE(in) << "docs/policy.md";
  std::stringstream doc;
  doc << in.rdbuf();
  const std::string text = doc.str();
  std::istringstream lines(PrintPolicy(DefaultPolicy()));
  int keys = 0;
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line[0] == '#') continue;
    const std::string key = line.substr(0, line.find(':'));
    const size_t dot = key.find('.');
    ASSERT_NE(dot, std::string::npos) << line;
    const std::string section = key.substr(0, dot), rest = key.substr(dot + 1);
    const size_t heading = text.find("## `" + section + "`");
    ASSERT_NE(heading, std::string::npos) << "no section for " << key;
    const size_t next = text.find("\n## ", heading + 1);
    const std::string part = text.substr(heading, next - heading);
    auto row = [&part](const std::string& k) { return part.find("| `" + k + "` |") != std::string::npos; };
    const bool documented = row(rest) || row(rest.substr(0, rest.find('.')));
    EXPECT_TRUE(documented) << key << " is not in docs/policy.md's " << section << " table";
    ++keys;
  }
  EXPECT_GT(keys, 50);
}

}  // namespace
}  // namespace secgate::core
