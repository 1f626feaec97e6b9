// End-to-end: how secgate-code resolves a SARIF result's rule, level and
// severity (SARIF 2.1.0 §3.27.5-3.27.10, §3.52; GitHub's security-severity),
// on small logs written here. The default code.levels map error -> high,
// warning -> medium, note -> low, none -> not a finding; fail_on is high.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "tests/e2e/code/code_e2e.h"

namespace secgate::code_e2e {
namespace {

// The only finding of a run, or null.
json Only(const CodeRun& r) {
  if (!r.verdict.is_object() || r.verdict["findings"].size() != 1) {
    ADD_FAILURE() << "expected one finding: " << r.p.err
                  << (r.verdict.is_object() ? r.verdict["findings"].dump() : "");
    return nullptr;
  }
  return r.verdict["findings"][0];
}

struct LevelCase {
  const char* rule_default;  // "" = the rule gives none
  const char* result_level;  // "" = the result gives none
  int exit_code;
  const char* severity, *level, *from;
};

void ExpectLevels(const std::vector<LevelCase>& cases) {
  Workspace ws;
  for (const LevelCase& c : cases) {
    SCOPED_TRACE(std::string("rule ") + c.rule_default + ", result " + c.result_level);
    CodeRun r = GateOneRun(ws, {Rule("r", c.rule_default)}, {Result("r", c.result_level)});
    EXPECT_EQ(r.p.exit_code, c.exit_code) << r.p.err;
    json f = Only(r);
    EXPECT_EQ(f["severity"], c.severity);
    EXPECT_EQ(f["code"]["level"], c.level);
    EXPECT_EQ(f["code"]["severity_from"], c.from);
  }
}

TEST(CodeResolution, ResultLevelWinsOverTheRuleDefault) {
  ExpectLevels({{"note", "error", 1, "high", "error", "level"},
                {"error", "note", 0, "low", "note", "level"}});
}

// Neither says: SARIF's default, warning.
TEST(CodeResolution, RuleDefaultWhenTheResultHasNoLevelElseWarning) {
  ExpectLevels({{"error", "", 1, "high", "error", "rule level"},
                {"", "", 0, "medium", "warning", "SARIF default"}});
}

// CodeQL writes its rules in tool.extensions (one query pack each) and
// points at them with rule.index + rule.toolComponent.index, without ruleId.
TEST(CodeResolution, RulesOnlyInExtensionsByIndexAndComponent) {
  json run = ToolRun("CodeQL", {}, {});
  run["tool"]["extensions"] = {
      {{"name", "codeql/javascript-queries"}, {"rules", json::array({Rule("js/other", "note")})}},
      {{"name", "codeql/python-queries"},
       {"rules", json::array({Rule("py/unused", "note"), Rule("py/sql-injection", "error")})}}};
  json result = Result("", "");
  result["rule"] = {{"index", 1}, {"toolComponent", {{"index", 1}}}};
  run["results"] = json::array({result});
  Workspace ws;
  ws.Write("codeql.sarif", Log({run}).dump());
  CodeRun r = ws.Gate({"codeql.sarif"});
  EXPECT_EQ(r.p.exit_code, 1) << r.p.err;
  json f = Only(r);
  EXPECT_EQ(f["id"], "py/sql-injection");
  EXPECT_EQ(f["code"]["level"], "error");
  EXPECT_EQ(f["code"]["tool"], "CodeQL");
  EXPECT_FALSE(f["code"].contains("rule_problem")) << f.dump();
}

TEST(CodeResolution, RuleIdLooksInTheDriverThenTheExtensions) {
  json run = ToolRun("semgrep", {Rule("a", "note"), Rule("b", "error")},
                 {Result("b", ""), Result("x", "")});
  run["tool"]["extensions"] =
      json::array({{{"name", "extra"}, {"rules", json::array({Rule("x", "error")})}}});
  Workspace ws;
  ws.Write("ids.sarif", Log({run}).dump());
  CodeRun r = ws.Gate({"ids.sarif"});
  EXPECT_EQ(r.p.exit_code, 1) << r.p.err;
  ASSERT_EQ(r.With("b").size(), 1u);
  EXPECT_EQ(r.With("b")[0]["code"]["level"], "error");
  ASSERT_EQ(r.With("x").size(), 1u);
  EXPECT_EQ(r.With("x")[0]["code"]["level"], "error");
  EXPECT_EQ(r.Summary("violations"), 2);
}

// §3.27.5: a hierarchical ruleId "a/b" names a sub-rule of rule "a".
TEST(CodeResolution, HierarchicalRuleIdResolvesToItsParentRule) {
  Workspace ws;
  CodeRun r = GateOneRun(ws, {Rule("CA2000", "note"), Rule("CA2101", "error")},
                         {Result("CA2101/1", "")});
  EXPECT_EQ(r.p.exit_code, 1) << r.p.err;
  json f = Only(r);
  EXPECT_EQ(f["id"], "CA2101");
  EXPECT_EQ(f["code"]["level"], "error");
  EXPECT_EQ(f["code"]["severity_from"], "rule level");
}

// Producers that sort keys write "results" before "tool".
TEST(CodeResolution, ResultsBeforeTheirToolAreResolved) {
  Workspace ws;
  ws.Write("sorted.sarif",
           R"({"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "runs": [{
  "results": [{"message": {"text": "m"}, "ruleId": "r"}],
  "tool": {"driver": {"name": "sorted", "rules": [
    {"defaultConfiguration": {"level": "error"}, "id": "r"}]}}}],
  "version": "2.1.0"})");
  CodeRun r = ws.Gate({"sorted.sarif"});
  EXPECT_EQ(r.p.exit_code, 1) << r.p.err;
  json f = Only(r);
  EXPECT_EQ(f["code"]["level"], "error");
  EXPECT_EQ(f["code"]["tool"], "sorted");
}

// Trivy writes originalUriBaseIds after its results, the SARIF SDK its
// artifacts: member order is free in JSON, so what follows a result still
// locates it.
TEST(CodeResolution, BaseIdsAndArtifactsAfterTheResultsStillLocateThem) {
  Workspace ws;
  ws.Write("late.sarif", R"({"version": "2.1.0", "runs": [{
  "tool": {"driver": {"name": "late", "rules": [{"id": "r"}]}},
  "results": [
    {"ruleId": "r", "level": "error", "message": {"text": "a"},
     "locations": [{"physicalLocation": {"artifactLocation": {"uri": "main.go", "uriBaseId": "CMD"}}}]},
    {"ruleId": "r", "level": "error", "message": {"text": "b"},
     "locations": [{"physicalLocation": {"artifactLocation": {"uri": "file:///src/repo/lib/x.go"}}}]},
    {"ruleId": "r", "level": "error", "message": {"text": "c"},
     "locations": [{"physicalLocation": {"artifactLocation": {"index": 1}}}]}],
  "originalUriBaseIds": {"ROOT": {"uri": "file:///src/repo/"},
                         "CMD": {"uri": "cmd/server/", "uriBaseId": "ROOT"}},
  "artifacts": [{"location": {"uri": "go.mod"}}, {"location": {"uri": "internal/y.go"}}]}]})");
  CodeRun r = ws.Gate({"late.sarif"});
  ASSERT_TRUE(r.verdict.is_object()) << r.p.err;
  std::set<std::string> paths;
  for (const auto& f : r.verdict["findings"]) paths.insert(f["location"].value("path", ""));
  EXPECT_EQ(paths, (std::set<std::string>{"cmd/server/main.go", "lib/x.go", "internal/y.go"}));
}

