// JSON rendering of the waiver report, schema "secgate.waiver-report/v1"
// (documented in docs/waivers.md): the machine-readable twin of the HTML
// report, which the browser test compares row counts against.
#include <nlohmann/json.hpp>

#include "gates/core/report/json_reporter.h"
#include "gates/waivers_tool/report.h"

namespace secgate::waivers {

using nlohmann::ordered_json;

namespace {

ordered_json CommitJson(const Commit& c) {
  return {{"author", c.author}, {"email", c.email}, {"date", c.date}, {"commit", c.id}};
}

ordered_json EntryJson(const ReportEntry& e) {
  const core::Waiver& w = e.waiver;
  ordered_json j = core::WaiverFieldsJson(w, e.status);
  if (e.has_expiry) j["days_left"] = e.days_left;
  j["line"] = w.line;
  j["problems"] = e.problems;
  ordered_json matches = ordered_json::array();
  for (const auto& f : e.matches) {
    ordered_json m = {{"id", f.id}, {"fingerprint", f.fingerprint}};
    if (!f.package.purl.empty()) m["purl"] = f.package.purl;
    if (!f.location.path.empty()) m["path"] = f.location.path;
    if (!f.location.target.empty()) m["target"] = f.location.target;
    if (!f.input.empty()) m["input"] = f.input;
    matches.push_back(m);
  }
  j["matches"] = matches;
  ordered_json h;
  h["committed"] = e.history.committed;
  h["uncommitted_changes"] = e.history.uncommitted_changes;
  if (e.history.committed) {
    h["added"] = CommitJson(e.history.added);
    h["changed"] = CommitJson(e.history.changed);
  }
  j["history"] = h;
  ordered_json ren = ordered_json::array();
  for (const auto& r : w.renewed) {
    ordered_json x = {{"date", r.date}, {"from", r.from}, {"until", r.until}, {"reason", r.reason}};
    if (!r.by.empty()) x["by"] = r.by;
    ren.push_back(x);
  }
  j["renewed"] = ren;
  return j;
}

}  // namespace

std::string RenderJson(const WaiverReport& r) {
  ordered_json j;
  j["schema"] = "secgate.waiver-report/v1";
  j["tool"] = {{"name", "secgate-waivers"}, {"version", SECGATE_VERSION}};
  j["file"] = r.file;
  j["today"] = r.today;
  j["expiring_days"] = r.expiring_days;
  j["results"] = r.results;
  if (!r.history_note.empty()) j["history_note"] = r.history_note;
  ordered_json by_status = ordered_json::object();
  for (auto st : StatusOrder()) {
    std::string name(core::WaiverStatusName(st));
    by_status[name] = r.by_status.at(name);
  }
  ordered_json next = ordered_json::array();
  for (int i : r.next_expiries) {
    const auto& e = r.entries[i];
    next.push_back({{"id", e.waiver.id}, {"owner", e.waiver.owner},
                    {"expires", e.waiver.expires->ToString()}, {"days_left", e.days_left}});
  }
  ordered_json owners = ordered_json::array();
  for (const auto& [o, n] : r.top_owners) owners.push_back({{"owner", o}, {"waivers", n}});
  j["totals"] = {{"waivers", r.entries.size()},
                 {"by_status", by_status},
                 {"by_gate", r.by_gate},
                 {"next_expiries", next},
                 {"top_owners", owners}};
  ordered_json entries = ordered_json::array();
  for (const auto& e : r.entries) entries.push_back(EntryJson(e));
  j["waivers"] = entries;
  return j.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace secgate::waivers
