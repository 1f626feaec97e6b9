// --baseline-out: today's findings as a waiver file (DESIGN.md "one-time
// baseline"), valid under core::ParseWaiverFile: gate secrets, id = the
// fingerprint, path scope = the file, owner `unassigned`, reason
// "baseline: pre-existing at adoption", created today, expiring after the
// policy's waivers.max_days. One entry per fingerprint and path.
#pragma once

#include <string>
#include <vector>

#include "gates/core/date.h"
#include "gates/core/error.h"
#include "gates/core/finding.h"

namespace secgate::secrets {

/// The waiver file text.
std::string BaselineYaml(const std::vector<core::Finding>& findings, const core::Date& today,
                         int max_days);

/// Writes BaselineYaml to `path`; returns the number of waivers.
core::Result<int> WriteBaseline(const std::string& path, const std::vector<core::Finding>& findings,
                                const core::Date& today, int max_days);

}  // namespace secgate::secrets
