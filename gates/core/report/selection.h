// Which findings a size-limited report renders. GitHub caps a SARIF run at
// 25,000 results and a step at 10 error annotations; when a verdict holds
// more, the worst are kept and the rest are counted, so that every consumer
// can say how many it left out. A pure function of the verdict: reporters
// render what it returns and decide nothing themselves, and the CLI uses
// the same function to put the count in the text output.
//
//   ReportSelection s = SelectWorst(v.findings, kSarifMaxResults);
//   for (size_t i : s.indices) Render(v.findings[i]);
//   if (s.omitted) Note(s.omitted, "results left out");
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "gates/core/verdict.h"

namespace secgate::core {

/// GitHub code scanning rejects a SARIF run with more results than this.
inline constexpr size_t kSarifMaxResults = 25000;
/// GitHub Actions keeps at most this many error annotations per step.
inline constexpr size_t kGithubMaxAnnotations = 10;

struct ReportSelection {
  std::vector<size_t> indices;  ///< Into the findings, worst first.
  size_t total = 0;             ///< Findings eligible (matching `only`).
  size_t omitted = 0;           ///< total - indices.size().
};

/// The at most `limit` worst findings (WorseFirst order), optionally only
/// those with disposition `only`. Stable: equal findings keep their order.
/// `cls` keeps only findings of that class (reports grouped by class).
ReportSelection SelectWorst(const std::vector<EvaluatedFinding>& findings, size_t limit,
                            std::optional<Disposition> only = std::nullopt,
                            std::optional<FindingClass> cls = std::nullopt);

}  // namespace secgate::core
