// SBOM checks: turn a read document into findings under the sbom policy.
// Pipeline: readers -> SbomDocument -> CheckDocument -> [Finding] -> Evaluate.
//
// Findings (gate sbom; package = the component; location.path = the SBOM,
// location.target = "<sbom>#<bom-ref or SPDXID or JSON pointer>"):
//   id                 severity   when
//   <license id>       high       a license is denied / not in the allow list
//   banned-component   critical   the purl matches an sbom.banned entry
//   unknown-license    high/low   no license, NOASSERTION, NONE, unparseable or
//                                 unrecognised (licenses.unknown: fail/warn)
//   missing-field      medium     a component lacks a sbom.require.component field
//   missing-field      low        the document lacks a sbom.require.document field
//
//   auto rules = CompileRules(policy.sbom);      // policy errors -> exit 2
//   std::vector<Finding> f = CheckDocument(doc, "bom.json", *rules);
#pragma once

#include <string>
#include <vector>

#include "gates/core/error.h"
#include "gates/core/finding.h"
#include "gates/core/policy.h"
#include "gates/sbom/license_policy.h"
#include "gates/sbom/model.h"
#include "gates/sbom/version_range.h"

namespace secgate::sbom {

inline constexpr const char* kBannedId = "banned-component";
inline constexpr const char* kUnknownLicenseId = "unknown-license";
inline constexpr const char* kMissingFieldId = "missing-field";

/// The sbom policy, validated and compiled.
struct SbomRules {
  LicensePolicy licenses;
  std::string unknown = "warn";  ///< licenses.unknown: fail | warn | pass.
  std::vector<BannedPurl> banned;
  std::vector<std::string> require_component, require_document;
};

/// Parses license entries and banned purls. Error where = "sbom.licenses.deny",
/// "sbom.banned", … naming the bad entry.
core::Result<SbomRules> CompileRules(const core::SbomPolicy& p);

/// Every finding for one document; `file` is the path shown in locations.
std::vector<core::Finding> CheckDocument(const SbomDocument& doc, const std::string& file,
                                         const SbomRules& rules);

}  // namespace secgate::sbom
