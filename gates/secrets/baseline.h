// --baseline-out: today's findings as a waiver file (docs/secrets.md, "one-time
// baseline"), valid under core::ParseWaiverFile. Each entry is the one
// core::BaselineDraft makes for a secret (gate secrets, id = the fingerprint,
// path scope = the file, owner `unassigned`, reason "baseline: pre-existing
// at adoption", created today, expiring after waivers.max_days), emitted by
// core's waiver writer, as `secgate-waivers baseline` does. One entry per
// fingerprint and path; an entry is never wider than the file it came from.
// The CLI writes the file: the engine only returns findings.
#pragma once

#include <string>
#include <vector>

#include "gates/core/date.h"
#include "gates/core/finding.h"

namespace secgate::secrets {

struct Baseline {
  std::string yaml;  ///< The waiver file text.
  int waivers = 0;   ///< Entries written.
  /// Findings left out: their path holds a glob character ('*', '?'), which
  /// no waiver path matches exactly; they stay violations.
  int refused = 0;
};

/// The baseline of `findings` (in any order; entries come out sorted by
/// path, then fingerprint, so the file does not depend on scan order).
Baseline MakeBaseline(const std::vector<core::Finding>& findings, const core::Date& today,
                      int max_days);

}  // namespace secgate::secrets
