// The run context: what every engine (RunVuln, RunSbom, RunSecrets) is given
// besides its own inputs — the policy, the waiver file, "today" and notes for
// the verdict — and the one way to find and load each of them. The CLI layer
// (gates/cli) fills it from flags; secgate-waivers uses the same loaders, so
// policy discovery and --today mean the same in every program. No CLI11 and
// no printing here.
//
//   std::string note;
//   Result<Policy> p = LoadPolicyOrDefault(opts.policy, &note);  // ./secgate.yaml or defaults
//   Result<Date> today = ResolveToday(opts.today);                // "" = the clock
//   Result<WaiverFile> w = LoadWaiversOrNone(opts.waivers, p->waivers, *today);
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "gates/core/date.h"
#include "gates/core/error.h"
#include "gates/core/policy.h"
#include "gates/core/waiver.h"

namespace secgate::core {

/// The policy file used when none is named and it exists.
inline constexpr const char* kDefaultPolicyFile = "secgate.yaml";
/// The waiver file used when none is named and it exists.
inline constexpr const char* kDefaultWaiverFile = "secgate-waivers.yaml";
/// Largest policy or waiver file read (they are hand-written YAML).
inline constexpr size_t kMaxConfigBytes = size_t{4} << 20;

/// Everything an engine needs that is not its own input.
struct RunContext {
  Policy policy;
  WaiverFile waivers;
  Date today;
  std::vector<std::string> notes;  ///< Shown in the verdict ("no policy file …").
};

/// Reads a policy or waiver file ("-" = stdin), at most kMaxConfigBytes.
Result<std::string> ReadConfigFile(const std::string& path);

/// The policy at `path`; when `path` is empty, ./secgate.yaml if it exists,
/// else the built-in defaults (and `*note`, when given, says so).
Result<Policy> LoadPolicyOrDefault(const std::string& path, std::string* note = nullptr);

/// `text` as a date, or the clock's date (UTC) when `text` is empty. A bad
/// date is an Error at `where` (the flag's name).
Result<Date> ResolveToday(std::string_view text, const std::string& where = "--today");

/// The waiver file at `path`; when `path` is empty, ./secgate-waivers.yaml if
/// it exists, else no waivers (source "none"). Entry problems stay in
/// WaiverFile::problems for the caller to judge (lint lists them, gates refuse).
Result<WaiverFile> LoadWaiversOrNone(const std::string& path, const WaiverPolicy& policy,
                                     const Date& today);

}  // namespace secgate::core
