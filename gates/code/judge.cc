#include "gates/code/judge.h"

#include "gates/core/glob.h"
#include "gates/core/severity.h"
#include "gates/core/strings.h"

namespace secgate::code {

namespace {

// The code.levels entry for a SARIF level.
const std::optional<core::Severity>& LevelSeverity(const core::CodePolicy& p,
                                                   const std::string& level) {
  if (level == "error") return p.level_error;
  if (level == "warning") return p.level_warning;
  if (level == "note") return p.level_note;
  return p.level_none;
}

// Why the policy ignores `f` outright, or "".
std::string IgnoredBy(const core::CodePolicy& p, const core::Finding& f) {
  const std::string tool = f.sources.empty() ? "" : f.sources.front();
  if (auto it = p.tools.find(core::AsciiLower(tool)); it != p.tools.end() && it->second.disable)
    return "tool " + tool + " disabled (code.tools)";
  if (auto it = p.rules.find(f.id); it != p.rules.end() && it->second.ignore)
    return "rule ignored by code.rules: " + it->second.reason;
  for (const auto& glob : p.paths_exclude)
    if (!f.location.path.empty() && core::GlobMatch(glob, f.location.path))
      return "path excluded (code.paths.exclude: " + glob + ")";
  const std::string& state = f.code ? f.code->baseline_state : std::string();
  if (state == "absent") return "baselineState absent: gone since the producer's baseline";
  if (p.only_new && (state == "unchanged" || state == "updated"))
    return "baselineState " + state + ": in the producer's baseline (code.only_new)";
  return "";
}

// The severity the policy gives `f`: a code.rules override, else its
// security-severity (kept), else its level through code.levels. False when
// the level stands for "not a finding".
bool Rate(const core::CodePolicy& p, core::Finding* f) {
  if (auto it = p.rules.find(f->id); it != p.rules.end() && it->second.severity) {
    f->severity = *it->second.severity;
    f->severity_source = "code.rules";
    return true;
  }
  if (!f->code || f->code->severity_from == "security-severity" ||
      f->code->severity_from == "trivy")
    return true;
  const auto& sev = LevelSeverity(p, f->code->level);
  if (!sev) return false;
  f->severity = *sev;
  f->severity_source = "level " + f->code->level;
  return true;
}

}  // namespace

void JudgeCode(const core::CodePolicy& policy, std::vector<core::Finding>* findings) {
  for (core::Finding& f : *findings) {
    if (f.gate != core::Gate::kCode) continue;
    const bool rated = Rate(policy, &f);
    if (!f.ignore_reason.empty()) continue;
    f.ignore_reason = IgnoredBy(policy, f);
    if (f.ignore_reason.empty() && !rated)
      f.ignore_reason = "level " + f.code->level + ": not a finding (code.levels." +
                        f.code->level + ": ignore)";
  }
}

}  // namespace secgate::code
