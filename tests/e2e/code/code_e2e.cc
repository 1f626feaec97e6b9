#include "tests/e2e/code/code_e2e.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <sstream>

namespace secgate::code_e2e {

using secgate::testing::GateBinary;
using secgate::testing::ReadFile;
using secgate::testing::RunProcess;
using secgate::testing::SourceRoot;

std::vector<json> CodeRun::With(const std::string& id) const {
  std::vector<json> out;
  if (!verdict.is_object()) return out;
  for (const auto& f : verdict["findings"])
    if (f["id"] == id) out.push_back(f);
  return out;
}

int CodeRun::Summary(const std::string& key) const {
  if (!verdict.is_object()) return -1;
  return verdict["summary"][key].get<int>();
}

void Workspace::Policy(const std::string& body) {
  Write("secgate.yaml", "version: 1\n" + body);
  policy_ = true;
}

void Workspace::Waivers(const std::string& entries) {
  Write("secgate-waivers.yaml", "version: 1\nwaivers:\n" + entries);
  waivers_ = true;
}

CodeRun Workspace::Gate(const std::vector<std::string>& args, ProcessOptions o) const {
  std::vector<std::string> argv = {GateBinary("secgate-code"), "--quiet", "--today", kToday,
                                   "--report", "json=verdict.json"};
  if (policy_) argv.insert(argv.end(), {"--policy", "secgate.yaml"});
  if (waivers_) argv.insert(argv.end(), {"--waivers", "secgate-waivers.yaml"});
  argv.insert(argv.end(), args.begin(), args.end());
  o.cwd = dir_.path();
  o.unset_env.push_back("GITHUB_ACTIONS");
  std::remove(Path("verdict.json").c_str());
  CodeRun r{RunProcess(argv, o), nullptr};
  r.verdict = json::parse(ReadFile(Path("verdict.json")), nullptr, false);
  if (r.verdict.is_discarded()) r.verdict = nullptr;
  return r;
}

std::vector<json> Counts(const std::vector<std::string>& files, bool trivy) {
  std::vector<std::string> argv = {"/usr/bin/env", "python3",
                                   SourceRoot() + "/tests/tools/sarif_counts.py"};
  if (trivy) argv.push_back("--trivy");
  argv.insert(argv.end(), files.begin(), files.end());
  ProcessResult r = RunProcess(argv);
  EXPECT_EQ(r.exit_code, 0) << "sarif_counts.py: " << r.err;
  std::vector<json> out;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    out.push_back(json::parse(line, nullptr, false));
    EXPECT_TRUE(out.back().is_object()) << line;
  }
  EXPECT_EQ(out.size(), files.size()) << r.out;
  out.resize(files.size());
  return out;
}

json Counts(const std::string& file, bool trivy) { return Counts(std::vector{file}, trivy)[0]; }

std::string ErrorLine(const std::string& what) { return "secgate-code: error: " + what + "\n"; }

json Log(const std::vector<json>& runs) {
  return {{"version", "2.1.0"},
          {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
          {"runs", runs}};
}

json ToolRun(const std::string& tool, const std::vector<json>& rules,
             const std::vector<json>& results) {
  return {{"tool", {{"driver", {{"name", tool}, {"rules", rules}}}}}, {"results", results}};
}

json Rule(const std::string& id, const std::string& level) {
  json r = {{"id", id}, {"shortDescription", {{"text", "rule " + id}}}};
  if (!level.empty()) r["defaultConfiguration"] = {{"level", level}};
  return r;
}

json Result(const std::string& rule, const std::string& level, const std::string& path) {
  json r = {{"message", {{"text", "result of " + (rule.empty() ? "no rule" : rule)}}},
            {"locations",
             {{{"physicalLocation",
                {{"artifactLocation", {{"uri", path}}}, {"region", {{"startLine", 3}}}}}}}}};
  if (!rule.empty()) r["ruleId"] = rule;
  if (!level.empty()) r["level"] = level;
  return r;
}

CodeRun GateOneRun(Workspace& ws, const std::vector<json>& rules,
                   const std::vector<json>& results,
                   const std::vector<std::string>& extra, const std::string& tool) {
  ws.Write("in.sarif", Log({ToolRun(tool, rules, results)}).dump(1));
  std::vector<std::string> args = extra;
  args.push_back("in.sarif");
  return ws.Gate(args);
}

}  // namespace secgate::code_e2e
