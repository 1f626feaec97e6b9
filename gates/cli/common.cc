#include "gates/cli/common.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sys/stat.h>

#include "gates/core/io.h"
#include "gates/core/report/reporter.h"

namespace secgate::cli {

using core::Error;
using core::ExitCode;
using core::Result;

namespace {

constexpr size_t kMaxConfigBytes = 4 * 1024 * 1024;

bool FileExists(const std::string& p) {
  struct stat st;
  return ::stat(p.c_str(), &st) == 0;
}

bool UseColor(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  const char* term = std::getenv("TERM");
  if (term && std::string(term) == "dumb") return false;
  return ::isatty(STDOUT_FILENO) == 1;
}

bool Truthy(const char* v) { return v && std::string(v) == "true"; }

}  // namespace

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
                 }());
  app.add_option("--today", o.today,
                 "Pin today's date (YYYY-MM-DD) for waiver expiry; default: the real date (UTC)");
  app.add_flag("-q,--quiet", o.quiet, "No human-readable text on stdout");
  app.add_flag("-v,--verbose", o.verbose, "List every finding, not just the first rows");
  app.add_flag("--github", o.github, "GitHub Actions annotations and step summary (default: on under GITHUB_ACTIONS=true)");
  app.add_flag("--no-github", o.no_github, "Never write GitHub Actions annotations or summary");
  app.add_option("--color", o.color, "Colour: auto (terminal, honours NO_COLOR), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
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
  } catch (const CLI::ParseError& e) {
    std::cerr << tool << ": error: " << e.what() << " (see --help)\n";
    return core::ToInt(ExitCode::kError);
  }
  return std::nullopt;
}

Result<std::string> ReadSmallFile(const std::string& path) {
  return core::ReadInput(path, kMaxConfigBytes);
}

Result<GateContext> PrepareContext(const CommonOptions& o, core::Gate gate,
                                   const std::string& tool) {
  GateContext ctx;
  ctx.tool = tool;
  ctx.gate = gate;

  std::string policy_path = o.policy;
  if (policy_path.empty() && FileExists("secgate.yaml")) policy_path = "secgate.yaml";
  if (policy_path.empty()) {
    ctx.policy = core::DefaultPolicy();
    ctx.notes.push_back("no secgate.yaml: using built-in policy defaults");
  } else {
    auto text = ReadSmallFile(policy_path);
    if (!text) return text.error();
    auto p = core::ParsePolicy(*text, policy_path);
    if (!p) return p.error();
    ctx.policy = std::move(*p);
  }
  if (!o.fail_on.empty()) {
    auto sev = core::ParseThreshold(o.fail_on);
    if (!sev)
      return Error{"--fail-on", "unknown severity '" + o.fail_on +
                                    "' (expected critical, high, medium or low)"};
    ctx.policy.vuln.fail_on = ctx.policy.secrets.fail_on = ctx.policy.sbom.fail_on = *sev;
  }

  std::string waiver_path = o.waivers;
  if (waiver_path.empty() && FileExists("secgate-waivers.yaml"))
    waiver_path = "secgate-waivers.yaml";
  if (waiver_path.empty()) {
    ctx.waivers.source = "none";
  } else {
    auto text = ReadSmallFile(waiver_path);
    if (!text) return text.error();
    auto w = core::ParseWaiverFile(*text, waiver_path, ctx.policy.waivers);
    if (!w) return w.error();
    if (!w->problems.empty()) {
      const auto& p = w->problems.front();
      std::string more = w->problems.size() > 1
                             ? " (and " + std::to_string(w->problems.size() - 1) +
                                   " more problems; run secgate-waivers lint)"
                             : "";
      return Error{waiver_path + ":" + std::to_string(p.line), p.message + more};
    }
    ctx.waivers = std::move(*w);
  }

  if (o.today.empty()) {
    ctx.today = core::TodayUtc();
  } else {
    auto d = core::ParseDate(o.today);
    if (!d) return Error{"--today", "'" + o.today + "' is not a real date (YYYY-MM-DD)"};
    ctx.today = *d;
  }

  for (const auto& spec : o.reports) {
    size_t eq = spec.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size())
      return Error{"--report", "expected FORMAT=PATH, got '" + spec + "'"};
    ReportSpec r{spec.substr(0, eq), spec.substr(eq + 1)};
    auto rep = core::MakeReporter(r.format, {});
    if (!rep) return Error{"--report", rep.error().message};
    ctx.reports.push_back(r);
  }
  ctx.github = (o.github || Truthy(std::getenv("GITHUB_ACTIONS"))) && !o.no_github;
  return ctx;
}

ExitCode Finish(core::Verdict& v, const GateContext& ctx, const CommonOptions& o) {
  v.tool = ctx.tool;
  v.version = SECGATE_VERSION;
  v.policy_source = ctx.policy.source;
  v.policy_sha256 = ctx.policy.sha256;
  for (const auto& n : ctx.notes) v.notes.push_back(n);

  core::ReportOptions ropts;
  ropts.color = UseColor(o.color);
  ropts.verbose = o.verbose;
  bool report_to_stdout = false;
  for (const auto& r : ctx.reports) report_to_stdout |= r.path == "-";

  ExitCode code = v.exit_code;
  for (const auto& r : ctx.reports) {
    auto rep = core::MakeReporter(r.format, ropts);
    if (!rep) {
      std::cerr << ctx.tool << ": error: " << rep.error().ToString() << "\n";
      code = ExitCode::kError;
      continue;
    }
    if (r.path == "-") {
      (*rep)->Write(v, std::cout);
      std::cout.flush();
      continue;
    }
    std::ofstream out(r.path, std::ios::binary | std::ios::trunc);
    if (out) (*rep)->Write(v, out);
    out.close();
    if (!out) {
      std::cerr << ctx.tool << ": error: " << r.path << ": cannot write " << r.format
                << " report\n";
      code = ExitCode::kError;
    }
  }
  if (!o.quiet && !report_to_stdout) {
    core::ReportOptions text_opts = ropts;
    auto text = core::MakeReporter("text", text_opts);
    (*text)->Write(v, std::cout);
    std::cout.flush();
  }
  return code;
}

ExitCode FailWithError(const std::string& tool, const Error& e, const CommonOptions& o) {
  std::cerr << tool << ": error: " << core::SanitizeForTerminal(e.ToString()) << "\n";
  // A JSON report still says what happened, so CI artefacts never show a
  // stale or missing verdict for a failed run.
  for (const auto& spec : o.reports) {
    size_t eq = spec.find('=');
    if (eq == std::string::npos || spec.substr(0, eq) != "json") continue;
    std::string path = spec.substr(eq + 1);
    if (path == "-") continue;
    core::Verdict v;
    v.tool = tool;
    v.version = SECGATE_VERSION;
    v.exit_code = ExitCode::kError;
    v.error = e.ToString();
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    auto rep = core::MakeReporter("json", {});
    if (out && rep) (*rep)->Write(v, out);
  }
  return ExitCode::kError;
}

}  // namespace secgate::cli
