// vuln.only_new: load the baseline (a waiver file, e.g. written by
// `secgate-waivers baseline`) whose entries mark findings as pre-existing.
// Evaluate then ignores matching findings with reason "in baseline".
//
//   auto entries = LoadBaseline(policy, today); // empty when only_new is off
#pragma once

#include <vector>

#include "gates/core/error.h"
#include "gates/core/policy.h"
#include "gates/core/waiver.h"

namespace secgate::vuln {

/// The vuln entries of policy.vuln.baseline (resolved against the policy
/// file's directory) when policy.vuln.only_new is set; empty otherwise.
/// Dates, owners and reasons are not required of baseline entries (a fresh
/// baseline has them to fill in), but the file must be a valid waiver file
/// shape and every entry needs an id. Errors name the baseline file.
core::Result<std::vector<core::Waiver>> LoadBaseline(const core::Policy& policy,
                                                     const core::Date& today);

}  // namespace secgate::vuln
