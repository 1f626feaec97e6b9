// End-to-end: secgate-vuln on every real fixture under tests/fixtures/vuln/
// (copies of the shared real scanner outputs), asserting exit codes and
// per-severity counts after dedup. The expected numbers were computed with
// jq, never by running secgate; each group of cases names its jq command.
// With `-L <dir>` holding sev.jq:
//   def band: ascii_downcase | if . == "moderate" then "medium"
//     elif (. == "info" or . == "negligible" or . == "none") then "low"
//     elif . == "" then "unknown" else . end;
//   def tally: group_by(.) | map({(.[0]): length}) | add // {};
// Exit codes follow the default policy: fail on high or worse, unknown counts
// as high, VEX not_affected is ignored.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/testing/run_process.h"

namespace secgate::testing {
namespace {

struct Case {
  const char* path;
  int exit_code;
  int critical, high, medium, low, unknown;
};

// trivy: jq 'include "sev"; [(if type=="array" then . else .Results end)[]?
//   | .Vulnerabilities[]?] | unique_by([.VulnerabilityID,.PkgName,.InstalledVersion])
//   | map(.Severity|band) | tally'
// grype: matches grouped by artifact (name, version), merged when their
//   [id]+relatedVulnerabilities ids overlap, worst severity|band kept.
// npm-audit v2: jq '[.vulnerabilities[] | .via[] | objects | . as $v | {id:
//   (($v.url|capture("(?<g>GHSA-[a-z0-9-]{14})").g) // ($v.source|tostring)),
//   n: .name, s: (.severity|band)}] | unique_by([.id,.n]) | map(.s) | tally'
// npm-audit v1 / pnpm / yarn 2-3: jq '[.advisories[] | . as $a |
//   ([.findings[]?.version] | unique | if length==0 then [""] else . end)[] |
//   {id: ($a.github_advisory_id // $a.id), n: $a.module_name, v: ., s:
//   ($a.severity|band)}] | unique_by([.id,.n,.v]) | map(.s) | tally'
// yarn classic: jq -s '[.[] | select(.type=="auditAdvisory") | .data.advisory
//   as $a | ([$a.findings[]?.version] | unique)[] | {id: ($a.github_advisory_id
//   // $a.id), n: $a.module_name, v: ., s: ($a.severity|band)}] |
//   unique_by([.id,.n,.v]) | map(.s) | tally'
// yarn 4: jq -s '[.[] | select(.children.URL) | .value as $n | .children as $c
//   | $c["Tree Versions"][] | {id: $c.URL, n: $n, v: ., s: ($c.Severity|band)}]
//   | unique_by([.id,.n,.v]) | map(.s) | tally'
// pip-audit (no severities: all unknown): jq '[(if type=="array" then . else
//   .dependencies end)[] | .vulns[]?] | length'
// cargo-audit: jq '[.vulnerabilities.list[] | .advisory.cvss]' -> 4 x null
// osv-scanner: jq '[.results[].packages[] | .vulnerabilities as $vs | .groups[]
//   | .ids as $ids | ([$vs[] | select(.id | IN($ids[])) |
//   .database_specific.severity // empty | band] | max_by({"critical":4,
//   "high":3,"medium":2,"low":1}[.]) // "unknown")] | tally' (no fixture has
//   max_severity; their CVSS vectors agree with these words: 7.5, 8.1, 9.8)
// cyclonedx: jq '[.vulnerabilities[]? | (.source.name // "" | ascii_downcase)
//   as $own | ([.ratings[]? | select(.severity != null and .severity !=
//   "unknown")]) as $r | (([$r[] | select((.source.name // "" |
//   ascii_downcase) == $own and $own != "")] + $r) | first | .severity //
//   "unknown") as $s | (.affects // [{}])[] | $s | band] | tally'
const Case kCases[] = {
    {"trivy/alpine-39-skip.json", 0, 0, 0, 0, 0, 0},
    {"trivy/alpine-39.json", 1, 2, 0, 4, 0, 0},
    {"trivy/amazon-2.json", 0, 0, 0, 1, 1, 0},
    {"trivy/centos-7.json", 0, 0, 0, 1, 2, 0},
    {"trivy/dd-scheme_2_many_vulns.json", 1, 1, 1, 3, 0, 0},
    {"trivy/dd-severity_prio.json", 1, 1, 0, 0, 1, 0},
    {"trivy/debian-buster.json", 1, 1, 0, 0, 1, 0},
    {"trivy/gomod.json", 1, 0, 0, 1, 0, 2},
    {"trivy/gradle.json", 1, 1, 1, 0, 0, 0},
    {"trivy/mariner-1.0.json", 1, 0, 1, 0, 1, 0},
    {"trivy/pnpm.json", 1, 1, 0, 1, 0, 0},
    {"trivy/report-legacy-old.json", 1, 0, 1, 0, 0, 0},
    // Its two Results[].Secrets[] (CRITICAL, HIGH) are gated since the Trivy
    // classes change: jq '[.Results[].Secrets[]?.Severity|band] | tally'.
    {"trivy/secrets.json", 1, 1, 1, 0, 0, 0},
    {"trivy/ubuntu-gp2-x86-vm.json", 1, 0, 1, 0, 0, 0},
    {"grype/TestEmptyJsonPresenter.json", 0, 0, 0, 0, 0, 0},
    {"grype/TestJsonDirsPresenter.json", 1, 1, 0, 0, 1, 0},
    {"grype/TestJsonImgsPresenter.json", 1, 1, 0, 0, 1, 0},
    {"grype/dd-fix_available.json", 1, 0, 1, 0, 0, 0},
    {"grype/dd-many_vulns3.json", 1, 5, 24, 155, 133, 10},
    {"grype/dd-many_vulns4.json", 1, 2, 2, 5, 0, 0},
    {"grype/explain-ghsa-test.json", 0, 0, 0, 1, 0, 0},
    {"npm-audit/auditci-npm7-critical.json", 1, 1, 0, 0, 0, 0},
    {"npm-audit/auditci-npm7-high.json", 1, 0, 1, 0, 0, 0},
    {"npm-audit/auditci-npm7-none.json", 0, 0, 0, 0, 0, 0},
    {"npm-audit/dd-v2-many_vuln_npm7.json", 1, 0, 1, 2, 5, 0},
    {"npm-audit/dd-v2-one_vuln.json", 1, 0, 1, 1, 0, 0},
    {"npm-audit/auditci-npm6-critical.json", 1, 1, 0, 0, 0, 0},
    {"npm-audit/auditci-npm6-high.json", 1, 0, 1, 0, 0, 0},
    {"npm-audit/auditci-npm6-low.json", 0, 0, 0, 0, 1, 0},
    {"npm-audit/auditci-npm6-none.json", 0, 0, 0, 0, 0, 0},
    {"npm-audit/dd-v1-many_vuln.json", 1, 0, 3, 1, 1, 0},
    {"npm-audit/dd-v1-one_vuln.json", 1, 1, 0, 0, 0, 0},
    {"pnpm-audit/auditci-pnpm-critical.json", 1, 1, 0, 0, 0, 0},
    {"pnpm-audit/auditci-pnpm-high.json", 1, 0, 1, 0, 0, 0},
    {"pnpm-audit/auditci-pnpm-none.json", 0, 0, 0, 0, 0, 0},
    {"pnpm-audit/dd-pnpm_audit_one_vuln.json", 1, 1, 0, 1, 0, 0},
    {"yarn-audit/auditci-yarn2-critical.json", 1, 1, 0, 0, 0, 0},
    {"yarn-audit/auditci-yarn2-high.json", 1, 0, 1, 0, 0, 0},
    {"yarn-audit/auditci-yarn2-none.json", 0, 0, 0, 0, 0, 0},
    {"yarn-audit/dd-yarn_berry_issue_6495.json", 1, 0, 2, 1, 0, 0},
    {"yarn-audit/auditci-yarn1-critical.jsonl", 1, 1, 0, 0, 0, 0},
    {"yarn-audit/auditci-yarn1-high.jsonl", 1, 0, 1, 0, 0, 0},
    {"yarn-audit/auditci-yarn1-low.jsonl", 0, 0, 0, 0, 1, 0},
    {"yarn-audit/auditci-yarn1-none.jsonl", 0, 0, 0, 0, 0, 0},
    {"yarn-audit/dd-yarn_audit_many_vul.json", 1, 0, 2, 0, 1, 0},
    {"yarn-audit/dd-yarn_audit_one_vul.json", 1, 0, 1, 0, 0, 0},
    {"yarn-audit/auditci-yarn4-critical.ndjson", 1, 1, 0, 0, 0, 0},
    {"yarn-audit/auditci-yarn4-high.ndjson", 1, 0, 1, 0, 0, 0},
    {"yarn-audit/auditci-yarn4-low.ndjson", 0, 0, 0, 0, 1, 0},
    {"pip-audit/dd-many_vulns_new.json", 1, 0, 0, 0, 0, 7},
    {"pip-audit/dd-zero_vulns.json", 0, 0, 0, 0, 0, 0},
    {"cargo-audit/dd-many_findings.json", 1, 0, 0, 0, 0, 4},
    {"osv-scanner/ci-results-empty.json", 0, 0, 0, 0, 0, 0},
    {"osv-scanner/ci-results-some.json", 1, 0, 0, 0, 0, 1},
    {"osv-scanner/ci-test-vuln-results-a.json", 1, 0, 1, 0, 0, 1},
    {"osv-scanner/dd-some_findings.json", 1, 0, 0, 0, 0, 1},
    {"osv-scanner/filter-some-want.json", 1, 0, 1, 2, 0, 1},
    {"osv-scanner/osvjson-multiple-packages-with-vulns.json", 1, 1, 1, 1, 0, 0},
    // SBOMs without vulnerabilities pass as clean inputs.
    {"cyclonedx/bomex-cern-lhc-vdm-editor.json", 0, 0, 0, 0, 0, 0},
    {"cyclonedx/bomex-laravel-7.12.0-bom.1.2.json", 0, 0, 0, 0, 0, 0},
    {"cyclonedx/bomex-laravel-7.12.0-bom.1.4.json", 0, 0, 0, 0, 0, 0},
    {"cyclonedx/bomex-vex-bom.json", 0, 0, 0, 0, 0, 0},
    {"cyclonedx/trivy-conda-cyclonedx.json", 0, 0, 0, 0, 0, 0},
    // bomex-vex.json: high, but analysis.state not_affected -> ignored, exit 0.
    {"cyclonedx/bomex-vex.json", 0, 0, 1, 0, 0, 0},
    {"cyclonedx/bomex-cisa-case1-vex-affected.json", 1, 0, 0, 0, 0, 1},
    {"cyclonedx/dd-jake2.json", 1, 0, 3, 4, 0, 0},
    {"cyclonedx/dd-log4j.json", 1, 4, 1, 3, 0, 0},
    {"cyclonedx/grype-TestCycloneDxPresenterImage.json", 1, 1, 0, 0, 1, 0},
    {"cyclonedx/trivy-npm-cyclonedx.json", 0, 0, 0, 1, 0, 0},
};

ProcessResult RunVuln(const std::vector<std::string>& args, const TempDir& dir) {
  std::vector<std::string> argv = {GateBinary("secgate-vuln"), "--quiet", "--today", "2026-01-15",
                                   "--report", "json=" + dir.path() + "/verdict.json"};
  argv.insert(argv.end(), args.begin(), args.end());
  ProcessOptions o;
  o.cwd = dir.path();  // no secgate.yaml / waiver file there: built-in defaults
  o.unset_env = {"GITHUB_ACTIONS"};
  return RunProcess(argv, o);
}

TEST(VulnE2E, EveryRealFixture) {
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.path);
    TempDir dir;
    ProcessResult r = RunVuln({Fixture(std::string("vuln/") + c.path)}, dir);
    EXPECT_EQ(r.exit_code, c.exit_code) << r.err;
    auto v = nlohmann::json::parse(ReadFile(dir.path() + "/verdict.json"), nullptr, false);
    ASSERT_TRUE(v.is_object());
    const auto& s = v["summary"]["by_severity"];
    EXPECT_EQ(s["critical"], c.critical);
    EXPECT_EQ(s["high"], c.high);
    EXPECT_EQ(s["medium"], c.medium);
    EXPECT_EQ(s["low"], c.low);
    EXPECT_EQ(s["unknown"], c.unknown);
  }
}

