// Human text: verdict line, findings worst first (one line each), waiver
// diagnostics and notes. Every value from an input is sanitised for the
// terminal. Colour only when ReportOptions::color.
#pragma once

#include "gates/core/report/reporter.h"

namespace secgate::core {

class TextReporter : public Reporter {
 public:
  explicit TextReporter(ReportOptions o) : o_(o) {}
  void Write(const Verdict& v, std::ostream& out) const override;

 private:
  ReportOptions o_;
};

}  // namespace secgate::core
