// `secgate-waivers report`: every waiver with its status, what it waives now,
// and its git history, as text, markdown, html or json (report_model.h builds
// the model; one file per format renders it).
//
// Exit codes: 0, or 1 when --fail-on finds something (expired — the default —
// fails on expired or invalid waivers; expiring also on expiring ones; never
// only on errors), 2 on any error.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "gates/core/date.h"
#include "gates/core/exit_code.h"
#include "gates/core/policy.h"
#include "gates/waivers_tool/report_model.h"

namespace secgate::waivers {

struct ReportConfig {
  std::string waivers = "secgate-waivers.yaml";  ///< --waivers.
  std::vector<std::string> results;              ///< --results (repeatable).
  std::string format = "text";                   ///< A WaiverReportFormats() name.
  std::string fail_on = "expired";               ///< expired | expiring | never.
  std::string output = "-";                      ///< --output; "-" = stdout.
  core::Policy policy;
  core::Date today;
};

/// The renderers. Every value from the waiver file or the results is escaped
/// for its format (HTML entities, markdown table cells, terminal controls).
std::string RenderText(const WaiverReport& r);
std::string RenderMarkdown(const WaiverReport& r);
std::string RenderHtml(const WaiverReport& r);
std::string RenderJson(const WaiverReport& r);

/// One output format of `secgate-waivers report`: a row of the table the
/// --format flag, its help and its error message are all derived from.
/// Adding a format is one renderer file, one row, one build line.
struct WaiverReportFormat {
  const char* name;
  std::string (*render)(const WaiverReport&);
};

/// Every format, the default (text) first.
const std::vector<WaiverReportFormat>& WaiverReportFormats();
/// The row named `name`, or nullptr.
const WaiverReportFormat* FindWaiverReportFormat(const std::string& name);
/// "text, markdown, html or json".
std::string WaiverReportFormatNames();

/// "added by A <a@x> on 2026-01-02 (abc1234)…" style one-liners shared by
/// the text renderers.
std::string AddedText(const ReportEntry& e, const WaiverReport& r);
std::string ChangedText(const ReportEntry& e);
/// "CVE-1 in pkg:npm/x@1 (target)" for one matched finding.
std::string FindingText(const core::Finding& f);

/// Runs the report; writes it to config.output.
core::ExitCode RunReport(const ReportConfig& config, std::ostream& err);

}  // namespace secgate::waivers
