// `secgate-waivers baseline --from RESULTS.json... [--waivers FILE]`: the
// one-time adoption step. Every finding in the gate results becomes a waiver
// (reason "baseline: pre-existing at adoption", created today, expiring
// `days` later), scoped so that it waives only what exists today:
//   vuln:    id + package purl *with* version (an upgrade re-surfaces it)
//   secrets: the secret fingerprint + the file path
//   sbom:    id + package purl
// Merging into an existing file appends only findings no existing entry
// already matches; the existing text (comments, order) is kept byte for byte
// when the list is the file's last block, so running twice gives one file.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "gates/core/date.h"
#include "gates/core/error.h"
#include "gates/core/exit_code.h"
#include "gates/core/policy.h"
#include "gates/waivers_tool/results.h"
#include "gates/core/waiver_writer.h"

namespace secgate::waivers {

struct BaselineConfig {
  std::vector<std::string> results;  ///< --from (required, repeatable).
  std::string owner = "unassigned";  ///< --owner.
  std::optional<int> days;           ///< --days; unset = policy waivers.max_days.
  std::string existing;              ///< --waivers: file to merge into; "" = none.
  std::string output = "-";          ///< --output; "-" = stdout.
  core::Policy policy;
  core::Date today;
};

/// The merged file text. Errors: --days out of range, unreadable inputs.
core::Result<std::string> BuildBaseline(const BaselineConfig& config, std::ostream& err);

/// Runs baseline: the file to config.output, a summary line to `err`.
core::ExitCode RunBaseline(const BaselineConfig& config, std::ostream& err);

}  // namespace secgate::waivers
