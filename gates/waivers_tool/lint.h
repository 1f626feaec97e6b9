// `secgate-waivers lint [FILE]`: every problem with the waiver file, one line
// each, "FILE:LINE: message", sorted by line. Core (ParseWaiverFile) checks
// each entry against the policy; lint adds the checks that need the whole
// file or today's date: overlapping entries and creation dates in the future.
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
};

/// Adds whole-file problems to `file` (and marks the entries invalid):
/// an entry whose gate and id equal an earlier entry's and whose scopes
/// contain it or are contained by it, and `created` after `today`.
void AddFileChecks(core::WaiverFile* file, const core::Date& today);

/// True when scope `outer` (a package or a path scope) covers everything
/// `inner` covers. An empty scope covers everything.
bool PackageScopeContains(const std::string& outer, const std::string& inner);
bool PathScopeContains(const std::string& outer, const std::string& inner);

/// Runs lint: problems to `out`, a one-line summary and errors to `err`.
core::ExitCode RunLint(const LintConfig& config, std::ostream& out, std::ostream& err);

}  // namespace secgate::waivers
