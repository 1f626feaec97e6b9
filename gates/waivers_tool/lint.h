// `secgate-waivers lint [FILE]`: every problem with the waiver file, one line
// each, "FILE:LINE: message", sorted by line. Every check is core's
// ParseWaiverFile, the same validator every gate's waiver loader calls, so
// lint and the gates can never disagree about a file.
//
// Exit codes: 0 clean, 1 problems, 2 unreadable or not a waiver file.
#pragma once

#include <iosfwd>
#include <string>

#include "gates/core/date.h"
#include "gates/core/exit_code.h"
#include "gates/core/policy.h"
#include "gates/core/waiver.h"

namespace secgate::waivers {

struct LintConfig {
  std::string file = "secgate-waivers.yaml";  ///< The waiver file.
  core::Policy policy;                        ///< Default: built-in defaults.
  core::Date today;
  /// --codeowners: also warn when no CODEOWNERS entry covers the file.
  bool codeowners = false;
};

/// Runs lint: problems to `out`, a one-line summary and errors to `err`.
core::ExitCode RunLint(const LintConfig& config, std::ostream& out, std::ostream& err);

}  // namespace secgate::waivers
