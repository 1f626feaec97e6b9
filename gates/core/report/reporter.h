// Reporters render a Verdict to a stream. One file per format; they never
// filter or decide anything (everything they show is in the Verdict).
//
//   auto r = MakeReporter("json", ReportOptions{});
//   if (r) (*r)->Write(verdict, out);
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "gates/core/error.h"
#include "gates/core/report/escape.h"  // SanitizeForTerminal, used with every reporter
#include "gates/core/verdict.h"

namespace secgate::core {

struct ReportOptions {
  bool color = false;    ///< ANSI colour (text only). Default: off.
  bool verbose = false;  ///< Text: list every finding, not just the first rows.
  int max_rows = 50;     ///< Markdown/text: rows before "and K more".
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  /// Writes the whole report. Stream errors are the caller's to check.
  virtual void Write(const Verdict& v, std::ostream& out) const = 0;
};

/// Formats MakeReporter knows, for --help and error messages.
std::vector<std::string> ReportFormats();

/// A reporter for `format` ("text", "json", ...); Error for an unknown one.
Result<std::unique_ptr<Reporter>> MakeReporter(std::string_view format, const ReportOptions& o);

/// "name@version" or "name", for one-line displays.
std::string PackageLabel(const Package& p);

}  // namespace secgate::core
