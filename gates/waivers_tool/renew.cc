#include "gates/waivers_tool/renew.h"

#include <ostream>

#include "gates/waivers_tool/context.h"
#include "gates/waivers_tool/entry_lines.h"
#include "gates/core/strings.h"
#include "gates/core/waiver_writer.h"

namespace secgate::waivers {

using core::Error;

namespace {

// The keys renew edits, as written in a block-style entry.
constexpr std::string_view kExpiresKey = "expires:";
constexpr std::string_view kRenewedKey = "renewed:";
// core::EntryYaml(draft, 0) writes the `renewed:` key two columns in and its
// items four columns in ("    - date: …"): the new item is cut from there.
constexpr std::string_view kEntryYamlRenewedLine = "  renewed:\n";
constexpr size_t kEntryYamlItemIndent = 4;

// Index of the line in [first, last] whose key at `indent` is `key` (with
// its colon), or -1.
int FindKey(const std::vector<std::string>& lines, int first, int last, int indent,
            std::string_view key, bool first_line_has_dash) {
  for (int l = first; l <= last; ++l) {
    const std::string& s = lines[l - 1];
    size_t at = static_cast<size_t>(indent);
    if (l == first && first_line_has_dash) at = s.find_first_not_of(" -");
    else if (IndentOf(s) != indent) continue;
    if (at < s.size() && s.compare(at, key.size(), key) == 0) return l;
  }
  return -1;
}

// The one waiver the flags name (id, and --gate / --line when given).
core::Result<int> FindWaiver(const std::vector<core::Waiver>& ws, const RenewConfig& c) {
  int found = -1, candidates = 0;
  std::string lines_list;
  for (size_t i = 0; i < ws.size(); ++i) {
    if (!core::EqualsIgnoreCase(ws[i].id, c.id)) continue;
    if (!c.gate.empty() && core::GateName(ws[i].gate) != c.gate) continue;
    if (c.line > 0 && ws[i].line != c.line) continue;
    ++candidates;
    found = static_cast<int>(i);
    lines_list += (lines_list.empty() ? "" : ", ") + std::to_string(ws[i].line);
  }
  if (candidates == 0) return Error{c.waivers, "no waiver with id '" + c.id + "'"};
  if (candidates > 1)
    return Error{c.waivers, "several waivers with id '" + c.id + "' (lines " + lines_list +
                                "): choose one with --line"};
  return found;
}

// The new expiry must extend the waiver's, not lie in the past, and stay
// within waivers.max_days of today.
core::Status CheckNewExpiry(const core::Waiver& w, const core::Date& until, const RenewConfig& c,
                            const std::string& where) {
  if (!w.expires) return Error{where, "waiver " + w.id + " has no valid expiry to renew; fix it first"};
  if (until < c.today)
    return Error{"--until", c.until + " is in the past (today is " + c.today.ToString() + ")"};
  if (until <= *w.expires)
    return Error{"--until", c.until + " does not extend the current expiry " + w.expires->ToString()};
  long span = core::DaysBetween(c.today, until);
  if (span > c.policy.waivers.max_days)
    return Error{"--until", c.until + " is " + std::to_string(span) + " days after today (" +
                                c.today.ToString() + "); the policy allows at most " +
                                std::to_string(c.policy.waivers.max_days) + " (waivers.max_days)"};
  return core::Ok{};
}

// The lines of the entry being edited and the column of its keys.
struct Entry {
  LineRange range;
  int indent = 0;     ///< Column of the entry's keys.
  bool dash = false;  ///< The first line holds the "- " before its key.
  int Find(const std::vector<std::string>& lines, std::string_view key) const {
    return FindKey(lines, range.first, range.last, indent, key, dash);
  }
};

Entry EntryAt(const std::vector<std::string>& lines, LineRange r) {
  const std::string& first = lines[r.first - 1];
  size_t key_col = first.find_first_not_of(" -");
  return Entry{r, static_cast<int>(key_col), first.find('-') < key_col};
}

// Rewrites the value of the entry's block-style `expires:` line.
core::Status SetExpiryLine(std::vector<std::string>* lines, const Entry& e, const core::Date& until,
                           const std::string& where, const std::string& id) {
  int exp_line = e.Find(*lines, kExpiresKey);
  if (exp_line < 0)
    return Error{where, "cannot find a block-style 'expires:' line in waiver " + id + "; edit it by hand"};
  std::string& el = (*lines)[exp_line - 1];
  el = el.substr(0, el.find(kExpiresKey)) + std::string(kExpiresKey) + " " + until.ToString();
  return core::Ok{};
}

// The lines of the new `renewed:` item ("- date: …" first), unindented.
std::vector<std::string> RenewalItemLines(const core::Renewal& ren) {
  core::DraftWaiver only;
  only.renewed = {ren};
  std::string item = core::EntryYaml(only, 0);
  item = item.substr(item.find(kEntryYamlRenewedLine) + kEntryYamlRenewedLine.size());
  std::vector<std::string> lines = SplitLines(item);
  for (auto& l : lines) l = l.substr(kEntryYamlItemIndent);
  return lines;
}

// Where the new item goes: after the entry, under a new `renewed:` key, or
// after the last item of the entry's block list (an empty `[]` is dropped).
struct Insertion {
  int after = 0;         ///< 1-based line the new lines follow.
  int item_indent = 0;   ///< Column of the item's "- ".
  bool new_key = false;  ///< A `renewed:` line goes first.
};

core::Result<Insertion> PlanInsertion(std::vector<std::string>* lines, const Entry& e,
                                      const std::string& where) {
  const int indent = e.indent;
  // New items sit two columns in, unless existing ones say otherwise.
  Insertion at{e.range.last, indent + 2, true};
  int ren_line = e.Find(*lines, kRenewedKey);
  if (ren_line < 0) return at;
  at.new_key = false;
  std::string& rl = (*lines)[ren_line - 1];
  const size_t value_at = rl.find(kRenewedKey) + kRenewedKey.size();
  std::string value = rl.substr(value_at);
  if (value.find("[]") != std::string::npos) rl = rl.substr(0, value_at);
  else if (!IsBlankOrComment(value))
    return Error{where, "cannot extend a flow-style 'renewed:' list; edit it by hand"};
  // Keep appending inside the list: after its last item line.
  at.after = ren_line;
  for (int l = ren_line + 1; l <= e.range.last; ++l) {
    const std::string& s = (*lines)[l - 1];
    if (IsBlankOrComment(s)) continue;
    if (IndentOf(s) < indent || (IndentOf(s) == indent && s[indent] != '-')) break;
    at.after = l;
  }
  // New items line up with the existing ones.
  for (int l = ren_line + 1; l <= at.after; ++l)
    if (!IsBlankOrComment((*lines)[l - 1])) {
      at.item_indent = IndentOf((*lines)[l - 1]);
      break;
    }
  return at;
}

// Adds the renewal item to the entry's `renewed:` list.
core::Status AppendRenewal(std::vector<std::string>* lines, const Entry& e,
                           const core::Renewal& ren, const std::string& where) {
  auto at = PlanInsertion(lines, e, where);
  if (!at) return at.error();
  std::vector<std::string> insert;
  if (at->new_key) insert.push_back(std::string(e.indent, ' ') + std::string(kRenewedKey));
  for (const auto& il : RenewalItemLines(ren))
    insert.push_back(std::string(at->item_indent, ' ') + il);
  lines->insert(lines->begin() + at->after, insert.begin(), insert.end());
  return core::Ok{};
}

// Fail closed: the edited file must parse to the same entries, with the
// renewed one (index `found`) renewed and no new problem.
core::Status CheckEdit(const std::string& out, const core::WaiverFile& before, int found,
                       const core::Date& until, const RenewConfig& c, const std::string& where) {
  const core::Waiver& w = before.waivers[found];
  auto check = core::ParseWaiverFile(out, c.waivers, c.policy.waivers, c.today);
  if (!check || check->waivers.size() != before.waivers.size() ||
      !check->waivers[found].expires || *check->waivers[found].expires != until ||
      check->waivers[found].renewed.size() != w.renewed.size() + 1)
    return Error{where, "could not edit waiver " + w.id + " safely in this layout; edit it by hand"};
  for (const auto& p : check->problems)
    if (p.index == found && w.valid)
      return Error{c.waivers + ":" + std::to_string(p.line), "after renewal: " + p.message};
  return core::Ok{};
}

}  // namespace

core::Result<std::string> RenewText(const std::string& text, const RenewConfig& c) {
  auto until = core::ParseDateAt(c.until, "--until");
  if (!until) return until.error();
  if (c.reason.empty() || c.reason.find_first_not_of(" \t") == std::string::npos)
    return Error{"--reason", "a renewal needs a reason"};
  auto parsed = core::ParseWaiverFile(text, c.waivers, c.policy.waivers, c.today);
  if (!parsed) return parsed.error();
  auto found = FindWaiver(parsed->waivers, c);
  if (!found) return found.error();
  const core::Waiver& w = parsed->waivers[*found];
  const std::string where = c.waivers + ":" + std::to_string(w.line);
  SECGATE_RETURN_IF_ERROR(CheckNewExpiry(w, *until, c, where));

  std::vector<std::string> lines = SplitLines(text);
  const Entry entry = EntryAt(lines, EntryRanges(text, parsed->waivers)[*found]);
  SECGATE_RETURN_IF_ERROR(SetExpiryLine(&lines, entry, *until, where, w.id));
  core::Renewal ren{c.today.ToString(), w.expires->ToString(), until->ToString(), c.reason, c.by};
  SECGATE_RETURN_IF_ERROR(AppendRenewal(&lines, entry, ren, where));
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  SECGATE_RETURN_IF_ERROR(CheckEdit(out, *parsed, *found, *until, c, where));
  return out;
}

core::ExitCode RunRenew(const RenewConfig& c, std::ostream& err) {
  auto loaded = LoadWaivers(c.waivers, c.policy, c.today);
  if (!loaded) return ReportError(loaded.error(), err);
  auto text = RenewText(loaded->text, c);
  if (!text) return ReportError(text.error(), err);
  if (auto s = WriteOutput(loaded->path, *text); !s) return ReportError(s.error(), err);
  err << kTool << ": renewed " << c.id << " until " << c.until << " in " << loaded->path << "\n";
  return core::ExitCode::kPass;
}

}  // namespace secgate::waivers
