// Helpers for the secgate-code end-to-end tests: a scratch workspace that
// runs the real binary (pinned date, JSON verdict, no ambient policy or
// waivers), the independent counter tests/tools/sarif_counts.py, and small
// SARIF 2.1.0 logs built in the test.
//
//   Workspace ws;
//   ws.Write("a.sarif", Log({ToolRun("semgrep", {Rule("r1")}, {Result("r1", "error")})}).dump());
//   CodeRun r = ws.Gate({"a.sarif"});
//   EXPECT_EQ(r.p.exit_code, 1);
//   EXPECT_EQ(r.verdict["summary"]["violations"], 1);
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/testing/run_process.h"

namespace secgate::code_e2e {

using nlohmann::json;
using secgate::testing::ProcessOptions;
using secgate::testing::ProcessResult;

/// Today for every run, so waiver expiry is reproducible.
inline constexpr char kToday[] = "2026-01-15";

struct CodeRun {
  ProcessResult p;
  json verdict;  ///< The JSON verdict (null when none was written).

  /// The verdict's findings whose id is `id`.
  std::vector<json> With(const std::string& id) const;
  /// summary.<key>.
  int Summary(const std::string& key) const;
};

/// A scratch directory the gate runs in (so no secgate.yaml or waiver file
/// from elsewhere is found).
class Workspace {
 public:
  std::string Path(const std::string& name) const { return dir_.path() + "/" + name; }
  /// Writes `content` to `name` and returns its absolute path.
  std::string Write(const std::string& name, const std::string& content) const {
    return dir_.Write(name, content);
  }
  /// Writes secgate.yaml (`version: 1` and `body`) and passes --policy.
  void Policy(const std::string& body);
  /// Writes secgate-waivers.yaml with these waiver entries (YAML list items).
  void Waivers(const std::string& entries);
  /// secgate-code --quiet --today kToday --report json=verdict.json [--policy]
  /// [--waivers] args..., in the workspace.
  CodeRun Gate(const std::vector<std::string>& args, ProcessOptions o = {}) const;

 private:
  secgate::testing::TempDir dir_;
  bool policy_ = false, waivers_ = false;
};

/// What tests/tools/sarif_counts.py prints for each file, in order (one
/// process for all; `trivy`: its Trivy mode). Fails the calling test when
/// the counter fails.
std::vector<json> Counts(const std::vector<std::string>& files, bool trivy = false);
json Counts(const std::string& file, bool trivy = false);

/// The gate's stderr for an error: "secgate-code: error: <what>\n".
std::string ErrorLine(const std::string& what);

// --- SARIF built in the test ------------------------------------------------

/// {"version": "2.1.0", "$schema": …, "runs": runs}.
json Log(const std::vector<json>& runs);
/// One run of `tool` with driver rules and results.
json ToolRun(const std::string& tool, const std::vector<json>& rules,
             const std::vector<json>& results);
/// A rule; `level` is its defaultConfiguration.level ("" = none given).
json Rule(const std::string& id, const std::string& level = "");
/// A result for ruleId `rule` ("" = none) at `level` ("" = none given), in
/// `path` line 3, with a message naming the rule.
json Result(const std::string& rule, const std::string& level, const std::string& path = "src/app.py");
/// Writes Log({ToolRun(tool, rules, results)}) to `name` in `ws` and runs the gate.
CodeRun GateOneRun(Workspace& ws, const std::vector<json>& rules,
                   const std::vector<json>& results,
                   const std::vector<std::string>& extra = {}, const std::string& tool = "semgrep");

}  // namespace secgate::code_e2e
