#include "gates/core/report/reporter.h"

#include "gates/core/report/github_reporter.h"
#include "gates/core/report/json_reporter.h"
#include "gates/core/report/junit_reporter.h"
#include "gates/core/report/markdown_reporter.h"
#include "gates/core/report/sarif_reporter.h"
#include "gates/core/report/text_reporter.h"

namespace secgate::core {

std::vector<std::string> ReportFormats() {
  return {"text", "json", "sarif", "junit", "markdown", "github"};
}

Result<std::unique_ptr<Reporter>> MakeReporter(std::string_view format, const ReportOptions& o) {
  if (format == "text") return std::unique_ptr<Reporter>(new TextReporter(o));
  if (format == "json") return std::unique_ptr<Reporter>(new JsonReporter());
  if (format == "sarif") return std::unique_ptr<Reporter>(new SarifReporter());
  if (format == "junit") return std::unique_ptr<Reporter>(new JunitReporter());
  if (format == "markdown") return std::unique_ptr<Reporter>(new MarkdownReporter(o));
  if (format == "github") return std::unique_ptr<Reporter>(new GithubReporter());
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