TEST(CodeResolution, TwoRunsOfTwoToolsInOneFileAndTwoFilesAtOnce) {
  Workspace ws;
  ws.Write("both.sarif", Log({ToolRun("semgrep", {Rule("s1", "error")}, {Result("s1", "")}),
                              ToolRun("gosec", {Rule("G101", "warning")}, {Result("G101", "")})})
                             .dump());
  ws.Write("third.sarif", Log({ToolRun("bandit", {Rule("B105")}, {Result("B105", "note")})}).dump());
  CodeRun one = ws.Gate({"both.sarif"});
  EXPECT_EQ(one.p.exit_code, 1) << one.p.err;
  ASSERT_EQ(one.With("s1").size(), 1u);
  ASSERT_EQ(one.With("G101").size(), 1u);
  EXPECT_EQ(one.With("s1")[0]["code"]["tool"], "semgrep");
  EXPECT_EQ(one.With("G101")[0]["code"]["tool"], "gosec");
  EXPECT_EQ(one.With("G101")[0]["severity"], "medium");

  CodeRun two = ws.Gate({"both.sarif", "third.sarif"});
  EXPECT_EQ(two.p.exit_code, 1) << two.p.err;
  EXPECT_EQ(two.Summary("findings"), 3);
  EXPECT_EQ(two.Summary("violations"), 1);
  ASSERT_EQ(two.With("B105").size(), 1u);
  EXPECT_EQ(two.With("B105")[0]["code"]["tool"], "bandit");
  EXPECT_EQ(two.With("B105")[0]["input"], "third.sarif");
  ASSERT_EQ(two.verdict["inputs"].size(), 2u);
  EXPECT_EQ(two.verdict["inputs"][0]["findings"], 2);
  EXPECT_EQ(two.verdict["inputs"][1]["findings"], 1);
}

