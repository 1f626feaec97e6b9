// SPDX license expressions (SPDX spec 2.3, Annex D): parsing into a small
// tree and printing it back in canonical form. Evaluation against a policy
// lives in license_policy.h.
//
// Grammar (operators case-insensitive here, though SPDX writes them upper-case):
//   or-expr   = and-expr *( "OR" and-expr )
//   and-expr  = with-expr *( "AND" with-expr )        ; AND binds tighter than OR
//   with-expr = term [ "WITH" exception ] / "(" or-expr ")"
//   exception = exception-id (SPDX list, license_ids.h) / "AdditionRef-" idstring
//             / "DocumentRef-" idstring ":AdditionRef-" idstring
//   term      = license-id [ "+" ] / "LicenseRef-" idstring
//             / "DocumentRef-" idstring ":LicenseRef-" idstring
//
// Ids are put into canonical case when known ("apache-2.0" -> "Apache-2.0"),
// deprecated ids become their replacements ("GPL-2.0" -> "GPL-2.0-only",
// "GPL-2.0+" -> "GPL-2.0-or-later"). Parentheses nest at most
// kMaxLicenseNesting deep, so no input can exhaust the stack.
//
//   auto e = ParseLicenseExpression("mit OR (gpl-2.0+ AND Apache-2.0)");
//   e->ToString() == "MIT OR GPL-2.0-or-later AND Apache-2.0"
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "gates/core/error.h"

namespace secgate::sbom {

inline constexpr int kMaxLicenseNesting = 64;

/// One license with its modifiers.
struct LicenseTerm {
  std::string id;         ///< As printed: "GPL-2.0-or-later", "MPL-1.1+", "LicenseRef-x".
  std::string base;       ///< Without -only/-or-later/"+": "GPL-2.0", "MPL-1.1".
  bool or_later = false;  ///< "+" or "-or-later".
  std::string exception;  ///< The WITH exception, canonical when known; "" if none.
  bool known = false;     ///< In the SPDX table (license_ids.h).
  bool ref = false;       ///< LicenseRef-… or DocumentRef-…:LicenseRef-….
  /// Canonical text of the term, exception included ("GPL-2.0-only WITH
  /// Classpath-exception-2.0").
  std::string ToString() const;
};

struct LicenseNode {
  enum class Kind { kTerm, kAnd, kOr };
  Kind kind = Kind::kTerm;
  LicenseTerm term;           ///< kTerm only.
  std::vector<int> children;  ///< kAnd/kOr: indices into nodes (two or more).
};

/// A parsed expression: a tree stored in a vector. Nested ANDs (and ORs) are
/// flattened, so "A AND (B AND C)" has one AND node with three children.
struct LicenseExpression {
  std::vector<LicenseNode> nodes;
  int root = -1;
  /// Canonical text: canonical ids, upper-case operators, parentheses only
  /// where precedence needs them.
  std::string ToString() const;
  std::string ToString(int node) const;
  /// Every term, left to right.
  std::vector<const LicenseTerm*> Terms() const;
};

/// Parses one expression. Errors (never exceptions) describe the problem and
/// its 1-based column: "expected a license id after 'AND', got end of
/// expression", "missing ')' for '(' at column 1", "parentheses nested deeper
/// than 64". Error::where is empty; the caller adds the component.
core::Result<LicenseExpression> ParseLicenseExpression(std::string_view text);

/// Parses a single license term as a policy entry ("GPL-3.0-only",
/// "GPL-2.0+", "GPL-2.0-only WITH Classpath-exception-2.0"); an expression
/// with AND/OR is an error.
core::Result<LicenseTerm> ParseLicenseTerm(std::string_view text);

}  // namespace secgate::sbom
