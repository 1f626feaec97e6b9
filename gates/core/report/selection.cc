#include "gates/core/report/selection.h"

#include <algorithm>

namespace secgate::core {

ReportSelection SelectWorst(const std::vector<EvaluatedFinding>& findings, size_t limit,
                            std::optional<Disposition> only, std::optional<FindingClass> cls) {
  ReportSelection s;
  for (size_t i = 0; i < findings.size(); ++i)
    if ((!only || findings[i].disposition == *only) &&
        (!cls || ClassOf(findings[i].finding) == *cls))
      s.indices.push_back(i);
  // Evaluate() already sorts worst first; sorting again keeps this correct
  // for any verdict a caller builds by hand.
  std::stable_sort(s.indices.begin(), s.indices.end(),
                   [&](size_t a, size_t b) { return WorseFirst(findings[a], findings[b]); });
  s.total = s.indices.size();
  if (s.indices.size() > limit) s.indices.resize(limit);
  s.omitted = s.total - s.indices.size();
  return s;
}

}  // namespace secgate::core