TEST(CodeResolution, SecuritySeverityOnTheResultBeatsTheRulesAndTheLevel) {
  json rule = Rule("r", "note");
  rule["properties"] = {{"security-severity", "9.5"}};
  json own = Result("r", "error", "own.py");
  own["properties"] = {{"security-severity", "2.0"}};
  json inherits = Result("r", "note", "inherits.py");
  Workspace ws;
  CodeRun r = GateOneRun(ws, {rule}, {own, inherits});
  EXPECT_EQ(r.p.exit_code, 1) << r.p.err;
  ASSERT_EQ(r.verdict["findings"].size(), 2u);
  for (const auto& f : r.verdict["findings"]) {
    EXPECT_EQ(f["code"]["severity_from"], "security-severity");
    EXPECT_EQ(f["severity"], f["location"]["path"] == "own.py" ? "low" : "critical");
  }
  EXPECT_EQ(r.Summary("violations"), 1);
  // CVSS bands at their edges, and severity words.
  std::vector<json> edges;
  for (const char* v : {"9.0", "8.9", "7.0", "6.9", "4.0", "3.9", "0.0", "HIGH", "medium"}) {
    json res = Result("r", "error", std::string("p") + v);
    res["properties"] = {{"security-severity", v}};
    edges.push_back(res);
  }
  r = GateOneRun(ws, {Rule("r")}, edges);
  const std::map<std::string, std::string> want = {
      {"p9.0", "critical"}, {"p8.9", "high"}, {"p7.0", "high"},     {"p6.9", "medium"},
      {"p4.0", "medium"},   {"p3.9", "low"},  {"p0.0", "low"},      {"pHIGH", "high"},
      {"pmedium", "medium"}};
  ASSERT_EQ(r.verdict["findings"].size(), want.size()) << r.p.err;
  for (const auto& f : r.verdict["findings"])
    EXPECT_EQ(f["severity"], want.at(f["location"]["path"])) << f["location"]["path"];
}

TEST(CodeResolution, KindPassIsCountedAndNotGated) {
  json pass = Result("r", "none");
  pass["kind"] = "pass";
  json na = Result("r", "");
  na["kind"] = "notApplicable";
  Workspace ws;
  CodeRun r = GateOneRun(ws, {Rule("r", "error")}, {pass, na});
  EXPECT_EQ(r.p.exit_code, 0) << r.p.err;
  EXPECT_EQ(r.Summary("findings"), 0);
  EXPECT_EQ(r.verdict["inputs"][0]["skipped"]["passed"], 2);
}

// §3.27.10: a result whose kind is not "fail" has level "none" when it gives
// none, whatever its rule's default; level none is not a finding (listed,
// ignored) under the default code.levels.
TEST(CodeResolution, KindReviewDefaultsToLevelNone) {
  json review = Result("r", "");
  review["kind"] = "review";
  json open = Result("r", "", "other.py");
  open["kind"] = "open";
  Workspace ws;
  CodeRun r = GateOneRun(ws, {Rule("r", "error")}, {review, open});
  EXPECT_EQ(r.p.exit_code, 0) << r.p.err;
  ASSERT_EQ(r.verdict["findings"].size(), 2u);
  std::set<std::string> kinds;
  for (const auto& f : r.verdict["findings"]) {
    kinds.insert(f["code"]["kind"].get<std::string>());
    EXPECT_EQ(f["code"]["level"], "none");
    EXPECT_EQ(f["disposition"], "ignored");
    EXPECT_NE(f.value("reason", "").find("not a finding"), std::string::npos) << f.dump();
  }
  EXPECT_EQ(kinds, (std::set<std::string>{"open", "review"}));
  // A level the result gives itself still counts.
  review["level"] = "error";
  r = GateOneRun(ws, {Rule("r")}, {review});
  EXPECT_EQ(r.p.exit_code, 1) << r.p.err;
}

}  // namespace
}  // namespace secgate::code_e2e
