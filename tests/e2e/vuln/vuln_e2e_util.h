// Helpers for the secgate-vuln end-to-end tests that write one input:
// run the gate on it (built-in policy, pinned date, JSON verdict) and build
// the expected error line and small Trivy reports.
//
//   GateRun r = Gate(TrivyVuln(R"(,"Severity":"LOW")"));
//   EXPECT_EQ(r.p.err, ErrorLine("/Results/0: ..."));
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/testing/run_process.h"

namespace secgate::testing {

struct GateRun {
  ProcessResult p;
  nlohmann::json verdict;  ///< The JSON verdict; discarded when none was written.
};

/// Runs secgate-vuln on `content` written to in.json in a fresh directory.
inline GateRun Gate(const std::string& content, const std::vector<std::string>& extra = {}) {
  TempDir dir;
  dir.Write("in.json", content);
  std::vector<std::string> argv = {GateBinary("secgate-vuln"), "--quiet", "--today", "2026-01-15",
                                   "--report", "json=verdict.json"};
  argv.insert(argv.end(), extra.begin(), extra.end());
  argv.push_back("in.json");
  ProcessOptions o;
  o.cwd = dir.path();
  o.unset_env = {"GITHUB_ACTIONS"};
  GateRun r{RunProcess(argv, o), nullptr};
  r.verdict = nlohmann::json::parse(ReadFile(dir.path() + "/verdict.json"), nullptr, false);
  return r;
}

/// The gate's stderr for an error at `where_and_what` in in.json.
inline std::string ErrorLine(const std::string& where_and_what) {
  return "secgate-vuln: error: in.json:" + where_and_what + "\n";
}

/// A schema 2 Trivy report with one vulnerability: id, package and version,
/// then `members` (",\"Severity\":\"LOW\"").
inline std::string TrivyVuln(const std::string& members) {
  return R"({"SchemaVersion":2,"ArtifactName":"a","Results":[{"Target":"t","Class":"os-pkgs",)"
         R"("Type":"alpine","Vulnerabilities":[{"VulnerabilityID":"CVE-2024-1","PkgName":"p",)"
         R"("InstalledVersion":"1")" + members + "}]}]}";
}

}  // namespace secgate::testing
