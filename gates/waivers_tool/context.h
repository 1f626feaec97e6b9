// What every secgate-waivers subcommand needs before it runs: the policy
// and "today" (core::LoadPolicyOrDefault and core::ResolveToday, exactly as
// the gates find them), and the waiver file's text and parsed form.
//
//   auto file = LoadWaivers("secgate-waivers.yaml", policy, today);
#pragma once

#include <iosfwd>
#include <string>

#include "gates/core/date.h"
#include "gates/core/error.h"
#include "gates/core/exit_code.h"
#include "gates/core/policy.h"
#include "gates/core/run_context.h"
#include "gates/core/waiver.h"

namespace secgate::waivers {

inline constexpr const char* kTool = "secgate-waivers";
/// The waiver file used when none is named.
using core::kDefaultWaiverFile;

/// Options shared by every subcommand.
struct CommonConfig {
  std::string policy;  ///< --policy; empty = ./secgate.yaml if present, else defaults.
  std::string today;   ///< --today YYYY-MM-DD; empty = the real date (UTC).
};

/// The waiver file's bytes and its parsed, validated form.
struct LoadedWaivers {
  std::string path;
  std::string text;
  core::WaiverFile file;
};

/// Reads and validates a waiver file (core::ParseWaiverFile, as the gates do). Unreadable, not YAML, or not
/// {version: 1, waivers: [...]} is an Error; entry problems are in
/// file.problems.
core::Result<LoadedWaivers> LoadWaivers(const std::string& path, const core::Policy& policy,
                                        const core::Date& today);

/// Prints "secgate-waivers: error: <where>: <message>" and returns kError.
core::ExitCode ReportError(const core::Error& e, std::ostream& err);

/// Writes `content` to `path` atomically ("-" = stdout). Error when it cannot.
core::Status WriteOutput(const std::string& path, const std::string& content);

}  // namespace secgate::waivers
