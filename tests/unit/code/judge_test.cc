// Tests for gates/code/judge.cc: the code policy step on small findings
// (levels through code.levels, security-severity and Trivy severities kept,
// code.rules, code.tools, code.paths.exclude, baselineState, only_new).
#include "gates/code/judge.h"

#include <gtest/gtest.h>

#include <memory>

namespace secgate::code {
namespace {

using core::Severity;

core::Finding Code(const std::string& level, const std::string& from = "level",
                   const std::string& path = "src/a.py", const std::string& tool = "semgrep") {
  core::Finding f;
  f.gate = core::Gate::kCode;
  f.id = "r";
  f.sources = {tool};
  f.location.path = path;
  auto d = std::make_shared<core::CodeDetail>();
  d->level = level;
  d->severity_from = from;
  f.code = d;
  return f;
}

core::Finding WithBaseline(core::Finding f, const std::string& state) {
  auto d = std::make_shared<core::CodeDetail>(*f.code);
  d->baseline_state = state;
  f.code = d;
  return f;
}

std::vector<core::Finding> Judge(const core::CodePolicy& p, std::vector<core::Finding> fs) {
  JudgeCode(p, &fs);
  return fs;
}

core::Finding JudgeOne(const core::CodePolicy& p, core::Finding f) {
  return Judge(p, {std::move(f)})[0];
}

TEST(JudgeCode, DefaultLevelsMapToSeverities) {
  const core::CodePolicy p;
  auto fs = Judge(p, {Code("error"), Code("warning"), Code("note"), Code("none")});
  EXPECT_EQ(fs[0].severity, Severity::kHigh);
  EXPECT_EQ(fs[0].severity_source, "level error");
  EXPECT_EQ(fs[1].severity, Severity::kMedium);
  EXPECT_EQ(fs[2].severity, Severity::kLow);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(fs[i].ignore_reason, "") << i;
  EXPECT_EQ(fs[3].severity, Severity::kUnknown);
  EXPECT_EQ(fs[3].ignore_reason, "level none: not a finding (code.levels.none: ignore)");
}

TEST(JudgeCode, PolicyLevelsReplaceTheDefaults) {
  core::CodePolicy p;
  p.level_warning = Severity::kHigh;
  p.level_note = std::nullopt;
  p.level_none = Severity::kLow;
  auto fs = Judge(p, {Code("warning"), Code("note"), Code("none")});
  EXPECT_EQ(fs[0].severity, Severity::kHigh);
  EXPECT_EQ(fs[1].ignore_reason, "level note: not a finding (code.levels.note: ignore)");
  EXPECT_EQ(fs[2].severity, Severity::kLow);
  EXPECT_EQ(fs[2].ignore_reason, "");
}

TEST(JudgeCode, SecuritySeverityAndTrivySeveritiesAreKept) {
  const core::CodePolicy p;
  core::Finding sec = Code("note", "security-severity");
  sec.severity = Severity::kCritical;
  core::Finding trivy = Code("note", "trivy", "Dockerfile", "trivy");
  trivy.severity = Severity::kMedium;
  auto fs = Judge(p, {sec, trivy});
  EXPECT_EQ(fs[0].severity, Severity::kCritical);
  EXPECT_EQ(fs[1].severity, Severity::kMedium);
  // Even at level none, a security-severity makes it a finding.
  sec = Code("none", "security-severity");
  sec.severity = Severity::kHigh;
  EXPECT_EQ(JudgeOne(p, sec).ignore_reason, "");
}

TEST(JudgeCode, RuleOverrideBeatsEverythingAndIgnoreSaysWhy) {
  core::CodePolicy p;
  p.rules["r"].severity = Severity::kLow;
  core::Finding sec = Code("error", "security-severity");
  sec.severity = Severity::kCritical;
  core::Finding f = JudgeOne(p, sec);
  EXPECT_EQ(f.severity, Severity::kLow);
  EXPECT_EQ(f.severity_source, "code.rules");
  // A level-none result given a severity by code.rules is a finding.
  EXPECT_EQ(JudgeOne(p, Code("none")).ignore_reason, "");

  core::CodePolicy ignore;
  ignore.rules["r"].ignore = true;
  ignore.rules["r"].reason = "generated code";
  EXPECT_EQ(JudgeOne(ignore, Code("error")).ignore_reason,
            "rule ignored by code.rules: generated code");
  // Rule ids are exact: another id is untouched.
  core::Finding other = Code("error");
  other.id = "R";
  EXPECT_EQ(JudgeOne(ignore, other).ignore_reason, "");
}

TEST(JudgeCode, DisabledToolsAreMatchedCaseInsensitively) {
  core::CodePolicy p;
  p.tools["semgrep"].disable = true;  // stored lower-cased by the policy loader
  EXPECT_EQ(JudgeOne(p, Code("error", "level", "a.py", "Semgrep")).ignore_reason,
            "tool Semgrep disabled (code.tools)");
  EXPECT_EQ(JudgeOne(p, Code("error", "level", "a.py", "gosec")).ignore_reason, "");
  p.tools["semgrep"].disable = false;
  EXPECT_EQ(JudgeOne(p, Code("error", "level", "a.py", "Semgrep")).ignore_reason, "");
}

TEST(JudgeCode, ExcludedPathsButNeverAFindingWithoutAPath) {
  core::CodePolicy p;
  p.paths_exclude = {"vendor/**"};
  EXPECT_EQ(JudgeOne(p, Code("error", "level", "vendor/x/y.go")).ignore_reason,
            "path excluded (code.paths.exclude: vendor/**)");
  EXPECT_EQ(JudgeOne(p, Code("error", "level", "src/vendor.go")).ignore_reason, "");
  p.paths_exclude = {"**"};
  EXPECT_EQ(JudgeOne(p, Code("error", "level", "")).ignore_reason, "");
}

TEST(JudgeCode, BaselineStates) {
  core::CodePolicy p;
  auto fs = Judge(p, {WithBaseline(Code("error"), "absent"), WithBaseline(Code("error"), "unchanged"),
                      WithBaseline(Code("error"), "updated"), WithBaseline(Code("error"), "new")});
  EXPECT_EQ(fs[0].ignore_reason, "baselineState absent: gone since the producer's baseline");
  for (int i = 1; i < 4; ++i) EXPECT_EQ(fs[i].ignore_reason, "") << i;
  p.only_new = true;
  fs = Judge(p, {WithBaseline(Code("error"), "unchanged"), WithBaseline(Code("error"), "updated"),
                 WithBaseline(Code("error"), "new"), Code("error")});
  EXPECT_EQ(fs[0].ignore_reason,
            "baselineState unchanged: in the producer's baseline (code.only_new)");
  EXPECT_EQ(fs[1].ignore_reason,
            "baselineState updated: in the producer's baseline (code.only_new)");
  EXPECT_EQ(fs[2].ignore_reason, "");
  EXPECT_EQ(fs[3].ignore_reason, "");
}

TEST(JudgeCode, OtherGatesAndEarlierReasonsAreLeftAlone) {
  core::CodePolicy p;
  p.paths_exclude = {"**"};
  core::Finding vuln;
  vuln.gate = core::Gate::kVuln;
  vuln.id = "CVE-2024-1";
  vuln.location.path = "a.py";
  vuln = JudgeOne(p, vuln);
  EXPECT_EQ(vuln.ignore_reason, "");
  EXPECT_EQ(vuln.severity, Severity::kUnknown);
  core::Finding f = Code("error");
  f.ignore_reason = "set by the reader";
  f = JudgeOne(p, f);
  EXPECT_EQ(f.ignore_reason, "set by the reader");
  EXPECT_EQ(f.severity, Severity::kHigh);  // still rated
}

}  // namespace
}  // namespace secgate::code
