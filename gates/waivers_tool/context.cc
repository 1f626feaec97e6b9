#include "gates/waivers_tool/context.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>

#include "gates/cli/common.h"
#include "gates/core/report/reporter.h"

namespace secgate::waivers {

using core::Error;
using core::Result;

namespace {

bool FileExists(const std::string& p) {
  struct stat st;
  return ::stat(p.c_str(), &st) == 0;
}

}  // namespace

Result<core::Policy> LoadPolicy(const std::string& path) {
  std::string p = path;
  if (p.empty() && FileExists("secgate.yaml")) p = "secgate.yaml";
  if (p.empty()) return core::DefaultPolicy();
  auto text = cli::ReadSmallFile(p);
  if (!text) return text.error();
  return core::ParsePolicy(*text, p);
}

Result<core::Date> ResolveToday(const std::string& text) {
  if (text.empty()) return core::TodayUtc();
  auto d = core::ParseDate(text);
  if (!d) return Error{"--today", "'" + text + "' is not a real date (YYYY-MM-DD)"};
  return *d;
}

Result<LoadedWaivers> LoadWaivers(const std::string& path, const core::Policy& policy,
                                  const core::Date& today) {
  LoadedWaivers out;
  out.path = path.empty() ? kDefaultWaiverFile : path;
  auto text = cli::ReadSmallFile(out.path);
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
  // Write a sibling temporary file and rename it, so a failed write never
  // leaves a half-written waiver file behind.
  std::string tmp = path + ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << content;
    out.close();
    if (!out) {
      std::remove(tmp.c_str());
      return Error{path, "cannot write"};
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return Error{path, "cannot replace the file"};
  }
  return core::Ok{};
}

}  // namespace secgate::waivers
