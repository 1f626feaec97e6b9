// GitLab Code Quality JSON (artifacts:reports:codequality): the merge
// request widget compares it with the target branch's and shows new and
// resolved items on every GitLab tier. One item per violation (severity
// mapped: critical -> blocker, high -> critical, medium -> major, low ->
// minor, unknown -> info) and per waived finding (info, so a newly waived
// finding shows up in review); findings below the threshold or ignored are
// left out, as they change nothing. `fingerprint` is 32 hex digits of the
// SHA-256 of ours, so GitLab pairs items across pipelines as we do (made
// unique within the file with the place, since GitLab shows only the first
// item of a fingerprint); `location` is the finding's file and line (1 when
// unknown).
// A secret is shown only redacted (describe.h).
//
//   CodeQualityReporter().Write(verdict, out);
#pragma once

#include "gates/core/report/reporter.h"

namespace secgate::core {

class CodeQualityReporter : public Reporter {
 public:
  void Write(const Verdict& v, std::ostream& out) const override;
};

}  // namespace secgate::core
