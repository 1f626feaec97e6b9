// The waiver report's model: every waiver with its status, the findings it
// waives now, its git history, and the totals at the top. Built once from
// the waiver file, the results and the blame; the renderers (text, markdown,
// html, json) only format it.
//
//   Result<WaiverReport> r = BuildReport(loaded, results, policy, today, blame);
//   RenderHtml(*r, out);
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "gates/core/date.h"
#include "gates/core/policy.h"
#include "gates/core/verdict.h"
#include "gates/waivers_tool/context.h"
#include "gates/waivers_tool/git_history.h"
#include "gates/waivers_tool/results.h"

namespace secgate::waivers {

struct ReportEntry {
  core::Waiver waiver;
  core::WaiverStatus status = core::WaiverStatus::kActive;
  bool has_expiry = false;
  long days_left = 0;                   ///< expires - today (when has_expiry).
  std::vector<std::string> problems;    ///< Why it is invalid.
  std::vector<core::Finding> matches;   ///< Findings in the results it matches now.
  LineRange lines;
  EntryHistory history;
};

struct WaiverReport {
  std::string file;                     ///< The waiver file.
  std::string today;                    ///< YYYY-MM-DD.
  int expiring_days = 14;
  bool have_results = false;            ///< "unused" is only known with results.
  std::vector<std::string> results;     ///< Result files read.
  std::string history_note;             ///< Set when the file has no git history.
  std::vector<ReportEntry> entries;     ///< Grouped: status (worst first), owner, expiry.
  std::map<std::string, int> by_status; ///< Every status name, zero included.
  std::map<std::string, int> by_gate;   ///< Gates with at least one waiver.
  std::vector<int> next_expiries;       ///< Up to 5 entries not yet expired, soonest first.
  std::vector<std::pair<std::string, int>> top_owners;  ///< Up to 5, most waivers first.
};

/// Statuses in report order: expired, invalid, expiring, unused, active.
const std::vector<core::WaiverStatus>& StatusOrder();

/// Builds the report. Pure: no clock, no I/O (the blame is passed in).
WaiverReport BuildReport(const LoadedWaivers& waivers, const std::vector<ResultFile>& results,
                         const core::Policy& policy, const core::Date& today,
                         const FileBlame& blame);

}  // namespace secgate::waivers
