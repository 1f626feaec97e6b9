// License policy: evaluates a parsed SPDX expression against the policy's
// allow and deny lists and explains the outcome in one line.
//
// Rules (docs/sbom.md, "How licenses are judged"):
// - OR passes when any branch passes (the user may choose); AND passes only
//   when every part passes.
// - "-or-later" / "+" is a choice among the published versions of that
//   license from the named one on: GPL-2.0-or-later = GPL-2.0-only OR
//   GPL-3.0-only. So deny GPL-3.0-only fails GPL-3.0-or-later (its only
//   published choice) but not GPL-2.0-or-later (GPL-2.0 can be chosen).
// - A policy entry "X-or-later" / "X+" covers X and every later version.
// - WITH: an entry without an exception covers the license with any
//   exception; an entry with one covers only that exception. When an allow
//   and a deny entry both cover a license, the one naming its exception wins;
//   otherwise deny wins.
// - An id that is neither a known SPDX id, a LicenseRef, nor named in the
//   policy is unrecognised: "unknown" when there is no allow list, "not
//   allowed" when there is one.
//
//   auto p = CompileLicensePolicy({"MIT"}, {"GPL-3.0-only"});
//   LicenseOutcome o = EvaluateLicense(*expr, *p);
//   // o.verdict == LicenseVerdict::kFail, o.problems[0].explanation ==
//   //   "GPL-3.0-only denied in `MIT AND GPL-3.0-only`"
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "gates/core/error.h"
#include "gates/sbom/license_expr.h"

namespace secgate::sbom {

struct LicensePolicy {
  std::vector<LicenseTerm> allow;  ///< Empty = no allow list.
  std::vector<LicenseTerm> deny;
};

/// Parses every entry as a single license term. Error where = "sbom.licenses.allow"
/// or ".deny", message naming the bad entry.
core::Result<LicensePolicy> CompileLicensePolicy(const std::vector<std::string>& allow,
                                                 const std::vector<std::string>& deny);

enum class LicenseVerdict { kPass, kFail, kUnknown };

/// One reason an expression fails. Waiving any one of `ids` clears it (they
/// are alternatives of one OR); separate problems need separate waivers.
struct LicenseProblem {
  std::vector<std::string> ids;  ///< Offending license ids (canonical, without exception).
  std::string explanation;       ///< "GPL-3.0-only denied in `MIT AND GPL-3.0-only`".
};

struct LicenseOutcome {
  LicenseVerdict verdict = LicenseVerdict::kPass;
  std::vector<LicenseProblem> problems;  ///< When kFail.
  std::string explanation;               ///< When kUnknown: what is unrecognised.
};

/// Judges one expression. Pure.
LicenseOutcome EvaluateLicense(const LicenseExpression& e, const LicensePolicy& p);

/// Judges a license as a tool wrote it: an SPDX expression, or (`is_name`)
/// a license name, which must consist of SPDX ids or LicenseRefs. Problems
/// are appended to `fails`; why it cannot be judged (unparseable, not an
/// SPDX id, unrecognised) to `unknown`. Used by secgate-sbom for each
/// component license and by secgate-vuln for each Trivy license.
void JudgeLicenseText(std::string_view text, bool is_name, const LicensePolicy& p,
                      std::vector<LicenseProblem>* fails, std::vector<std::string>* unknown);

}  // namespace secgate::sbom
