// Unit tests for what the gate does across inputs: dedup of npm 7 findings
// (no versions) against Grype findings (versions), vuln.only_new, and the
// engine fed from memory through the injected opener (core/inputs.h).
#include <gtest/gtest.h>

#include "gates/core/merge.h"
#include "gates/core/verdict.h"
#include "gates/vuln/cli.h"
#include "gates/vuln/run.h"
#include "tests/unit/vuln/reader_test_util.h"

namespace secgate::vuln {
namespace {

using testing::RunReaderOnFixture;

std::vector<core::Finding> ReadAll(std::vector<std::pair<ReadFn, const char*>> inputs) {
  std::vector<core::Finding> all;
  for (auto& [fn, path] : inputs) {
    auto r = RunReaderOnFixture(fn, path);
    EXPECT_TRUE(r.status.ok()) << r.error;
    for (auto& f : r.out.findings) all.push_back(std::move(f));
  }
  return all;
}

TEST(VulnMerge, NpmV7WithoutVersionMergesWithGrypeAndNpm6) {
  auto all = ReadAll({{&ReadNpmAuditV2, "vuln/npm-audit/auditci-npm7-high.json"},
                      {&ReadGrype, "vuln/synthetic/grype-qs.json"},
                      {&ReadNpmAuditV1, "vuln/npm-audit/auditci-npm6-high.json"}});
  ASSERT_EQ(all.size(), 3u);
  auto merged = core::MergeFindings(all);
  ASSERT_EQ(merged.size(), 1u);
  EXPECT_EQ(merged[0].id, "CVE-2022-24999");
  EXPECT_EQ(merged[0].package.version, "6.10.2");
  EXPECT_EQ(merged[0].sources, (std::vector<std::string>{"npm-audit", "grype"}));
}

TEST(VulnMerge, DifferentVersionsStayApart) {
  auto all = ReadAll({{&ReadGrype, "vuln/synthetic/grype-qs.json"}});
  core::Finding other = all[0];
  other.package.version = "6.9.0";
  other.package.purl = "pkg:npm/qs@6.9.0";
  all.push_back(other);
  EXPECT_EQ(core::MergeFindings(all).size(), 2u);
}

TEST(VulnMerge, GrypeGhsaAndCveMatchesOfOnePackageAreOne) {
  // explain-ghsa-test.json: GHSA-cfh5-3ghh-wfjx (related CVE-2014-3577) and
  // CVE-2014-3577, both on httpclient 4.1.1.
  auto all = ReadAll({{&ReadGrype, "vuln/grype/explain-ghsa-test.json"}});
  ASSERT_EQ(all.size(), 2u);
  auto merged = core::MergeFindings(all);
  ASSERT_EQ(merged.size(), 1u);
  EXPECT_EQ(merged[0].id, "CVE-2014-3577");
}

TEST(VulnBaseline, OnlyNewIgnoresBaselineFindings) {
  auto all = core::MergeFindings(ReadAll({{&ReadNpmAuditV1, "vuln/npm-audit/dd-v1-many_vuln.json"}}));
  ASSERT_EQ(all.size(), 5u);
  core::EvaluateOptions o;
  core::Waiver w;
  w.id = all[0].id;
  o.baseline.push_back(w);
  core::Verdict v = core::Evaluate(all, o, core::WaiverFile{}, core::Date{});
  int in_baseline = 0;
  for (const auto& e : v.findings) {
    if (e.reason == "in baseline") {
      ++in_baseline;
      EXPECT_EQ(e.disposition, core::Disposition::kIgnored);
      EXPECT_EQ(e.finding.id, w.id);
    }
  }
  EXPECT_EQ(in_baseline, 1);
  EXPECT_EQ(v.summary.ignored, 1);
}

core::RunContext DefaultContext() {
  core::RunContext ctx;
  ctx.policy = core::DefaultPolicy();
  ctx.today = core::Date{2026, 1, 15};
  return ctx;
}

// The selftest's built-in reports, fed from memory: the same path the CLI,
// the selftest and the fuzz targets take.
TEST(RunVuln, ReadsInjectedInputsLikeFiles) {
  auto cases = SelftestCases(core::DefaultPolicy());
  ASSERT_EQ(cases.size(), 3u);
  core::InputSet set;
  set.paths = {"critical.json", "clean.json"};
  set.open = core::MemoryOpener({{"critical.json", cases[0].input}, {"clean.json", cases[2].input}});
  auto v = RunVuln(set, DefaultContext());
  ASSERT_TRUE(v.ok()) << v.error().ToString();
  EXPECT_EQ(v->exit_code, core::ExitCode::kFail);
  EXPECT_EQ(v->summary.findings, 1);
  ASSERT_EQ(v->inputs.size(), 2u);
  EXPECT_EQ(v->inputs[0].path, "critical.json");
  EXPECT_EQ(v->inputs[0].format, "trivy");
  EXPECT_EQ(v->inputs[1].findings, 0);
}

TEST(RunVuln, AForcedFormatIsATableRowOrAnError) {
  core::InputSet set;
  set.paths = {"audit.ndjson"};
  set.open = core::MemoryOpener({{"audit.ndjson", ""}});
  set.format = "yarn4";  // a clean yarn 4 run writes nothing
  auto clean = RunVuln(set, DefaultContext());
  ASSERT_TRUE(clean.ok()) << clean.error().ToString();
  EXPECT_EQ(clean->exit_code, core::ExitCode::kPass);
  set.format = "";  // detected, an empty input is an error, never a pass
  auto detected = RunVuln(set, DefaultContext());
  ASSERT_FALSE(detected.ok());
  EXPECT_EQ(detected.error().ToString(), "audit.ndjson: file is empty");
  set.format = "nessus";
  auto unknown = RunVuln(set, DefaultContext());
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().where, "--input-format");
}

}  // namespace
}  // namespace secgate::vuln
