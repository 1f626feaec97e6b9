#include "gates/waivers_tool/lint.h"

#include <ostream>

#include "gates/core/report/reporter.h"
#include "gates/waivers_tool/codeowners.h"
#include "gates/waivers_tool/context.h"

namespace secgate::waivers {

core::ExitCode RunLint(const LintConfig& config, std::ostream& out, std::ostream& err) {
  auto loaded = LoadWaivers(config.file, config.policy, config.today);
  if (!loaded) return ReportError(loaded.error(), err);
  core::WaiverFile& file = loaded->file;
  for (const auto& p : file.problems)
    out << core::SanitizeForTerminal(loaded->path + ":" + std::to_string(p.line) + ": " + p.message)
        << "\n";
  if (config.codeowners) {
    std::string warning = CodeownersWarning(".", config.file);
    if (!warning.empty()) err << core::SanitizeForTerminal(loaded->path + ": warning: " + warning) << "\n";
  }
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
