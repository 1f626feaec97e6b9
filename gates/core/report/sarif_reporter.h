// SARIF 2.1.0 as GitHub code scanning accepts it (docs/input-formats.md §16):
// one run per verdict, one rule per vulnerability id / secret rule /
// license id with help text and `security-severity`, one result per
// finding with a level, a location, stable partialFingerprints, and
// waived findings kept as accepted external `suppressions`. At most
// kSarifMaxResults results (the worst, chosen by SelectWorst); the run's
// properties say how many were left out.
//
//   SarifReporter().Write(verdict, out);
//   // upload with github/codeql-action/upload-sarif (docs/outputs.md)
#pragma once

#include "gates/core/report/reporter.h"
#include "gates/core/report/selection.h"

namespace secgate::core {

class SarifReporter : public Reporter {
 public:
  /// `max_results`: results per run before the cut; GitHub's limit by default.
  explicit SarifReporter(size_t max_results = kSarifMaxResults) : max_results_(max_results) {}
  void Write(const Verdict& v, std::ostream& out) const override;

 private:
  size_t max_results_;
};

}  // namespace secgate::core
