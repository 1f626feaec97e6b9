#include "gates/waivers_tool/context.h"


#include <iostream>

#include "gates/core/io.h"
#include "gates/core/report/reporter.h"

namespace secgate::waivers {

using core::Error;
using core::Result;

Result<LoadedWaivers> LoadWaivers(const std::string& path, const core::Policy& policy,
                                  const core::Date& today) {
  LoadedWaivers out;
  out.path = path.empty() ? kDefaultWaiverFile : path;
  auto text = core::ReadConfigFile(out.path);
  if (!text) return text.error();
  out.text = std::move(*text);
  auto file = core::ParseWaiverFile(out.text, out.path, policy.waivers, today);
  if (!file) return file.error();
  out.file = std::move(*file);
  return out;
}

core::ExitCode ReportError(const Error& e, std::ostream& err) {
  err << kTool << ": error: " << core::SanitizeForTerminal(e.ToString()) << "\n";
  return core::ExitCode::kError;
}

core::Status WriteOutput(const std::string& path, const std::string& content) {
  if (path.empty() || path == "-") {
    std::cout << content;
    std::cout.flush();
    if (!std::cout) return Error{"<stdout>", "cannot write"};
    return core::Ok{};
  }
  return core::WriteFileAtomic(path, content);
}

}  // namespace secgate::waivers
