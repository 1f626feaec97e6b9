#include "gates/waivers_tool/diff.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <ostream>
#include <set>

#include <nlohmann/json.hpp>

#include "gates/core/report/escape.h"
#include "gates/core/report/reporter.h"

namespace secgate::waivers {

using core::Error;
using nlohmann::ordered_json;

namespace {

int Rank(const std::string& disposition) {  // the worst disposition of a key wins
  if (disposition == "violation") return 3;
  if (disposition == "waived") return 2;
  if (disposition == "below_threshold") return 1;
  return 0;
}

std::string KeyOf(const ResultFinding& rf) {
  const core::Finding& f = rf.finding;
  std::string key = std::string(core::GateName(f.gate)) + "\n";
  if (!f.fingerprint.empty()) return key + f.fingerprint;
  return key + f.id + "\n" + (f.package.purl.empty() ? f.package.name : f.package.purl) + "\n" +
         f.location.path;
}

using Side = std::map<std::string, ResultFinding>;

core::Result<Side> Collect(const std::vector<ResultFile>& files, std::set<core::Gate>* gates) {
  Side side;
  for (const ResultFile& file : files) {
    gates->insert(file.gate);
    for (const ResultFinding& rf : file.findings) {
      if (rf.disposition.empty())
        return Error{file.path, "finding " + rf.finding.id + " has no disposition"};
      auto [it, fresh] = side.emplace(KeyOf(rf), rf);
      if (!fresh && Rank(rf.disposition) > Rank(it->second.disposition)) it->second = rf;
    }
  }
  return side;
}

std::string GateList(const std::set<core::Gate>& gates) {
  std::string s;
  for (core::Gate g : gates) s += (s.empty() ? "" : ", ") + std::string(core::GateName(g));
  return s.empty() ? "none" : s;
}

std::string Where(const ResultFinding& rf) {
  const core::Finding& f = rf.finding;
  std::string s = core::PackageLabel(f.package);
  std::string place = f.location.path.empty() ? f.location.target : f.location.path;
  if (!place.empty()) {
    if (f.location.line > 0) place += ":" + std::to_string(f.location.line);
    if (!f.location.commit.empty()) place += " @" + f.location.commit.substr(0, 8);
    s += (s.empty() ? "" : " in ") + place;
  }
  return s;
}

std::string SeverityWord(const ResultFinding& rf) {
  return rf.effective_severity.empty() ? std::string(core::SeverityName(rf.finding.severity))
                                       : rf.effective_severity;
}

/// Why a finding's disposition changed, when the verdict says.
std::string Why(const DiffEntry& e) {
  const ResultFinding& h = *e.head;
  if (h.disposition == "violation" && h.expired_waiver.present())
    return "waiver " + h.expired_waiver.id + " (" + h.expired_waiver.owner + ") expired " +
           h.expired_waiver.expires;
  if (h.disposition == "waived" && h.waiver.present())
    return "waived by " + h.waiver.id + " (" + h.waiver.owner + ", until " + h.waiver.expires +
           (h.waiver.ticket.empty() ? "" : ", " + h.waiver.ticket) + ")";
  return "";
}

int CountKind(const std::vector<ExemptionChange>& c, ExemptionKind k) {
  return static_cast<int>(std::count_if(c.begin(), c.end(), [k](const auto& x) { return x.kind == k; }));
}

std::string PluralName(ExemptionKind k) {
  switch (k) {
    case ExemptionKind::kWaiverAdded: return "waivers added";
    case ExemptionKind::kWaiverRemoved: return "waivers removed";
    case ExemptionKind::kWaiverExtended: return "waivers extended";
    case ExemptionKind::kWaiverRescoped: return "waivers re-scoped";
    case ExemptionKind::kWaiverEdited: return "waivers edited";
    case ExemptionKind::kIgnoreFile: return "ignore files changed";
    case ExemptionKind::kMarker: return "suppression markers added";
  }
  return "changes";
}

std::string Plural(int n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// ---- Markdown, within a budget.

class Budgeted {
 public:
  explicit Budgeted(size_t budget) : budget_(budget) {}
  /// Appends when it fits; false (and nothing appended) when it does not.
  bool Add(const std::string& s) {
    if (out_.size() + s.size() > budget_) return false;
    out_ += s;
    return true;
  }
  void Force(const std::string& s) { out_ += s; }
  const std::string& str() const { return out_; }

 private:
  size_t budget_;
  std::string out_;
};

std::string Cell(const std::string& s) { return core::MarkdownEscape(s); }
std::string Code(const std::string& s) { return core::MarkdownCodeSpan(s); }

/// A table of `rows`; rows that do not fit become "… and N more".
void Table(Budgeted& md, const std::string& header, const std::vector<std::string>& rows,
           const std::string& more_link) {
  md.Force(header);
  for (size_t i = 0; i < rows.size(); ++i) {
    if (md.Add(rows[i])) continue;
    md.Force("\n… and " + std::to_string(rows.size() - i) + " more" + more_link + "\n");
    return;
  }
}

std::string FindingRow(const DiffEntry& e) {
  const ResultFinding& f = e.any();
  return "| " + std::string(core::GateName(f.finding.gate)) + " | " + Code(f.finding.id) + " | " +
         Cell(SeverityWord(f)) + " | " + Cell(Where(f)) + " |\n";
}

}  // namespace

core::Result<VerdictDiff> CompareVerdicts(const std::vector<ResultFile>& base,
                                          const std::vector<ResultFile>& head) {
  std::set<core::Gate> base_gates, head_gates;
  auto b = Collect(base, &base_gates);
  if (!b) return b.error();
  auto h = Collect(head, &head_gates);
  if (!h) return h.error();
  if (base_gates != head_gates)
    return Error{"--base/--head", "the base has verdicts of " + GateList(base_gates) +
                                      " and the head of " + GateList(head_gates) +
                                      "; give both sides the same gates"};
  VerdictDiff d;
  for (auto& [key, rf] : *h) {
    if (rf.disposition == "violation") ++d.head_violations;
    auto it = b->find(key);
    DiffEntry e;
    e.head = rf;
    if (it == b->end()) {
      (rf.disposition == "violation" ? d.new_violations : d.new_other).push_back(std::move(e));
      continue;
    }
    e.base = it->second;
    (it->second.disposition == rf.disposition ? d.still_present : d.changed).push_back(std::move(e));
  }
  for (auto& [key, rf] : *b)
    if (!h->count(key)) d.fixed.push_back(DiffEntry{rf, std::nullopt});
  // Worst first, then by id, so the comment leads with what matters.
  auto order = [](const DiffEntry& x, const DiffEntry& y) {
    const auto& a = x.any().finding;
    const auto& c = y.any().finding;
    return std::tie(c.severity, a.gate, a.id) < std::tie(a.severity, c.gate, c.id);
  };
  for (auto* list : {&d.new_violations, &d.new_other, &d.fixed, &d.changed, &d.still_present})
    std::stable_sort(list->begin(), list->end(), order);
  return d;
}

int DiffReport::failing_exemptions() const {
  if (!exemptions || !policy.exemptions_need_ticket) return 0;
  return static_cast<int>(std::count_if(exemptions->begin(), exemptions->end(), NeedsTicket));
}

core::ExitCode DiffReport::exit_code() const {
  bool fail = failing_exemptions() > 0;
  if (verdicts)
    fail = fail || !verdicts->new_violations.empty() ||
           (policy.fail_on_any && verdicts->head_violations > 0);
  return fail ? core::ExitCode::kFail : core::ExitCode::kPass;
}

namespace {

std::string Headline(const DiffReport& r, bool emoji) {
  std::vector<std::string> parts;
  if (r.verdicts) {
    const VerdictDiff& d = *r.verdicts;
    int n = static_cast<int>(d.new_violations.size());
    parts.push_back(n ? (emoji ? "❌ " : "") + Plural(n, "new violation", "new violations")
                      : (emoji ? "✅ " : "") + std::string("no new violations"));
    if (!d.fixed.empty()) parts.push_back((emoji ? "✅ " : "") + std::to_string(d.fixed.size()) + " fixed");
    if (!d.changed.empty())
      parts.push_back(Plural(static_cast<int>(d.changed.size()), "changed disposition",
                             "changed dispositions"));
    if (!d.still_present.empty())
      parts.push_back(std::to_string(d.still_present.size()) + " still present");
  }
  if (r.exemptions) {
    const auto& c = *r.exemptions;
    for (ExemptionKind k : {ExemptionKind::kWaiverAdded, ExemptionKind::kWaiverExtended,
                            ExemptionKind::kWaiverRescoped, ExemptionKind::kWaiverEdited,
                            ExemptionKind::kWaiverRemoved,
                            ExemptionKind::kIgnoreFile, ExemptionKind::kMarker}) {
      int n = CountKind(c, k);
      if (n == 0) continue;
      std::string s = std::to_string(n) + " " + (n == 1 ? std::string(ExemptionKindName(k)) : PluralName(k));
      if (n == 1 && (k == ExemptionKind::kWaiverAdded || k == ExemptionKind::kWaiverExtended)) {
        auto it = std::find_if(c.begin(), c.end(), [k](const auto& x) { return x.kind == k; });
        s += " (owner " + it->owner + ", expires " + it->expires + ")";
      }
      parts.push_back(s);
    }
    if (c.empty()) parts.push_back("no exemption changes");
    if (int f = r.failing_exemptions()) parts.push_back((emoji ? "❌ " : "") +
                                                        Plural(f, "exemption", "exemptions") +
                                                        " without a ticket");
  }
  std::string s;
  for (const auto& p : parts) s += (s.empty() ? "" : " · ") + p;
  return s;
}

ordered_json EntryJson(const DiffEntry& e) {
  const ResultFinding& f = e.any();
  ordered_json j;
  j["gate"] = core::GateName(f.finding.gate);
  j["id"] = f.finding.id;
  j["severity"] = SeverityWord(f);
  j["fingerprint"] = f.finding.fingerprint;
  if (!f.finding.package.name.empty()) j["package"] = f.finding.package.name;
  if (!f.finding.package.version.empty()) j["version"] = f.finding.package.version;
  if (!f.finding.location.path.empty()) j["path"] = f.finding.location.path;
  if (f.finding.location.line > 0) j["line"] = f.finding.location.line;
  if (e.base) j["base_disposition"] = e.base->disposition;
  if (e.head) j["head_disposition"] = e.head->disposition;
  if (e.head && e.base) {
    std::string why = Why(e);
    if (!why.empty()) j["why"] = why;
  }
  return j;
}

ordered_json ExemptionJson(const ExemptionChange& c, bool require_ticket) {
  ordered_json j;
  j["change"] = ExemptionKindName(c.kind);
  j["what"] = c.what;
  if (!c.gate.empty()) j["gate"] = c.gate;
  if (!c.owner.empty()) j["owner"] = c.owner;
  if (!c.reason.empty()) j["reason"] = c.reason;
  if (!c.ticket.empty()) j["ticket"] = c.ticket;
  if (!c.expires.empty()) j["expires"] = c.expires;
  j["where"] = c.where;
  if (!c.detail.empty()) j["detail"] = c.detail;
  j["loosens"] = c.loosens;
  j["fails"] = require_ticket && NeedsTicket(c);
  return j;
}

}  // namespace

std::string RenderDiffJson(const DiffReport& r) {
  ordered_json j;
  j["schema"] = "secgate.pr-diff/v1";
  j["exit_code"] = core::ToInt(r.exit_code());
  j["headline"] = Headline(r, false);
  if (!r.range.empty()) j["range"] = r.range;
  if (r.verdicts) {
    const VerdictDiff& d = *r.verdicts;
    j["summary"] = {{"new_violations", d.new_violations.size()},
                    {"new_not_failing", d.new_other.size()},
                    {"fixed", d.fixed.size()},
                    {"changed", d.changed.size()},
                    {"still_present", d.still_present.size()},
                    {"head_violations", d.head_violations}};
    auto list = [](const std::vector<DiffEntry>& v) {
      ordered_json a = ordered_json::array();
      for (const auto& e : v) a.push_back(EntryJson(e));
      return a;
    };
    j["new_violations"] = list(d.new_violations);
    j["new_not_failing"] = list(d.new_other);
    j["fixed"] = list(d.fixed);
    j["changed"] = list(d.changed);
    j["still_present"] = list(d.still_present);
  }
  if (r.exemptions) {
    ordered_json a = ordered_json::array();
    for (const auto& c : *r.exemptions) a.push_back(ExemptionJson(c, r.policy.exemptions_need_ticket));
    j["exemptions"] = std::move(a);
    j["exemptions_without_ticket"] = r.failing_exemptions();
  }
  return j.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

std::string RenderDiffText(const DiffReport& r, const std::string& title) {
  std::string out = title + ": " + Headline(r, false) + "\n";
  auto section = [&out](const std::string& title, const std::vector<DiffEntry>& v, bool why) {
    if (v.empty()) return;
    out += "\n" + title + " (" + std::to_string(v.size()) + "):\n";
    for (const auto& e : v) {
      const ResultFinding& f = e.any();
      out += "  " + std::string(core::GateName(f.finding.gate)) + "  " + f.finding.id + "  " +
             SeverityWord(f) + "  " + Where(f);
      if (e.base && e.head && e.base->disposition != e.head->disposition)
        out += "  (" + e.base->disposition + " -> " + e.head->disposition + ")";
      if (why && e.base && e.head) {
        std::string w = Why(e);
        if (!w.empty()) out += ": " + w;
      }
      out += "\n";
    }
  };
  if (r.verdicts) {
    section("New violations", r.verdicts->new_violations, false);
    section("New, not failing", r.verdicts->new_other, false);
    section("Fixed", r.verdicts->fixed, false);
    section("Changed disposition", r.verdicts->changed, true);
  }
  if (r.exemptions && !r.exemptions->empty()) {
    out += "\nExemptions" + (r.range.empty() ? "" : " in " + r.range) + " (" +
           std::to_string(r.exemptions->size()) + "):\n";
    for (const auto& c : *r.exemptions) {
      out += "  " + std::string(ExemptionKindName(c.kind)) + "  " + c.what + "  " + c.where;
      if (!c.owner.empty()) out += "  owner " + c.owner;
      if (!c.expires.empty()) out += "  expires " + c.expires;
      if (!c.ticket.empty()) out += "  ticket " + c.ticket;
      if (!c.detail.empty()) out += "  (" + c.detail + ")";
      if (r.policy.exemptions_need_ticket && NeedsTicket(c)) out += "  [needs a ticket]";
      out += "\n";
    }
  }
  // Values come from the inputs: no control character reaches the terminal.
  std::string safe;
  for (size_t start = 0; start < out.size();) {
    size_t nl = out.find('\n', start);
    safe += core::SanitizeForTerminal(out.substr(start, nl - start)) + "\n";
    start = nl + 1;
  }
  return safe;
}

std::string RenderDiffMarkdown(const DiffReport& r, const MarkdownOptions& o) {
  // Room kept for the cut notices and the closing lines.
  constexpr size_t kReserve = 600;
  Budgeted md(o.budget > kReserve ? o.budget - kReserve : 0);
  const std::string more = o.summary_url.empty() ? "" : " ([full report](" + o.summary_url + "))";
  md.Force(std::string(kCommentMarker) + "\n### secgate: what this pull request changes\n\n" +
           Cell(Headline(r, true)) + "\n");
  const std::string finding_header = "| Gate | ID | Severity | Where |\n|---|---|---|---|\n";
  auto rows = [](const std::vector<DiffEntry>& v) {
    std::vector<std::string> out;
    for (const auto& e : v) out.push_back(FindingRow(e));
    return out;
  };
  if (r.verdicts) {
    const VerdictDiff& d = *r.verdicts;
    if (!d.new_violations.empty())
      Table(md, "\n#### ❌ New violations (" + std::to_string(d.new_violations.size()) + ")\n\n" +
                    finding_header, rows(d.new_violations), more);
    if (!d.changed.empty()) {
      std::vector<std::string> changed;
      for (const auto& e : d.changed)
        changed.push_back("| " + std::string(core::GateName(e.head->finding.gate)) + " | " +
                          Code(e.head->finding.id) + " | " + Cell(e.base->disposition) + " | " +
                          Cell(e.head->disposition) + " | " + Cell(Why(e)) + " |\n");
      Table(md, "\n#### Changed disposition (" + std::to_string(d.changed.size()) +
                    ")\n\n| Gate | ID | Was | Now | Why |\n|---|---|---|---|---|\n",
            changed, more);
    }
    if (!d.fixed.empty())
      Table(md, "\n#### ✅ Fixed (" + std::to_string(d.fixed.size()) + ")\n\n" + finding_header,
            rows(d.fixed), more);
    if (!d.new_other.empty())
      Table(md, "\n#### New, not failing (" + std::to_string(d.new_other.size()) + ")\n\n" +
                    finding_header, rows(d.new_other), more);
  }
  if (r.exemptions && !r.exemptions->empty()) {
    std::vector<std::string> ex;
    for (const auto& c : *r.exemptions) {
      std::string flag = r.policy.exemptions_need_ticket && NeedsTicket(c) ? " ❌ needs a ticket" : "";
      ex.push_back("| " + Cell(std::string(ExemptionKindName(c.kind))) + flag + " | " + Code(c.what) +
                   " | " + Cell(c.owner) + " | " + Cell(c.expires) + " | " + Cell(c.ticket) + " | " +
                   Cell(c.where) + " | " + Cell(c.detail.empty() ? c.reason : c.detail) + " |\n");
    }
    Table(md, "\n#### Exemptions" + (r.range.empty() ? std::string() : " in " + Code(r.range)) +
                  " (" + std::to_string(ex.size()) +
                  ")\n\n| Change | What | Owner | Expires | Ticket | Where | Detail |\n"
                  "|---|---|---|---|---|---|---|\n",
          ex, more);
  }
  if (r.verdicts && !r.verdicts->still_present.empty()) {
    Table(md, "\n<details><summary>Still present (" +
                  std::to_string(r.verdicts->still_present.size()) + ")</summary>\n\n" +
                  finding_header, rows(r.verdicts->still_present), more);
    md.Force("\n</details>\n");
  }
  std::string out = md.str();
  if (out.size() > kCommentLimit) out.resize(kCommentLimit);  // never reached: the budget is lower
  return out;
}

}  // namespace secgate::waivers
