// secgate-vuln's license step: a Trivy report's licenses (class license,
// gates/vuln/readers/trivy_classes.h) judged by the policy's sbom.licenses
// allow/deny lists when it has either, with the one implementation
// secgate-sbom uses (gates/sbom/license_policy.h). Without such lists the
// findings keep Trivy's category severity, judged under vuln.fail_on.
//
// With lists, per license finding (docs/vuln.md, "Trivy reports"):
//   denied / not allowed  -> id = the offending SPDX id (Trivy's name kept
//                            as an alias), severity high, the explanation
//   cannot be judged      -> sbom.licenses.unknown: fail = high,
//                            warn = Trivy's own severity, pass = ignored
//   allowed               -> ignored, reason "allowed by sbom.licenses"
//
//   if (Status s = JudgeLicenses(ctx.policy, &findings); !s) return s.error();
#pragma once

#include <vector>

#include "gates/core/error.h"
#include "gates/core/finding.h"
#include "gates/core/policy.h"

namespace secgate::vuln {

/// Applies the license policy to every license finding. Error (naming the
/// policy file) when an allow or deny entry is not a license id.
core::Status JudgeLicenses(const core::Policy& policy, std::vector<core::Finding>* findings);

}  // namespace secgate::vuln
