// Helpers for the secgate-sbom end-to-end tests: run the real binary with a
// policy (and waivers) written by the test, and read its JSON verdict.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/testing/run_process.h"

namespace secgate::sbom_e2e {

struct GateRun {
  int code = -1;
  std::string out, err;
  nlohmann::json report;  ///< The --report json=… file; null when not written.
};

/// Runs secgate-sbom in `dir` with `policy` (YAML, may be empty) as
/// secgate.yaml, `waivers` as the waiver file when not empty, --today
/// 2026-11-01, and a JSON report; `args` are appended (the SBOMs).
GateRun RunGate(const testing::TempDir& dir, const std::string& policy,
                const std::vector<std::string>& args, const std::string& waivers = "");

/// The one stderr line of an error in dir/name: "secgate-sbom: error:
/// <dir>/<name><msg>\n" (msg starts with ':' and the place).
std::string ErrorLine(const testing::TempDir& dir, const std::string& name,
                      const std::string& msg);

/// "<id> <package name>" of every finding with this disposition, sorted.
std::vector<std::string> WithDisposition(const nlohmann::json& report, const std::string& d);

/// The first finding with this id and package name (null when none).
nlohmann::json FindingFor(const nlohmann::json& report, const std::string& id,
                          const std::string& package);

}  // namespace secgate::sbom_e2e
