#include "gates/waivers_tool/report_model.h"

#include <algorithm>


namespace secgate::waivers {

using core::WaiverStatus;

const std::vector<WaiverStatus>& StatusOrder() {
  static const std::vector<WaiverStatus> kOrder = {WaiverStatus::kExpired, WaiverStatus::kInvalid,
                                                  WaiverStatus::kExpiringSoon,
                                                  WaiverStatus::kUnused, WaiverStatus::kActive};
  return kOrder;
}

namespace {

int Rank(WaiverStatus s) {
  const auto& o = StatusOrder();
  return static_cast<int>(std::find(o.begin(), o.end(), s) - o.begin());
}

// Same precedence as core's verdict: invalid, expired, expiring, unused, active.
WaiverStatus StatusOf(const ReportEntry& e, bool have_results, int expiring_days) {
  if (!e.waiver.valid || !e.has_expiry) return WaiverStatus::kInvalid;
  if (e.days_left < 0) return WaiverStatus::kExpired;
  if (e.days_left <= expiring_days) return WaiverStatus::kExpiringSoon;
  if (have_results && e.matches.empty()) return WaiverStatus::kUnused;
  return WaiverStatus::kActive;
}

}  // namespace

WaiverReport BuildReport(const LoadedWaivers& loaded, const std::vector<ResultFile>& results,
                         const core::Policy& policy, const core::Date& today,
                         const FileBlame& blame) {
  WaiverReport r;
  r.file = loaded.path;
  r.today = today.ToString();
  r.expiring_days = policy.waivers.expiring_days;
  r.have_results = !results.empty();
  r.history_note = blame.note;
  for (const auto& f : results) r.results.push_back(f.path);

  const core::WaiverFile& file = loaded.file;
  std::vector<LineRange> ranges = EntryRanges(loaded.text, file.waivers);
  for (size_t i = 0; i < file.waivers.size(); ++i) {
    ReportEntry e;
    e.waiver = file.waivers[i];
    e.lines = ranges[i];
    e.history = HistoryOf(blame, e.lines);
    for (const auto& p : file.problems)
      if (p.index == static_cast<int>(i)) e.problems.push_back(p.message);
    e.has_expiry = e.waiver.expires.has_value();
    if (e.has_expiry) e.days_left = core::DaysBetween(today, *e.waiver.expires);
    for (const auto& rf : results)
      for (const auto& f : rf.findings)
        if (core::WaiverMatches(e.waiver, f.finding)) e.matches.push_back(f.finding);
    e.status = StatusOf(e, r.have_results, r.expiring_days);
    r.entries.push_back(std::move(e));
  }
  std::stable_sort(r.entries.begin(), r.entries.end(), [](const ReportEntry& a, const ReportEntry& b) {
    if (a.status != b.status) return Rank(a.status) < Rank(b.status);
    if (a.waiver.owner != b.waiver.owner) return a.waiver.owner < b.waiver.owner;
    if (a.days_left != b.days_left) return a.days_left < b.days_left;
    return a.waiver.line < b.waiver.line;
  });

  for (WaiverStatus s : StatusOrder()) r.by_status[std::string(core::WaiverStatusName(s))] = 0;
  std::map<std::string, int> owners;
  std::vector<int> upcoming;
  for (size_t i = 0; i < r.entries.size(); ++i) {
    const ReportEntry& e = r.entries[i];
    r.by_status[std::string(core::WaiverStatusName(e.status))]++;
    r.by_gate[std::string(core::GateName(e.waiver.gate))]++;
    owners[e.waiver.owner.empty() ? "(none)" : e.waiver.owner]++;
    if (e.has_expiry && e.days_left >= 0) upcoming.push_back(static_cast<int>(i));
  }
  std::stable_sort(upcoming.begin(), upcoming.end(), [&](int a, int b) {
    return r.entries[a].days_left < r.entries[b].days_left;
  });
  if (upcoming.size() > 5) upcoming.resize(5);
  r.next_expiries = upcoming;
  r.top_owners.assign(owners.begin(), owners.end());
  std::stable_sort(r.top_owners.begin(), r.top_owners.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (r.top_owners.size() > 5) r.top_owners.resize(5);
  return r;
}

}  // namespace secgate::waivers
