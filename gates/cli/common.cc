#include "gates/cli/common.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <sys/stat.h>

#include "gates/cli/output.h"
#include "gates/core/io.h"
#include "gates/core/report/reporter.h"
#include "gates/waivers_tool/diff.h"

namespace secgate::cli {

using core::Error;
using core::ExitCode;
using core::Result;
using core::Status;

namespace {

bool UseColor(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  const char* term = std::getenv("TERM");
  if (term && std::string(term) == "dumb") return false;
  return ::isatty(STDOUT_FILENO) == 1;
}

// The first option (in `app` or a subcommand that was used) given an empty
// value, or nullptr. Flags take no value and are skipped.
const CLI::Option* OptionWithEmptyValue(CLI::App& app) {
  for (const CLI::Option* opt : app.get_options()) {
    if (opt->get_type_size_max() == 0) continue;
    for (const auto& r : opt->results())
      if (r.empty()) return opt;
  }
  for (CLI::App* sub : app.get_subcommands())
    if (const CLI::Option* opt = OptionWithEmptyValue(*sub)) return opt;
  return nullptr;
}

}  // namespace

CLI::Option* AddByteCountOption(CLI::App& app, const std::string& name, size_t* out,
                                const std::string& help) {
  auto parse = [name, out](const std::string& s) {
    unsigned long long v = 0;
    bool ok = !s.empty() && s.size() <= 19 &&
              s.find_first_not_of("0123456789") == std::string::npos;
    if (ok) v = std::stoull(s);
    if (!ok || v < 1 || v > kMaxByteCount)
      throw CLI::ValidationError(name, "expected a whole number of bytes from 1 to " +
                                           std::to_string(kMaxByteCount) + ", got '" + s + "'");
    *out = static_cast<size_t>(v);
  };
  return app.add_option_function<std::string>(name, parse, help);
}

void AddCommonOptions(CLI::App& app, CommonOptions& o) {
  app.add_option("--policy", o.policy,
                 "Policy file (default: ./secgate.yaml if present, else built-in defaults)");
  app.add_option("--waivers", o.waivers,
                 "Waiver file (default: ./secgate-waivers.yaml if present, else none)");
  app.add_option("--fail-on", o.fail_on,
                 "Fail at or above this severity: critical, high, medium, low (overrides the policy)");
  app.add_option("--report", o.reports,
                 "Write a report: FORMAT=PATH, repeatable, PATH '-' is stdout. Formats: " + [] {
                   std::string s;
                   for (const auto& f : core::ReportFormats()) s += (s.empty() ? "" : ", ") + f;
                   return s;
                 }())
      ->allow_extra_args(false);  // each --report takes exactly one FORMAT=PATH
  app.add_option("--today", o.today,
                 "Pin today's date (YYYY-MM-DD) for waiver expiry; default: the real date (UTC)");
  app.add_option("--base-verdict", o.base_verdict,
                 "Compare with this JSON verdict of the same gate on the base branch: print new, "
                 "fixed and changed findings; exit 1 only on new violations (policy pr.fail_on)");
  app.add_flag("-q,--quiet", o.quiet, "No human-readable text on stdout");
  app.add_flag("-v,--verbose", o.verbose, "List every finding, not just the first rows");
  app.add_flag("--github", o.github, "GitHub Actions annotations and step summary (default: on under GITHUB_ACTIONS=true)");
  app.add_flag("--no-github", o.no_github, "Never write GitHub Actions annotations or summary");
  app.add_option("--color", o.color, "Colour: auto (terminal, honours NO_COLOR), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_flag_callback(
      "--print-policy",
      [&o] {
        std::string note;
        auto policy = core::LoadPolicyOrDefault(o.policy, &note);
        if (!policy) throw CLI::ValidationError("--print-policy", policy.error().ToString());
        if (!o.fail_on.empty()) {
          auto sev = core::ParseThreshold(o.fail_on);
          if (!sev) throw CLI::ValidationError("--fail-on", "unknown severity '" + o.fail_on + "'");
          if (Status s = core::OverrideFailOn(*policy, *sev); !s)
            throw CLI::ValidationError(s.error().where, s.error().message);
        }
        std::cout << core::PrintPolicy(*policy);
        throw CLI::Success();
      },
      "Print the effective policy (every key, its value and the file and line it came from) "
      "and exit");
  app.set_version_flag("--version", std::string(SECGATE_VERSION));
}

std::optional<int> ParseArgs(CLI::App& app, int argc, char** argv, const std::string& tool) {
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    std::cout << app.help();
    return 0;
  } catch (const CLI::CallForAllHelp& e) {
    std::cout << app.help("", CLI::AppFormatMode::All);
    return 0;
  } catch (const CLI::CallForVersion& e) {
    std::cout << tool << " " << SECGATE_VERSION << "\n";
    return 0;
  } catch (const CLI::Success&) {  // --print-policy printed.
    return 0;
  } catch (const CLI::ParseError& e) {
    std::cerr << tool << ": error: " << e.what() << " (see --help)\n";
    return core::ToInt(ExitCode::kError);
  }
  if (const CLI::Option* opt = OptionWithEmptyValue(app)) {
    std::cerr << tool << ": error: " << opt->get_name()
              << ": empty value (an unset variable?); give a value or leave the option out "
                 "(see --help)\n";
    return core::ToInt(ExitCode::kError);
  }
  return std::nullopt;
}

