// The front end every gate shares: common flags (docs/design.md, "front end"),
// finding and loading the policy and waiver files, writing the requested
// reports, and printing the one-line error. This layer may print; the core
// library never does.
//
//   CommonOptions opts;  AddCommonOptions(app, opts);
//   ... parse ...
//   Result<GateContext> ctx = PrepareContext(opts, Gate::kVuln, "secgate-vuln");
//   Result<Verdict> v = RunVuln(config, *ctx);   // the engine sees a core::RunContext
//   return Finish(*v, *ctx, opts);
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "gates/core/error.h"
#include "gates/core/exit_code.h"
#include "gates/core/policy.h"
#include "gates/core/run_context.h"
#include "gates/core/verdict.h"
#include "gates/core/waiver.h"
#include "gates/waivers_tool/results.h"

namespace secgate::cli {

struct ReportSpec {
  std::string format;  ///< "json", "sarif", ...
  std::string path;    ///< File path, or "-" for stdout.
};

struct CommonOptions {
  std::string policy;        ///< --policy; empty = ./secgate.yaml if present.
  std::string waivers;       ///< --waivers; empty = ./secgate-waivers.yaml if present.
  std::string fail_on;       ///< --fail-on; overrides the policy.
  std::vector<std::string> reports;  ///< --report FORMAT=PATH (repeatable).
  std::string today;         ///< --today YYYY-MM-DD; empty = the real date.
  bool quiet = false;        ///< --quiet: no human text on stdout.
  bool verbose = false;      ///< --verbose: list every finding.
  bool github = false;       ///< --github: GitHub Actions annotations + summary.
  bool no_github = false;    ///< --no-github: never, even under GitHub Actions.
  std::string color = "auto";  ///< --color auto|always|never.
  std::string base_verdict;  ///< --base-verdict: the base's JSON verdict of this gate.
};

/// Everything loaded and validated before a gate runs: the engine's run
/// context (policy, waivers, today, notes) and what only the front end uses.
struct GateContext : core::RunContext {
  std::string tool;  ///< "secgate-vuln".
  core::Gate gate = core::Gate::kVuln;
  std::vector<ReportSpec> reports;
  bool github = false;
  /// --base-verdict, read and checked: Finish compares the run with it and
  /// the exit code follows pr.fail_on (exit 1 on new violations only).
  std::optional<waivers::ResultFile> base;
};

/// Registers the common flags on `app`.
void AddCommonOptions(CLI::App& app, CommonOptions& opts);

/// Adds an option taking a byte count ("--max-input-size"): plain decimal
/// digits, 1 to kMaxByteCount. A sign, a suffix, zero or a value that does
/// not fit is a usage error, never a wrapped-around limit.
inline constexpr unsigned long long kMaxByteCount = 1ULL << 62;
CLI::Option* AddByteCountOption(CLI::App& app, const std::string& name, size_t* out,
                                const std::string& help);

/// Parses argv with CLI11. Returns nullopt to continue, or the exit code to
/// return now: 0 after --help/--version, 2 after a usage error (printed as
/// "<tool>: error: …"). An option or argument given an empty value
/// ("--fail-on ''", as an unset CI variable gives) is a usage error in every
/// gate and subcommand, never "use the default".
std::optional<int> ParseArgs(CLI::App& app, int argc, char** argv, const std::string& tool);

/// Loads the policy and waivers, applies --fail-on, checks --today and every
/// --report spec. Any problem is an Error (the gate exits 2).
core::Result<GateContext> PrepareContext(const CommonOptions& opts, core::Gate gate,
                                         const std::string& tool);

/// Fills the verdict's tool/policy fields, prints the text verdict (unless
/// --quiet), writes every report and GitHub output. Returns the exit code,
/// which is kError if any report cannot be written. With --base-verdict it
/// also prints what changed against the base (secgate-waivers diff's text)
/// and returns that comparison's exit code (pr.fail_on) instead; reports
/// keep the run's own verdict.
core::ExitCode Finish(core::Verdict& v, const GateContext& ctx, const CommonOptions& opts);

/// Prints "<tool>: error: <where>: <message>" to stderr and writes an error
/// verdict to every JSON report requested. Returns kError.
core::ExitCode FailWithError(const std::string& tool, const core::Error& e,
                             const CommonOptions& opts);

}  // namespace secgate::cli
