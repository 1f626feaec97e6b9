#include "gates/waivers_tool/baseline.h"

#include <ostream>
#include <set>

#include "gates/waivers_tool/context.h"
#include "gates/waivers_tool/entry_lines.h"

namespace secgate::waivers {

namespace {

// Appends new entries to the existing text when that keeps it valid YAML: the
// `waivers:` block list must be the last thing in the file. Otherwise the
// whole file is re-emitted (content kept, comments lost) and `err` says so.
std::string Merge(const std::string& text, const core::WaiverFile& existing,
                  const std::vector<core::DraftWaiver>& added, std::ostream& err) {
  if (added.empty()) {
    if (!text.empty() && text.back() != '\n') return text + "\n";
    return text;
  }
  std::vector<std::string> lines = SplitLines(text);
  int list_line = -1, last_top = -1;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (IsBlankOrComment(lines[i]) || IndentOf(lines[i]) > 0 || lines[i][0] == '-') continue;
    last_top = static_cast<int>(i);
    if (lines[i].rfind("waivers:", 0) == 0) list_line = static_cast<int>(i);
  }
  bool block = list_line >= 0 && list_line == last_top &&
               IsBlankOrComment(lines[list_line].substr(8)) && !existing.waivers.empty();
  if (block) {
    int indent = -1;
    for (size_t i = list_line + 1; i < lines.size() && indent < 0; ++i) {
      if (IsBlankOrComment(lines[i])) continue;
      size_t dash = lines[i].find_first_not_of(' ');
      if (lines[i][dash] == '-') indent = static_cast<int>(dash);
      else break;
    }
    if (indent >= 0) {
      std::string out = text;
      if (!out.empty() && out.back() != '\n') out += "\n";
      for (const auto& d : added) out += "\n" + core::EntryYaml(d, indent);
      return out;
    }
  }
  err << kTool << ": note: " << existing.source
      << ": the waivers list is not the file's last block list; rewriting it (comments dropped)\n";
  std::vector<core::DraftWaiver> all;
  for (const auto& w : existing.waivers) all.push_back(core::DraftFromWaiver(w));
  all.insert(all.end(), added.begin(), added.end());
  return core::WaiverFileYaml(all);
}

}  // namespace

core::Result<std::string> BuildBaseline(const BaselineConfig& c, std::ostream& err) {
  const int max_days = c.policy.waivers.max_days;
  int days = c.days.value_or(max_days);  // --days 0 is out of range, not "the default"
  if (days < 1 || days > max_days)
    return core::Error{"--days", std::to_string(days) + " is outside 1.." +
                                     std::to_string(max_days) + " (waivers.max_days)"};
  if (c.owner.empty()) return core::Error{"--owner", "must not be empty"};
  auto results = ReadResultFiles(c.results);
  if (!results) return results.error();

  LoadedWaivers existing;
  if (!c.existing.empty()) {
    auto l = LoadWaivers(c.existing, c.policy, c.today);
    if (!l) return l.error();
    existing = std::move(*l);
  }
  std::set<std::string> keys;
  for (const auto& w : existing.file.waivers) keys.insert(core::DraftKey(core::DraftFromWaiver(w)));
  std::vector<core::DraftWaiver> added;
  int covered = 0, total = 0, refused = 0;
  core::Date expires = c.today.AddDays(days);
  for (const auto& file : *results) {
    for (const auto& rf : file.findings) {
      ++total;
      bool matched = false;
      for (const auto& w : existing.file.waivers)
        matched = matched || core::WaiverMatches(w, rf.finding);
      if (matched) {
        ++covered;
        continue;
      }
      auto d = core::BaselineDraft(rf.finding, c.owner, c.today, expires);
      if (!d) {
        ++refused;
        continue;
      }
      if (!keys.insert(core::DraftKey(*d)).second) {
        ++covered;
        continue;
      }
      added.push_back(std::move(*d));
    }
  }
  err << kTool << ": baseline: " << total << " finding" << (total == 1 ? "" : "s") << ", "
      << added.size() << " new waiver" << (added.size() == 1 ? "" : "s") << ", " << covered
      << " already covered\n";
  if (refused > 0)
    err << kTool << ": baseline: " << refused << " finding" << (refused == 1 ? "" : "s")
        << " left out: " << core::kBaselineRefusedWhy << "\n";
  if (c.existing.empty()) {
    return core::WaiverFileYaml(added, {"secgate waiver file: baseline of pre-existing findings.",
                                  "Review each entry: set an owner and a real reason."});
  }
  return Merge(existing.text, existing.file, added, err);
}

core::ExitCode RunBaseline(const BaselineConfig& c, std::ostream& err) {
  auto text = BuildBaseline(c, err);
  if (!text) return ReportError(text.error(), err);
  if (auto s = WriteOutput(c.output, *text); !s) return ReportError(s.error(), err);
  return core::ExitCode::kPass;
}

}  // namespace secgate::waivers
