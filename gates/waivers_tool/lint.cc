#include "gates/waivers_tool/lint.h"

#include <algorithm>
#include <cctype>
#include <ostream>

#include "gates/core/purl.h"
#include "gates/core/report/reporter.h"
#include "gates/waivers_tool/context.h"

namespace secgate::waivers {

namespace {

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

bool HasWildcard(const std::string& s) { return s.find_first_of("*?") != std::string::npos; }

}  // namespace

bool PackageScopeContains(const std::string& outer, const std::string& inner) {
  if (outer.empty() || outer == inner) return true;
  if (inner.empty()) return false;
  auto o = core::ParsePurl(outer), i = core::ParsePurl(inner);
  if (o && i) {
    if (o->Base() != i->Base()) return false;
    return o->version.empty() || o->version == i->version;
  }
  if (!o && !i) {
    // "name" covers "name@version".
    size_t at = inner.rfind('@');
    return at != std::string::npos && at > 0 && core::EqualsIgnoreCase(inner.substr(0, at), outer);
  }
  return false;
}

bool PathScopeContains(const std::string& outer, const std::string& inner) {
  if (outer.empty() || outer == inner) return true;
  if (inner.empty()) return false;
  if (!HasWildcard(inner)) return core::GlobMatch(outer, inner);
  // Both are patterns: only the clear case "dir/**" covers "dir/<anything>".
  if (outer == "**") return true;
  if (outer.size() > 3 && outer.compare(outer.size() - 3, 3, "/**") == 0) {
    std::string prefix = outer.substr(0, outer.size() - 2);  // keeps the '/'
    return !HasWildcard(prefix) && inner.rfind(prefix, 0) == 0;
  }
  return false;
}

void AddFileChecks(core::WaiverFile* file, const core::Date& today) {
  auto& ws = file->waivers;
  for (size_t j = 0; j < ws.size(); ++j) {
    core::Waiver& b = ws[j];
    if (b.created && *b.created > today) {
      file->problems.push_back({b.line, static_cast<int>(j),
                                "waiver " + b.id + ": created " + b.created->ToString() +
                                    " is in the future (today is " + today.ToString() + ")"});
      b.valid = false;
    }
    if (b.id.empty()) continue;
    for (size_t i = 0; i < j; ++i) {
      const core::Waiver& a = ws[i];
      if (a.gate != b.gate || Upper(a.id) != Upper(b.id)) continue;
      // Exact duplicates are already reported by core.
      if (a.package == b.package && a.path == b.path) continue;
      bool a_covers = PackageScopeContains(a.package, b.package) && PathScopeContains(a.path, b.path);
      bool b_covers = PackageScopeContains(b.package, a.package) && PathScopeContains(b.path, a.path);
      if (!a_covers && !b_covers) continue;
      file->problems.push_back(
          {b.line, static_cast<int>(j),
           "waiver " + b.id + ": overlaps the entry on line " + std::to_string(a.line) +
               (a_covers ? " (its scope already covers this one)"
                         : " (this scope covers that one)")});
      b.valid = false;
      break;
    }
  }
  std::stable_sort(file->problems.begin(), file->problems.end(),
                   [](const core::WaiverProblem& x, const core::WaiverProblem& y) {
                     return x.line < y.line;
                   });
}

core::ExitCode RunLint(const LintConfig& config, std::ostream& out, std::ostream& err) {
  auto loaded = LoadWaivers(config.file, config.policy);
  if (!loaded) return ReportError(loaded.error(), err);
  core::WaiverFile& file = loaded->file;
  AddFileChecks(&file, config.today);
  for (const auto& p : file.problems)
    out << core::SanitizeForTerminal(loaded->path + ":" + std::to_string(p.line) + ": " + p.message)
        << "\n";
  size_t n = file.problems.size();
  if (n == 0) {
    err << loaded->path << ": " << file.waivers.size() << " waiver"
        << (file.waivers.size() == 1 ? "" : "s") << ", no problems\n";
    return core::ExitCode::kPass;
  }
  err << loaded->path << ": " << n << " problem" << (n == 1 ? "" : "s") << " in "
      << file.waivers.size() << " waiver" << (file.waivers.size() == 1 ? "" : "s") << "\n";
  return core::ExitCode::kFail;
}

}  // namespace secgate::waivers
