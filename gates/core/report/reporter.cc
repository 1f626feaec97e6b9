#include "gates/core/report/reporter.h"

#include "gates/core/report/codequality_reporter.h"
#include "gates/core/report/github_reporter.h"
#include "gates/core/report/json_reporter.h"
#include "gates/core/report/junit_reporter.h"
#include "gates/core/report/markdown_reporter.h"
#include "gates/core/report/sarif_reporter.h"
#include "gates/core/report/text_reporter.h"

#include <type_traits>

namespace secgate::core {

namespace {

// The report formats: one row each, in the order help lists them. Adding a
// format is its own reporter file, one row here and one build line.
struct ReporterRow {
  std::string_view name;
  std::unique_ptr<Reporter> (*make)(const ReportOptions& o);
};

template <typename R>
std::unique_ptr<Reporter> Make(const ReportOptions& o) {
  if constexpr (std::is_constructible_v<R, const ReportOptions&>)
    return std::make_unique<R>(o);
  else
    return std::make_unique<R>();
}

constexpr ReporterRow kReporters[] = {
    {"text", Make<TextReporter>},         {"json", Make<JsonReporter>},
    {"sarif", Make<SarifReporter>},       {"junit", Make<JunitReporter>},
    {"markdown", Make<MarkdownReporter>}, {"github", Make<GithubReporter>},
    {"codequality", Make<CodeQualityReporter>},
};

}  // namespace

std::vector<std::string> ReportFormats() {
  std::vector<std::string> names;
  for (const ReporterRow& r : kReporters) names.emplace_back(r.name);
  return names;
}

Result<std::unique_ptr<Reporter>> MakeReporter(std::string_view format, const ReportOptions& o) {
  for (const ReporterRow& r : kReporters)
    if (r.name == format) return r.make(o);
  std::string list;
  for (const auto& f : ReportFormats()) list += (list.empty() ? "" : ", ") + f;
  return Error{"", "unknown report format '" + std::string(format) + "' (expected one of: " +
                       list + ")"};
}

std::string PackageLabel(const Package& p) {
  if (p.name.empty()) return "";
  return p.version.empty() ? p.name : p.name + "@" + p.version;
}

}  // namespace secgate::core
