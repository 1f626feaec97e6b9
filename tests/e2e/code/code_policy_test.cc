// End-to-end: what the policy's `code:` section and `gate: code` waivers do
// to SARIF results (docs/policy.md, docs/waivers.md): the producer's own
// suppressions (honour or deny), baselineState and code.only_new, per-rule
// and per-tool overrides, excluded paths, waivers by rule id, path,
// fingerprint and tool, and repository-relative paths from URI base ids.
#include <gtest/gtest.h>

#include <set>

#include "tests/e2e/code/code_e2e.h"

namespace secgate::code_e2e {
namespace {

json WithSuppression(json result, const std::string& status) {
  json s = {{"kind", "inSource"}, {"justification", "false positive: input is a constant"}};
  if (!status.empty()) s["status"] = status;
  result["suppressions"] = json::array({s});
  return result;
}

json WithBaseline(json result, const std::string& state) {
  result["baselineState"] = state;
  return result;
}

// Findings of `r` by their location.path.
json ByPath(const CodeRun& r, const std::string& path) {
  for (const auto& f : r.verdict["findings"])
    if (f["location"]["path"] == path) return f;
  ADD_FAILURE() << "no finding at " << path << ": " << r.p.err;
  return json::object();
}

// accepted.py, review.py, nostatus.py, rejected.py: one error each.
std::vector<json> SuppressedResults() {
  return {WithSuppression(Result("r", "error", "accepted.py"), "accepted"),
          WithSuppression(Result("r", "error", "review.py"), "underReview"),
          WithSuppression(Result("r", "error", "nostatus.py"), ""),
          WithSuppression(Result("r", "error", "rejected.py"), "rejected")};
}

TEST(CodePolicy, AcceptedSuppressionsAreHonouredAndRejectedOnesNever) {
  Workspace ws;
  CodeRun r = GateOneRun(ws, {Rule("r")}, SuppressedResults());
  EXPECT_EQ(r.p.exit_code, 1) << r.p.err;
  for (const char* path : {"accepted.py", "review.py", "nostatus.py"}) {
    json f = ByPath(r, path);
    EXPECT_EQ(f["disposition"], "ignored") << path;
    EXPECT_EQ(f.value("reason", "").rfind("ignored upstream: semgrep: suppressed in source", 0),
              0u)
        << f.dump();
    EXPECT_TRUE(f["code"].contains("suppressed_upstream")) << path;
  }
  json rejected = ByPath(r, "rejected.py");
  EXPECT_EQ(rejected["disposition"], "violation");
  EXPECT_FALSE(rejected["code"].contains("suppressed_upstream"));
  EXPECT_EQ(r.Summary("violations"), 1);
}

TEST(CodePolicy, UpstreamIgnoresDenyFailsSuppressedResults) {
  Workspace ws;
  ws.Policy("code:\n  upstream_ignores: deny\n");
  CodeRun r = GateOneRun(ws, {Rule("r")}, SuppressedResults());
  EXPECT_EQ(r.p.exit_code, 1) << r.p.err;
  EXPECT_EQ(r.Summary("violations"), 4);
  EXPECT_EQ(r.Summary("ignored"), 0);
  // Still said: the finding keeps what the producer claimed.
  EXPECT_TRUE(ByPath(r, "accepted.py")["code"].contains("suppressed_upstream"));
}

TEST(CodePolicy, BaselineAbsentNeverFailsAndOnlyNewIgnoresUnchanged) {
  const std::vector<json> results = {WithBaseline(Result("r", "error", "gone.py"), "absent"),
                                     WithBaseline(Result("r", "error", "old.py"), "unchanged"),
                                     WithBaseline(Result("r", "error", "edited.py"), "updated"),
                                     WithBaseline(Result("r", "error", "new.py"), "new"),
                                     Result("r", "error", "unknown.py")};
  Workspace ws;
  CodeRun r = GateOneRun(ws, {Rule("r")}, results);
  EXPECT_EQ(r.p.exit_code, 1) << r.p.err;
  EXPECT_EQ(ByPath(r, "gone.py")["disposition"], "ignored");
  EXPECT_EQ(ByPath(r, "gone.py")["code"]["baseline_state"], "absent");
  EXPECT_EQ(r.Summary("violations"), 4);
  // Only the absent one, alone: passes.
  r = GateOneRun(ws, {Rule("r")}, {results[0]});
  EXPECT_EQ(r.p.exit_code, 0) << r.p.err;

  ws.Policy("code:\n  only_new: true\n");
  r = GateOneRun(ws, {Rule("r")}, results);
  EXPECT_EQ(r.p.exit_code, 1) << r.p.err;
  for (const char* path : {"gone.py", "old.py", "edited.py"})
    EXPECT_EQ(ByPath(r, path)["disposition"], "ignored") << path;
  for (const char* path : {"new.py", "unknown.py"})
    EXPECT_EQ(ByPath(r, path)["disposition"], "violation") << path;
  r = GateOneRun(ws, {Rule("r")}, {results[1], results[2]});
  EXPECT_EQ(r.p.exit_code, 0) << r.p.err;
}

TEST(CodePolicy, RuleSeverityOverrideAndIgnore) {
  Workspace ws;
  ws.Policy(
      "code:\n  rules:\n    noisy:\n      severity: low\n    quiet:\n      severity: critical\n"
      "    vendored:\n      ignore: true\n      reason: the rule misfires on generated code\n");
  CodeRun r = GateOneRun(ws, {Rule("noisy"), Rule("quiet"), Rule("vendored")},
                         {Result("noisy", "error"), Result("vendored", "error")});
  EXPECT_EQ(r.p.exit_code, 0) << r.p.err;
  ASSERT_EQ(r.With("noisy").size(), 1u);
  EXPECT_EQ(r.With("noisy")[0]["severity"], "low");
  EXPECT_EQ(r.With("noisy")[0]["severity_source"], "code.rules");
  ASSERT_EQ(r.With("vendored").size(), 1u);
  EXPECT_EQ(r.With("vendored")[0]["disposition"], "ignored");
  EXPECT_EQ(r.With("vendored")[0]["reason"],
            "rule ignored by code.rules: the rule misfires on generated code");
  // A note raised to critical fails.
  r = GateOneRun(ws, {Rule("quiet")}, {Result("quiet", "note")});
  EXPECT_EQ(r.p.exit_code, 1) << r.p.err;
  EXPECT_EQ(r.With("quiet")[0]["severity"], "critical");
}

TEST(CodePolicy, RuleIgnoreWithoutReasonExits2) {
  Workspace ws;
  ws.Policy("code:\n  rules:\n    r:\n      ignore: true\n");
  CodeRun r = GateOneRun(ws, {Rule("r")}, {Result("r", "error")});
  EXPECT_EQ(r.p.exit_code, 2);
  EXPECT_EQ(r.p.err, ErrorLine("secgate.yaml:5: code.rules.r: ignore needs a reason (say why "
                               "the rule does not apply)"));
}

TEST(CodePolicy, ToolDisableAndPerToolFailOn) {
  Workspace ws;
  ws.Write("two.sarif",
           Log({ToolRun("Semgrep", {Rule("s")}, {Result("s", "note", "a.py")}),
                ToolRun("gosec", {Rule("g")}, {Result("g", "note", "b.go")}),
                ToolRun("noisy-linter", {Rule("n")}, {Result("n", "error", "c.js")})})
               .dump());
  // Tool names are matched case-insensitively.
  ws.Policy("code:\n  tools:\n    semgrep:\n      fail_on: low\n    Noisy-Linter:\n"
            "      disable: true\n");
  CodeRun r = ws.Gate({"two.sarif"});
  EXPECT_EQ(r.p.exit_code, 1) << r.p.err;
  EXPECT_EQ(ByPath(r, "a.py")["disposition"], "violation");
  EXPECT_EQ(ByPath(r, "a.py")["fail_on"], "low");
  EXPECT_EQ(ByPath(r, "b.go")["disposition"], "below_threshold");
  EXPECT_EQ(ByPath(r, "c.js")["disposition"], "ignored");
  EXPECT_EQ(ByPath(r, "c.js")["reason"], "tool noisy-linter disabled (code.tools)");
  EXPECT_EQ(r.Summary("violations"), 1);
}

TEST(CodePolicy, PathsExcludeListsFindingsAsIgnored) {
  Workspace ws;
  ws.Policy("code:\n  paths:\n    exclude: ['tests/**', '**/*_generated.py']\n");
  CodeRun r = GateOneRun(ws, {Rule("r")},
                         {Result("r", "error", "tests/unit/a.py"),
                          Result("r", "error", "src/api_generated.py"),
                          Result("r", "error", "src/api.py")});
  EXPECT_EQ(r.p.exit_code, 1) << r.p.err;
  EXPECT_EQ(ByPath(r, "tests/unit/a.py")["reason"], "path excluded (code.paths.exclude: tests/**)");
  EXPECT_EQ(ByPath(r, "src/api_generated.py")["disposition"], "ignored");
  EXPECT_EQ(ByPath(r, "src/api.py")["disposition"], "violation");
  r = GateOneRun(ws, {Rule("r")}, {Result("r", "error", "tests/x.py")});
  EXPECT_EQ(r.p.exit_code, 0) << r.p.err;
  // A path that only starts under an excluded folder is not in it.
  r = GateOneRun(ws, {Rule("r")}, {Result("r", "error", "tests/../src/api.py"),
                                   Result("r", "error", "./src/./lib/../db.py")});
  EXPECT_EQ(r.p.exit_code, 1) << r.p.err;
  EXPECT_EQ(ByPath(r, "src/api.py")["disposition"], "violation");
  EXPECT_EQ(ByPath(r, "src/db.py")["disposition"], "violation");
}

std::string Waiver(const std::string& id, const std::string& scope) {
  return "  - id: " + id + "\n    gate: code\n" + scope +
         "    reason: reviewed, input is sanitised upstream\n    owner: appsec@example.com\n"
         "    created: 2026-01-01\n    expires: 2026-03-01\n";
}

TEST(CodePolicy, WaiverByRuleIdAndPath) {
  Workspace ws;
  ws.Waivers(Waiver("py/sql-injection", "    path: src/db/**\n"));
  CodeRun r = GateOneRun(ws, {Rule("py/sql-injection", "error")},
                         {Result("py/sql-injection", "", "src/db/query.py"),
                          Result("py/sql-injection", "", "src/web/view.py")});
  EXPECT_EQ(r.p.exit_code, 1) << r.p.err;
  EXPECT_EQ(ByPath(r, "src/db/query.py")["disposition"], "waived");
  EXPECT_EQ(ByPath(r, "src/web/view.py")["disposition"], "violation");
  EXPECT_EQ(r.verdict["waivers"][0]["matches"], 1);
}

TEST(CodePolicy, WaiverByTheFingerprintTheVerdictGives) {
  Workspace ws;
  const std::vector<json> results = {Result("r", "error", "a.py"), Result("r", "error", "b.py")};
  CodeRun first = GateOneRun(ws, {Rule("r")}, results);
  ASSERT_EQ(first.p.exit_code, 1) << first.p.err;
  const std::string fp = ByPath(first, "a.py")["fingerprint"];
  ASSERT_EQ(fp.rfind("code:", 0), 0u) << fp;
  ASSERT_EQ(fp.size(), 5u + 16u) << fp;
  EXPECT_NE(fp, ByPath(first, "b.py")["fingerprint"]);
  ws.Waivers(Waiver(fp, ""));
  CodeRun r = GateOneRun(ws, {Rule("r")}, results);
  EXPECT_EQ(r.p.exit_code, 1) << r.p.err;
  EXPECT_EQ(ByPath(r, "a.py")["disposition"], "waived");
  EXPECT_EQ(ByPath(r, "b.py")["disposition"], "violation");
  // The fingerprint does not depend on the line.
  std::vector<json> moved = results;
  moved[0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 40;
  r = GateOneRun(ws, {Rule("r")}, {moved[0]});
  EXPECT_EQ(r.p.exit_code, 0) << r.p.err;
}

TEST(CodePolicy, WaiverWithAToolScopeMatchesOnlyThatTool) {
  Workspace ws;
  ws.Write("two.sarif", Log({ToolRun("semgrep", {Rule("hardcoded-secret", "error")},
                                     {Result("hardcoded-secret", "", "a.py")}),
                             ToolRun("gitleaks", {Rule("hardcoded-secret", "error")},
                                     {Result("hardcoded-secret", "", "b.py")})})
                            .dump());
  ws.Waivers(Waiver("hardcoded-secret", "    tool: Semgrep\n"));
  CodeRun r = ws.Gate({"two.sarif"});
  EXPECT_EQ(r.p.exit_code, 1) << r.p.err;
  EXPECT_EQ(ByPath(r, "a.py")["disposition"], "waived");
  EXPECT_EQ(ByPath(r, "b.py")["disposition"], "violation");
  // A waiver for another tool waives nothing here.
  ws.Waivers(Waiver("hardcoded-secret", "    tool: codeql\n"));
  r = ws.Gate({"two.sarif"});
  EXPECT_EQ(r.Summary("waived"), 0);
  EXPECT_EQ(r.Summary("violations"), 2);
  EXPECT_EQ(r.verdict["waivers"][0]["status"], "unused");
}

// GitHub's CodeQL action writes absolute file:/// URIs and an
// originalUriBaseIds root; paths (and so waivers and exclusions) are
// relative to it.
TEST(CodePolicy, OriginalUriBaseIdsMakeFileUrisRepositoryRelative) {
  json absolute = Result("r", "error", "file:///checkout/app/src/db.py");
  json based = Result("r", "error", "lib/util%20x.py");
  based["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"] = "SRCROOT";
  json nested = Result("r", "error", "main.go");
  nested["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"] = "CMD";
  json run = ToolRun("CodeQL", {Rule("r")}, {absolute, based, nested});
  run["originalUriBaseIds"] = {
      {"SRCROOT", {{"uri", "file:///checkout/app/"}}},
      {"CMD", {{"uri", "cmd/server/"}, {"uriBaseId", "SRCROOT"}}}};
  Workspace ws;
  ws.Write("codeql.sarif", Log({run}).dump());
  ws.Waivers(Waiver("r", "    path: src/db.py\n"));
  CodeRun r = ws.Gate({"codeql.sarif"});
  ASSERT_TRUE(r.verdict.is_object()) << r.p.err;
  std::set<std::string> paths;
  for (const auto& f : r.verdict["findings"]) paths.insert(f["location"]["path"]);
  EXPECT_EQ(paths, (std::set<std::string>{"src/db.py", "lib/util x.py", "cmd/server/main.go"}));
  EXPECT_EQ(ByPath(r, "src/db.py")["disposition"], "waived");
}

}  // namespace
}  // namespace secgate::code_e2e
