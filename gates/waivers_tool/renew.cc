#include "gates/waivers_tool/renew.h"

#include <ostream>

#include "gates/waivers_tool/context.h"
#include "gates/waivers_tool/entry_lines.h"
#include "gates/core/strings.h"
#include "gates/core/waiver_writer.h"

namespace secgate::waivers {

using core::Error;

namespace {

// Index of the line in [first, last] whose key at `indent` is `key`, or -1.
int FindKey(const std::vector<std::string>& lines, int first, int last, int indent,
            const std::string& key, bool first_line_has_dash) {
  for (int l = first; l <= last; ++l) {
    const std::string& s = lines[l - 1];
    size_t at = static_cast<size_t>(indent);
    if (l == first && first_line_has_dash) at = s.find_first_not_of(" -");
    else if (IndentOf(s) != indent) continue;
    if (at < s.size() && s.compare(at, key.size() + 1, key + ":") == 0) return l;
  }
  return -1;
}

}  // namespace

core::Result<std::string> RenewText(const std::string& text, const RenewConfig& c) {
  const std::string& path = c.waivers;
  auto until = core::ParseDateAt(c.until, "--until");
  if (!until) return until.error();
  if (c.reason.empty() || c.reason.find_first_not_of(" \t") == std::string::npos)
    return Error{"--reason", "a renewal needs a reason"};
  auto parsed = core::ParseWaiverFile(text, path, c.policy.waivers, c.today);
  if (!parsed) return parsed.error();
  const auto& ws = parsed->waivers;
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
  if (candidates == 0) return Error{path, "no waiver with id '" + c.id + "'"};
  if (candidates > 1)
    return Error{path, "several waivers with id '" + c.id + "' (lines " + lines_list +
                           "): choose one with --line"};
  const core::Waiver& w = ws[found];
  std::string where = path + ":" + std::to_string(w.line);
  if (!w.expires) return Error{where, "waiver " + w.id + " has no valid expiry to renew; fix it first"};
  if (*until < c.today)
    return Error{"--until", c.until + " is in the past (today is " + c.today.ToString() + ")"};
  if (*until <= *w.expires)
    return Error{"--until", c.until + " does not extend the current expiry " + w.expires->ToString()};
  long span = core::DaysBetween(c.today, *until);
  if (span > c.policy.waivers.max_days)
    return Error{"--until", c.until + " is " + std::to_string(span) + " days after today (" +
                                c.today.ToString() + "); the policy allows at most " +
                                std::to_string(c.policy.waivers.max_days) + " (waivers.max_days)"};

  std::vector<std::string> lines = SplitLines(text);
  LineRange r = EntryRanges(text, ws)[found];
  const std::string& first = lines[r.first - 1];
  size_t key_col = first.find_first_not_of(" -");
  bool dash = first.find('-') < key_col;
  int indent = static_cast<int>(key_col);
  int exp_line = FindKey(lines, r.first, r.last, indent, "expires", dash);
  if (exp_line < 0)
    return Error{where, "cannot find a block-style 'expires:' line in waiver " + w.id + "; edit it by hand"};
  std::string& el = lines[exp_line - 1];
  el = el.substr(0, el.find("expires:")) + "expires: " + until->ToString();

  core::Renewal ren{c.today.ToString(), w.expires->ToString(), until->ToString(), c.reason, c.by};
  core::DraftWaiver only;
  only.renewed = {ren};
  std::string item = core::EntryYaml(only, 0);
  item = item.substr(item.find("  renewed:\n") + 11);  // "    - date: …" lines
  std::vector<std::string> item_lines = SplitLines(item);
  std::string pad(indent, ' ');
  int ren_line = FindKey(lines, r.first, r.last, indent, "renewed", dash);
  std::vector<std::string> insert;
  int insert_after = r.last;
  if (ren_line < 0) {
    insert.push_back(pad + "renewed:");
  } else {
    std::string& rl = lines[ren_line - 1];
    std::string value = rl.substr(rl.find("renewed:") + 8);
    if (value.find("[]") != std::string::npos) rl = rl.substr(0, rl.find("renewed:") + 8);
    else if (!IsBlankOrComment(value))
      return Error{where, "cannot extend a flow-style 'renewed:' list; edit it by hand"};
    // Keep appending inside the list: after its last item line.
    insert_after = ren_line;
    for (int l = ren_line + 1; l <= r.last; ++l) {
      if (IsBlankOrComment(lines[l - 1])) continue;
      if (IndentOf(lines[l - 1]) < indent ||
          (IndentOf(lines[l - 1]) == indent && lines[l - 1][indent] != '-'))
        break;
      insert_after = l;
    }
  }
  // New items line up with existing ones, else sit two columns in.
  int item_indent = indent + 2;
  if (ren_line > 0 && insert_after > ren_line) {
    for (int l = ren_line + 1; l <= insert_after; ++l)
      if (!IsBlankOrComment(lines[l - 1])) {
        item_indent = IndentOf(lines[l - 1]);
        break;
      }
  }
  for (const auto& il : item_lines) insert.push_back(std::string(item_indent, ' ') + il.substr(4));
  lines.insert(lines.begin() + insert_after, insert.begin(), insert.end());
  std::string out;
  for (const auto& l : lines) out += l + "\n";

  // Fail closed: the edited file must parse to the same entries, with this
  // one renewed and no new problem.
  auto check = core::ParseWaiverFile(out, path, c.policy.waivers, c.today);
  if (!check || check->waivers.size() != ws.size() || !check->waivers[found].expires ||
      *check->waivers[found].expires != *until ||
      check->waivers[found].renewed.size() != w.renewed.size() + 1)
    return Error{where, "could not edit waiver " + w.id + " safely in this layout; edit it by hand"};
  for (const auto& p : check->problems)
    if (p.index == found && w.valid)
      return Error{path + ":" + std::to_string(p.line), "after renewal: " + p.message};
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
