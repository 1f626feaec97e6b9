// Markdown for a pull-request comment or the GitHub job summary: the
// verdict line, counts by severity and disposition, the violations table
// (worst first, at most ReportOptions::max_rows rows, then "and K more"),
// waivers expiring soon and expired waivers. Every value from an input is
// escaped (no table breaking, no HTML); the whole text stays under
// kMarkdownMaxBytes (GitHub's step-summary limit is 1 MiB), truncated at a
// line with a note when it would not.
//
//   MarkdownReporter(ReportOptions{}).Write(verdict, out);
#pragma once

#include "gates/core/report/reporter.h"

namespace secgate::core {

/// Largest summary written: under the 1 MiB GitHub accepts per step.
inline constexpr size_t kMarkdownMaxBytes = 1000 * 1000;

class MarkdownReporter : public Reporter {
 public:
  explicit MarkdownReporter(ReportOptions o, size_t max_bytes = kMarkdownMaxBytes)
      : o_(o), max_bytes_(max_bytes) {}
  void Write(const Verdict& v, std::ostream& out) const override;

 private:
  ReportOptions o_;
  size_t max_bytes_;
};

}  // namespace secgate::core
