// Text and markdown renderings of the waiver report (report.h).
#include "gates/core/report/escape.h"
#include "gates/core/report/reporter.h"
#include "gates/core/strings.h"
#include "gates/waivers_tool/report.h"

namespace secgate::waivers {

namespace {

using core::SanitizeForTerminal;

std::string ExpiryText(const ReportEntry& e) {
  if (!e.has_expiry) return "no valid expiry";
  std::string d = e.waiver.expires->ToString();
  if (e.days_left < 0) return "expired " + d + " (" + std::to_string(-e.days_left) + " days ago)";
  if (e.days_left == 0) return "expires " + d + " (today)";
  return "expires " + d + " (in " + std::to_string(e.days_left) + " days)";
}

std::string ScopeText(const core::Waiver& w) {
  std::string s;
  if (!w.package.empty()) s += "package " + w.package;
  if (!w.path.empty()) s += std::string(s.empty() ? "" : ", ") + "path " + w.path;
  return s.empty() ? "everywhere" : s;
}

std::string Counts(const std::map<std::string, int>& m, const std::string& sep) {
  std::string s;
  for (const auto& [k, v] : m) s += (s.empty() ? "" : sep) + k + " " + std::to_string(v);
  return s.empty() ? "none" : s;
}

std::string StatusCounts(const WaiverReport& r) {
  std::string s;
  for (auto st : StatusOrder()) {
    std::string name(core::WaiverStatusName(st));
    s += (s.empty() ? "" : ", ") + name + " " + std::to_string(r.by_status.at(name));
  }
  return s;
}

std::string NextExpiry(const WaiverReport& r, int i) {
  const ReportEntry& e = r.entries[i];
  return e.waiver.expires->ToString() + " " + e.waiver.id + " (" + e.waiver.owner + ", " +
         std::to_string(e.days_left) + " days)";
}

// Markdown text and table cells: the shared Markdown escaping (no pipes,
// line breaks or control characters, no raw HTML, no markup).
std::string Cell(std::string_view s) { return core::MarkdownEscape(s); }

}  // namespace

std::string RenderText(const WaiverReport& r) {
  std::string o;
  auto line = [&](const std::string& s) { o += SanitizeForTerminal(s) + "\n"; };
  line("Waiver report for " + r.file + " (today " + r.today + ", expiring within " +
       std::to_string(r.expiring_days) + " days)");
  if (r.have_results) {
    std::string s;
    for (const auto& p : r.results) s += (s.empty() ? "" : ", ") + p;
    line("Results: " + s);
  } else {
    line("Results: none given (--results), so no waiver is reported unused");
  }
  if (!r.history_note.empty()) line("History: " + r.history_note);
  o += "\n";
  line("Waivers: " + std::to_string(r.entries.size()) + " (" + StatusCounts(r) + ")");
  line("By gate: " + Counts(r.by_gate, ", "));
  std::string next;
  for (int i : r.next_expiries) next += (next.empty() ? "" : "; ") + NextExpiry(r, i);
  line("Next expiries: " + (next.empty() ? "none" : next));
  std::string owners;
  for (const auto& [o2, n] : r.top_owners) owners += (owners.empty() ? "" : ", ") + o2 + " " + std::to_string(n);
  line("Top owners: " + (owners.empty() ? "none" : owners));

  for (auto st : StatusOrder()) {
    std::string name(core::WaiverStatusName(st));
    if (r.by_status.at(name) == 0) continue;
    o += "\n";
    line(core::AsciiUpper(name) + " (" + std::to_string(r.by_status.at(name)) + ")");
    std::string owner = "\x01";
    for (const auto& e : r.entries) {
      if (e.status != st) continue;
      if (e.waiver.owner != owner) {
        owner = e.waiver.owner;
        line("  owner: " + (owner.empty() ? "(none)" : owner));
      }
      line("    [" + core::AsciiUpper(name) + "] " + e.waiver.id + " (" +
           std::string(core::GateName(e.waiver.gate)) + ", line " +
           std::to_string(e.waiver.line) + "): " + ExpiryText(e));
      line("      scope: " + ScopeText(e.waiver));
      line("      reason: " + e.waiver.reason);
      if (!e.waiver.ticket.empty()) line("      ticket: " + e.waiver.ticket);
      for (const auto& p : e.problems) line("      problem: " + p);
      if (r.have_results) {
        line("      waives now: " + std::to_string(e.matches.size()) + " finding" +
             (e.matches.size() == 1 ? "" : "s"));
        for (const auto& f : e.matches) line("        - " + FindingText(f));
      }
      line("      added: " + AddedText(e, r));
      line("      last changed: " + ChangedText(e));
      for (const auto& ren : e.waiver.renewed)
        line("      renewed " + ren.date + ": " + ren.from + " -> " + ren.until + " (" +
             ren.reason + (ren.by.empty() ? "" : ", by " + ren.by) + ")");
    }
  }
  return o;
}

std::string RenderMarkdown(const WaiverReport& r) {
  std::string o = "# Waiver report: " + Cell(r.file) + "\n\n";
  o += "Today " + r.today + "; expiring means within " + std::to_string(r.expiring_days) +
       " days. ";
  o += r.have_results ? "Matched against " + std::to_string(r.results.size()) + " result file(s).\n"
                      : "No results given, so no waiver is reported unused.\n";
  if (!r.history_note.empty()) o += "\nHistory: " + Cell(r.history_note) + "\n";
  o += "\n| Status | Count |\n|---|---|\n";
  for (auto st : StatusOrder()) {
    std::string name(core::WaiverStatusName(st));
    o += "| " + name + " | " + std::to_string(r.by_status.at(name)) + " |\n";
  }
  o += "\n**By gate:** " + Cell(Counts(r.by_gate, ", ")) + "  \n";
  std::string next;
  for (int i : r.next_expiries) next += (next.empty() ? "" : "; ") + NextExpiry(r, i);
  o += "**Next expiries:** " + Cell(next.empty() ? "none" : next) + "  \n";
  std::string owners;
  for (const auto& [ow, n] : r.top_owners) owners += (owners.empty() ? "" : ", ") + ow + " " + std::to_string(n);
  o += "**Top owners:** " + Cell(owners.empty() ? "none" : owners) + "\n";
  for (auto st : StatusOrder()) {
    std::string name(core::WaiverStatusName(st));
    if (r.by_status.at(name) == 0) continue;
    o += "\n## " + core::AsciiUpper(name) + " (" + std::to_string(r.by_status.at(name)) + ")\n\n";
    o += "| Status | Owner | Id | Gate | Expires | Scope | Reason | Waives now | Added | Last changed |\n";
    o += "|---|---|---|---|---|---|---|---|---|---|\n";
    for (const auto& e : r.entries) {
      if (e.status != st) continue;
      std::string now;
      for (const auto& f : e.matches) now += (now.empty() ? "" : "; ") + FindingText(f);
      std::string reason = e.waiver.reason;
      for (const auto& p : e.problems) reason += " (problem: " + p + ")";
      o += "| " + core::AsciiUpper(name) + " | " + Cell(e.waiver.owner) + " | " + Cell(e.waiver.id) + " | " +
           std::string(core::GateName(e.waiver.gate)) + " | " + Cell(ExpiryText(e)) + " | " +
           Cell(ScopeText(e.waiver)) + " | " + Cell(reason) + " | " +
           Cell(r.have_results ? (now.empty() ? "nothing" : now) : "n/a") + " | " +
           Cell(AddedText(e, r)) + " | " + Cell(ChangedText(e)) + " |\n";
    }
  }
  return o;
}

}  // namespace secgate::waivers