Result<GateContext> PrepareContext(const CommonOptions& o, core::Gate gate,
                                   const std::string& tool) {
  GateContext ctx;
  ctx.tool = tool;
  ctx.gate = gate;

  std::string note;
  auto policy = core::LoadPolicyOrDefault(o.policy, &note);
  if (!policy) return policy.error();
  ctx.policy = std::move(*policy);
  if (!note.empty()) ctx.notes.push_back(note);
  if (!o.fail_on.empty()) {
    auto sev = core::ParseThreshold(o.fail_on);
    if (!sev)
      return Error{"--fail-on", "unknown severity '" + o.fail_on +
                                    "' (expected critical, high, medium or low)"};
    if (Status s = core::OverrideFailOn(ctx.policy, *sev); !s) return s.error();
  }

  // Today first: the waiver validator refuses dates after it.
  auto today = core::ResolveToday(o.today);
  if (!today) return today.error();
  ctx.today = *today;

  auto waivers = core::LoadWaiversOrNone(o.waivers, ctx.policy.waivers, ctx.today);
  if (!waivers) return waivers.error();
  if (!waivers->problems.empty()) {
    const auto& p = waivers->problems.front();
    std::string more = waivers->problems.size() > 1
                           ? " (and " + std::to_string(waivers->problems.size() - 1) +
                                 " more problems; run secgate-waivers lint)"
                           : "";
    return Error{waivers->source + ":" + std::to_string(p.line), p.message + more};
  }
  ctx.waivers = std::move(*waivers);

  auto reports = ParseReportSpecs(o.reports);
  if (!reports) return reports.error();
  ctx.reports = std::move(*reports);
  ctx.github = GithubMode(o);

  if (!o.base_verdict.empty()) {
    auto base = waivers::ReadResultFile(o.base_verdict);
    if (!base) return base.error();
    if (base->gate != gate)
      return Error{"--base-verdict", o.base_verdict + " is a verdict of " + base->tool +
                                         ", not of " + tool};
    ctx.base = std::move(*base);
  }
  return ctx;
}

namespace {

// The run against --base-verdict: its own verdict read back from its JSON
// report, so both sides go through the one reader and comparison
// secgate-waivers diff uses.
Result<waivers::DiffReport> CompareWithBase(const core::Verdict& v, const GateContext& ctx) {
  std::ostringstream json;
  (*core::MakeReporter("json", {}))->Write(v, json);
  auto in = core::InputFile::FromMemory(json.str(), "this run's verdict");
  in->set_max_bytes(waivers::kMaxResultsBytes);
  auto head = waivers::ReadResultFile(*in);
  if (!head) return head.error();
  auto d = waivers::CompareVerdicts({*ctx.base}, {*head});
  if (!d) return Error{"--base-verdict", d.error().message};
  waivers::DiffReport r;
  r.verdicts = std::move(*d);
  r.policy = ctx.policy.pr;
  return r;
}

}  // namespace

ExitCode Finish(core::Verdict& v, const GateContext& ctx, const CommonOptions& o) {
  v.tool = ctx.tool;
  v.version = SECGATE_VERSION;
  v.policy_source = ctx.policy.source;
  v.policy_sha256 = ctx.policy.sha256;
  v.policy_bases = ctx.policy.bases;
  for (const auto& n : ctx.notes) v.notes.push_back(n);
  NoteSarifCut(v, ctx.reports);

  core::ReportOptions ropts;
  ropts.color = UseColor(o.color);
  ropts.verbose = o.verbose;
  // A report on stdout must stay parseable: people read stderr instead.
  const bool stdout_taken = AnyReportOnStdout(ctx.reports);
  std::ostream& human = stdout_taken ? std::cerr : std::cout;

  bool ok = WriteReports(v, ctx.reports, ropts, ctx.tool);
  if (!o.quiet) {
    core::ReportOptions text_opts = ropts;
    text_opts.color = ropts.color && !stdout_taken;
    (*core::MakeReporter("text", text_opts))->Write(v, human);
    human.flush();
  }
  if (ctx.github) ok &= WriteGithub(v, human, ctx.tool);
  if (!ok) return ExitCode::kError;
  if (!ctx.base || v.exit_code == ExitCode::kError) return v.exit_code;
  // A comparison that cannot be made is the run's error: every report says
  // so, as for any other error, rather than the verdict it wrote above.
  auto diff = CompareWithBase(v, ctx);
  if (!diff) return FailWithError(ctx.tool, diff.error(), o);
  if (!o.quiet) {
    human << "\n" << waivers::RenderDiffText(*diff, "compared with " + ctx.base->path);
    human.flush();
  }
  return diff->exit_code();
}

ExitCode FailWithError(const std::string& tool, const Error& e, const CommonOptions& o) {
  std::cerr << tool << ": error: " << core::SanitizeForTerminal(e.ToString()) << "\n";
  // Every report still says what happened, so CI artefacts never show a
  // stale or missing verdict for a failed run. Specs that do not parse are
  // skipped (that may be the error being reported).
  core::Verdict v;
  v.tool = tool;
  v.version = SECGATE_VERSION;
  if (tool.starts_with("secgate-")) core::ParseGate(tool.substr(8), &v.gate);
  v.exit_code = ExitCode::kError;
  v.error = e.ToString();
  std::vector<ReportSpec> specs;
  for (const auto& spec : o.reports) {
    auto one = ParseReportSpecs({spec});
    if (one && !(AnyReportOnStdout(*one) && AnyReportOnStdout(specs)))
      specs.push_back(one->front());
  }
  WriteReports(v, specs, {}, tool);
  if (GithubMode(o)) WriteGithub(v, AnyReportOnStdout(specs) ? std::cerr : std::cout, tool);
  return ExitCode::kError;
}

}  // namespace secgate::cli
