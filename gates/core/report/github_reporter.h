// GitHub Actions workflow commands (docs/input-formats.md §17): one `::error`
// annotation per violation on its file and line (the worst
// kGithubMaxAnnotations, GitHub's per-step cap), `::warning` annotations
// for expired and soon-expiring waivers on the waiver file, and a roll-up
// `::notice` with the counts and how many annotations were left out.
// Messages and parameters are escaped so that no value can end the command
// or start another. The step summary is the Markdown reporter's output,
// appended by the CLI to $GITHUB_STEP_SUMMARY.
//
//   GithubReporter().Write(verdict, std::cout);
#pragma once

#include "gates/core/report/reporter.h"
#include "gates/core/report/selection.h"

namespace secgate::core {

class GithubReporter : public Reporter {
 public:
  /// `max_annotations`: error (and, separately, warning) annotations before
  /// the roll-up; GitHub's limit by default.
  explicit GithubReporter(size_t max_annotations = kGithubMaxAnnotations)
      : max_(max_annotations) {}
  void Write(const Verdict& v, std::ostream& out) const override;

 private:
  size_t max_;
};

}  // namespace secgate::core
