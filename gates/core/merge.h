// Merge & dedup: one finding per (vulnerability, package, installed version)
// across every input of a run, where ids that any input declares as aliases
// count as one vulnerability (union-find over alias groups).
//
// Pipeline: readers -> MergeFindings -> Evaluate.
#pragma once

#include <vector>

#include "gates/core/finding.h"

namespace secgate::core {

/// Picks the id a merged finding is shown under: a CVE if any, then a GHSA,
/// then the first id seen. Exposed for tests.
std::string PreferredId(const std::vector<std::string>& ids);

/// Merges duplicates. The merged finding keeps the preferred id, every other
/// id as an alias, the union of sources and fixed versions, the worst known
/// severity (recording which source it came from), and every rating. Fills in
/// `fingerprint` for vuln findings that lack one. Order: first appearance.
std::vector<Finding> MergeFindings(std::vector<Finding> findings);

}  // namespace secgate::core
