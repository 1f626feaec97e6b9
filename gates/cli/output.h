// Writing a verdict out: every --report FORMAT=PATH, the human text, and
// under GitHub Actions the annotations and the job summary. Used by
// Finish() and FailWithError() in common.h, so every gate writes the same
// outputs the same way. Fail closed: an output that cannot be written
// makes the run an error (exit 2).
//
//   auto specs = ParseReportSpecs(opts.reports);        // at PrepareContext
//   bool ok = WriteReports(v, *specs, ropts, "secgate-vuln");
//   if (GithubMode(opts)) ok &= WriteGithub(v, std::cout, "secgate-vuln");
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "gates/cli/common.h"
#include "gates/core/report/reporter.h"

namespace secgate::cli {

/// Splits and checks each "FORMAT=PATH": a known format, a non-empty path,
/// and at most one report on stdout ("-"). Error names the bad spec.
core::Result<std::vector<ReportSpec>> ParseReportSpecs(const std::vector<std::string>& specs);

/// True when GitHub output is on: --github or GITHUB_ACTIONS=true, and not
/// --no-github.
bool GithubMode(const CommonOptions& o);

/// True when any report goes to stdout (the human text and annotations
/// then go to stderr so the report stays parseable).
bool AnyReportOnStdout(const std::vector<ReportSpec>& specs);

/// When a SARIF report is requested and the verdict holds more findings
/// than one SARIF run may, adds a note saying how many results are left
/// out (the text, JSON and Markdown outputs then show it).
void NoteSarifCut(core::Verdict& v, const std::vector<ReportSpec>& specs);

/// Writes each report (files truncated, "-" to stdout). Returns false, with
/// "<tool>: error: <path>: cannot write <format> report" on stderr, if any
/// could not be written completely.
bool WriteReports(const core::Verdict& v, const std::vector<ReportSpec>& specs,
                  const core::ReportOptions& o, const std::string& tool);

/// Writes the workflow-command annotations to `annotations` and appends the
/// Markdown summary to the file named by $GITHUB_STEP_SUMMARY (when set;
/// existing content is kept). Returns false, with an error on stderr, when
/// the summary file cannot be appended to.
bool WriteGithub(const core::Verdict& v, std::ostream& annotations, const std::string& tool);

}  // namespace secgate::cli