TEST(VulnE2E, SpdxAndSarifAreRefused) {
  for (const char* path : {"spdx/dd-spdx_no_vuln.json", "spdx/dd-spdx_one_vuln.json",
                           "spdx/toolsjava-SPDXJSONExample-v2.2.spdx.json",
                           "spdx/trivy-conda-spdx.json", "spdx/trivy-julia-spdx.json",
                           "spdx/trivy-sbom-happy-bom.spdx.json",
                           "spdx/trivy-sbom-with-hasfiles-bom.spdx.json"}) {
    TempDir dir;
    std::string file = Fixture(std::string("vuln/") + path);
    ProcessResult r = RunVuln({file}, dir);
    EXPECT_EQ(r.exit_code, 2) << path;
    EXPECT_EQ(r.err, "secgate-vuln: error: " + file +
                         ": an SPDX document is not a vulnerability report (SPDX 2.x has no "
                         "vulnerabilities; check it with secgate-sbom)\n");
  }
  for (const char* path : {"sarif/trivy-alpine-310.sarif", "sarif/dd-dependency_check.sarif",
                           "sarif/grype-TestSarifPresenter_image.sarif"}) {
    TempDir dir;
    std::string file = Fixture(std::string("vuln/") + path);
    ProcessResult r = RunVuln({file}, dir);
    EXPECT_EQ(r.exit_code, 2) << path;
    EXPECT_EQ(r.err, "secgate-vuln: error: " + file +
                         ": SARIF is an output format, not accepted as input (give the scanner's "
                         "JSON report)\n");
  }
}

TEST(VulnE2E, SameAdvisoryFromNpmAndGrypeCountedOnce) {
  // npm 7 (GHSA, no version), npm 6 (GHSA + CVE, 6.10.2) and a Grype match
  // (GHSA + related CVE, 6.10.2) for qs: three findings read, one after dedup.
  TempDir dir;
  ProcessResult r = RunVuln({Fixture("vuln/npm-audit/auditci-npm7-high.json"),
                             Fixture("vuln/synthetic/grype-qs.json"),
                             Fixture("vuln/npm-audit/auditci-npm6-high.json")},
                            dir);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  auto v = nlohmann::json::parse(ReadFile(dir.path() + "/verdict.json"));
  EXPECT_EQ(v["summary"]["findings"], 1);
  EXPECT_EQ(v["summary"]["by_severity"]["high"], 1);
  ASSERT_EQ(v["findings"].size(), 1u);
  EXPECT_EQ(v["findings"][0]["id"], "CVE-2022-24999");
}

}  // namespace
}  // namespace secgate::testing
