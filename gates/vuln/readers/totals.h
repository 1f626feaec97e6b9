// Totals a report states about itself (npm's metadata.vulnerabilities, yarn
// classic's auditSummary, cargo-audit's count) compared with what a reader
// actually read, so a report that contradicts its own summary — an emptied
// advisories object next to "critical: 1" — is an error, not a clean pass.
// Each reader decides what its format counts (docs/vuln.md, "Totals").
//
//   SECGATE_ASSIGN_OR_RETURN(Tally stated, ReadTally(meta, where));  // {"high": 6, "low": 7}
//   Tally read;  read["high"] += NpmAdvisoryPaths(adv);
//   SECGATE_RETURN_IF_ERROR(CompareTally(file, "metadata.vulnerabilities", stated, read,
//                                        "advisory paths"));
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "gates/core/error.h"

namespace secgate::vuln {

/// Counts by key ("high" -> 6), as a report states them or as read.
using Tally = std::map<std::string, long>;

/// An object of non-negative integer counts; keys are lower-cased. Error
/// "<where>/<key>: expected a non-negative integer, got string" otherwise.
core::Result<Tally> ReadTally(const nlohmann::json& obj, const std::string& where);

/// Ok when every key has the same count in both (a missing key is 0); else
/// Error "<file>: <what> says high 6, low 7 but the report lists low 7
/// (<unit>)".
core::Status CompareTally(const std::string& file, const std::string& what, const Tally& stated,
                          const Tally& read, const std::string& unit);

/// "high 6, low 7" (keys with 0 left out; "none" when all are 0).
std::string FormatTally(const Tally& t);

/// Sum of the values (keys named "total" excluded).
long TallySum(const Tally& t);

/// What npm 6 metadata counts for one advisory object that ParseNpmAdvisory
/// accepted: the number of dependency paths over its findings[].
long NpmAdvisoryPaths(const nlohmann::json& adv);

}  // namespace secgate::vuln
