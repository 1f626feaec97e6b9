// Helpers for the report end-to-end tests: run secgate-vuln on copies of
// the real Trivy fixtures with a waiver file written by the test, generate
// large Trivy reports, and call the independent checkers (Ajv with the
// official SARIF schema; python3's XML parser).
//
//   Workspace ws;                       // temp dir with fixtures + waivers
//   ProcessResult r = ws.Vuln({"--report", "sarif=out.sarif", "alpine-39.json"});
//   ProcessResult ok = ValidateSarif({ws.Path("out.sarif")});
#pragma once

#include <map>
#include <string>
#include <vector>

#include "tests/testing/run_process.h"

namespace secgate::reports_e2e {

using secgate::testing::ProcessOptions;
using secgate::testing::ProcessResult;

/// Today for every run, so waiver expiry is reproducible.
inline constexpr char kToday[] = "2026-01-10";

/// Trivy fixtures (tests/fixtures/vuln/trivy/) the tests run on.
const std::vector<std::string>& TrivyFixtures();

/// A scratch directory holding copies of TrivyFixtures() and
/// secgate-waivers.yaml (waives CVE-2019-14697 in musl, CVE-2019-10744;
/// CVE-2019-18224 with a waiver expiring in 10 days).
class Workspace {
 public:
  Workspace();
  std::string Path(const std::string& name) const;
  std::string Write(const std::string& name, const std::string& content) const;
  /// Runs secgate-vuln in the workspace with --today and --waivers added,
  /// and with GITHUB_ACTIONS, GITHUB_STEP_SUMMARY and NO_COLOR unset unless
  /// `env` sets them.
  ProcessResult Vuln(std::vector<std::string> args,
                     const std::map<std::string, std::string>& env = {}) const;

 private:
  secgate::testing::TempDir dir_;
};

/// Runs tests/tools/install-node-tools.sh (idempotent); fails the calling
/// test when it does not succeed.
void InstallNodeTools();

/// Validates each file against tests/schemas/sarif-2.1.0.json.
ProcessResult ValidateSarif(const std::vector<std::string>& files);

/// A Trivy JSON report (SchemaVersion 2) with one lockfile target holding
/// `critical` CRITICAL then `low` LOW vulnerabilities, each in its own
/// package so none merge (ids: CVE-2099-1000N for critical ones, 40 shared
/// CVE-2098-… ids for low ones). `name_extra` is appended to package names.
std::string GenerateTrivy(int critical, int low, const std::string& name_extra = "");

}  // namespace secgate::reports_e2e
