// --baseline-out: today's findings as a waiver file (docs/secrets.md, "one-time
// baseline"), valid under core::ParseWaiverFile: gate secrets, id = the
// fingerprint, path scope = the file, owner `unassigned`, reason
// "baseline: pre-existing at adoption", created today, expiring after the
// policy's waivers.max_days. One entry per fingerprint and path; an entry
// is never wider than the file it came from.
#pragma once

#include <string>
#include <vector>

#include "gates/core/date.h"
#include "gates/core/error.h"
#include "gates/core/finding.h"

namespace secgate::secrets {

/// The waiver file text. Every path reads back exactly (control characters
/// escaped); a finding whose path holds a glob character ('*', '?') gets no
/// entry, since no waiver path matches only it: it is counted in *refused
/// and stays a violation rather than being waived in other files too.
std::string BaselineYaml(const std::vector<core::Finding>& findings, const core::Date& today,
                         int max_days, int* refused = nullptr);

/// Writes BaselineYaml to `path`; returns the number of waivers.
core::Result<int> WriteBaseline(const std::string& path, const std::vector<core::Finding>& findings,
                                const core::Date& today, int max_days, int* refused = nullptr);

}  // namespace secgate::secrets
