// secgate-secrets command line (cli.h).
#include "gates/secrets/cli.h"

#include <fcntl.h>
#include <unistd.h>

#include <climits>
#include <cstring>
#include <iostream>
#include <thread>

#include "gates/cli/common.h"
#include "gates/cli/selftest.h"
#include "gates/core/io.h"
#include "gates/core/waiver_writer.h"
#include "gates/secrets/baseline.h"
#include "gates/secrets/hook.h"
#include "gates/secrets/mask.h"
#include "gates/secrets/run.h"

namespace secgate::secrets {

namespace {

const std::string kTool = "secgate-secrets";

int Error(const core::Error& e, const cli::CommonOptions& o) {
  return core::ToInt(cli::FailWithError(kTool, e, o));
}

std::string SelfPath(const char* argv0) {
  char buf[PATH_MAX];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n > 0) return std::string(buf, static_cast<size_t>(n));
  return argv0;
}

int DefaultJobs() {
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 2 : static_cast<int>(std::min(n, 8u));
}

int RunMask(int argc, char** argv) {
  CLI::App app{"secgate-secrets mask: copy stdin to stdout with every detected secret replaced by\n"
               "[secgate:<rule>:<fingerprint>], line by line. Exit 1 if anything was masked."};
  app.name(kTool + " mask");
  cli::CommonOptions common;
  app.add_option("--policy", common.policy, "Policy file (secrets.rules, disable, stopwords)");
  app.add_flag("-q,--quiet", common.quiet, "No count on stderr at the end");
  if (auto code = cli::ParseArgs(app, argc, argv, kTool)) return *code;
  auto ctx = cli::PrepareContext(common, core::Gate::kSecrets, kTool);
  if (!ctx) return Error(ctx.error(), common);
  auto engine = LoadMatcher(ctx->policy.secrets, ctx->policy.dir);
  if (!engine) return Error(engine.error(), common);
  auto masked = MaskStream(**engine, STDIN_FILENO, STDOUT_FILENO);
  if (!masked) return Error(masked.error(), common);
  if (!common.quiet && *masked > 0)
    std::cerr << kTool << " mask: masked " << *masked << " secret" << (*masked == 1 ? "" : "s")
              << "\n";
  return core::ToInt(*masked > 0 ? core::ExitCode::kFail : core::ExitCode::kPass);
}

int RunInstallHook(int argc, char** argv) {
  CLI::App app{"secgate-secrets install-hook: write .git/hooks/pre-commit running\n"
               "`secgate-secrets --staged`."};
  app.name(kTool + " install-hook");
  bool force = false;
  app.add_flag("--force", force, "Replace a pre-commit hook secgate did not write");
  if (auto code = cli::ParseArgs(app, argc, argv, kTool)) return *code;
  auto hook = InstallHook(".", SelfPath(argv[0]), force);
  if (!hook) return Error(hook.error(), {});
  std::cout << kTool << ": installed " << *hook << "\n";
  return 0;
}

// --baseline-out: every find of the run (waived or not) as a waiver file,
// and a note in the verdict saying what was written.
core::Status WriteBaselineFile(const std::string& path, const core::RunContext& ctx,
                               const std::vector<core::Finding>& findings, core::Verdict* v) {
  Baseline b = MakeBaseline(findings, ctx.today, ctx.policy.waivers.max_days);
  auto written = core::WriteFileAtomic(path, b.yaml, "baseline");
  if (!written) return written;
  v->notes.push_back("baseline: wrote " + std::to_string(b.waivers) + " waivers to " + path);
  if (b.refused > 0)
    v->notes.push_back("baseline: " + std::to_string(b.refused) + " findings left out: " +
                       core::kBaselineRefusedWhy);
  return core::Ok{};
}

// selftest: each case is a staged-style diff, read as --stdin reads one.
int RunSelftest(int argc, char** argv) {
  return cli::RunSelftest(argc, argv, kTool, core::Gate::kSecrets, SelftestCases,
                          [](const std::string& input, const cli::GateContext& ctx) {
                            SecretsConfig c;
                            c.mode = Mode::kStdin;
                            c.open = core::MemoryOpener({{"-", input}});
                            return RunSecrets(c, ctx);
                          });
}

// The scan's flags that are not SecretsConfig fields as they stand.
struct ScanFlags {
  bool staged = false, history = false, use_stdin = false;
  std::string range, since, shard, baseline_out;
};

void AddScanOptions(CLI::App& app, ScanFlags& f, SecretsConfig& config) {
  app.add_flag("--staged", f.staged, "Scan the staged change (index against HEAD): the pre-commit check");
  app.add_option("--range", f.range, "Scan every commit in BASE..HEAD (a pull request)");
  app.add_option("--since", f.since, "Scan every commit in REF..HEAD");
  app.add_flag("--history", f.history, "Scan every commit reachable from HEAD");
  app.add_flag("--all", config.all_refs, "With --history: every commit reachable from any ref");
  app.add_flag("--stdin", f.use_stdin, "Scan stdin: a unified diff (detected) or plain text");
  app.add_flag("--no-ignore", config.no_ignore, "PATH mode: also scan files .gitignore excludes");
  app.add_option("--jobs", config.jobs, "Worker threads (default: the number of cores, at most 8)")
      ->check(CLI::Range(1, 64));
  app.add_option("--shard", f.shard,
                 "With --history, --range or --since: scan part K of N (K/N, 1-based), split by "
                 "path; the N parts' findings together are one whole run's");
  app.add_option("--baseline-out", f.baseline_out,
                 "Write today's findings as a waiver file (one-time baseline)");
  app.add_option("paths", config.paths, "Files and folders to scan (no git needed)");
}

// Exactly one mode; --all and --shard only with the modes they apply to.
core::Status ResolveMode(const ScanFlags& f, SecretsConfig* config) {
  int modes = f.staged + f.history + f.use_stdin + !f.range.empty() + !f.since.empty() +
              !config->paths.empty();
  if (modes == 0)
    return core::Error{"", "nothing to scan: give --staged, --range BASE..HEAD, --since REF, "
                           "--history, --stdin or PATH... (see --help)"};
  if (modes > 1)
    return core::Error{"", "choose one of --staged, --range, --since, --history, --stdin or PATH..."};
  if (config->all_refs && !f.history) return core::Error{"--all", "only valid with --history"};
  config->mode = f.staged           ? Mode::kStaged
                 : f.history        ? Mode::kHistory
                 : f.use_stdin      ? Mode::kStdin
                 : !f.range.empty() ? Mode::kRange
                 : !f.since.empty() ? Mode::kSince
                                    : Mode::kPaths;
  config->spec = !f.range.empty() ? f.range : f.since;
  if (!f.shard.empty()) {
    if (!f.history && f.range.empty() && f.since.empty())
      return core::Error{"--shard", "only valid with --history, --range or --since"};
    auto parsed = ParseShard(f.shard);
    if (!parsed) return parsed.error();
    config->shard = *parsed;
  }
  return core::Ok{};
}

int RunScan(int argc, char** argv) {
  CLI::App app{
      "secgate-secrets: find leaked secrets in staged changes, commit ranges, history, files\n"
      "and logs. Subcommands: mask (mask secrets in a log), install-hook (pre-commit hook).\n"
      "Exit codes: 0 pass, 1 secrets found, 2 error (bad usage or input; never a pass)."};
  app.name(kTool);
  cli::CommonOptions common;
  cli::AddCommonOptions(app, common);
  SecretsConfig config;
  config.jobs = DefaultJobs();
  ScanFlags flags;
  AddScanOptions(app, flags, config);
  if (auto code = cli::ParseArgs(app, argc, argv, kTool)) return *code;
  if (auto mode = ResolveMode(flags, &config); !mode) return Error(mode.error(), common);
  auto ctx = cli::PrepareContext(common, core::Gate::kSecrets, kTool);
  if (!ctx) return Error(ctx.error(), common);
  const std::string& baseline_out = flags.baseline_out;
  std::vector<core::Finding> every_find;
  auto verdict = RunSecrets(config, *ctx, baseline_out.empty() ? nullptr : &every_find);
  if (!verdict) return Error(verdict.error(), common);
  if (!baseline_out.empty()) {
    auto written = WriteBaselineFile(baseline_out, *ctx, every_find, &*verdict);
    if (!written) return Error(written.error(), common);
  }
  return core::ToInt(cli::Finish(*verdict, *ctx, common));
}

}  // namespace

int RunCli(int argc, char** argv) {
  if (argc > 1 && std::strcmp(argv[1], "mask") == 0) return RunMask(argc - 1, argv + 1);
  if (argc > 1 && std::strcmp(argv[1], "selftest") == 0) return RunSelftest(argc - 1, argv + 1);
  if (argc > 1 && std::strcmp(argv[1], "install-hook") == 0)
    return RunInstallHook(argc - 1, argv + 1);
  return RunScan(argc, argv);
}

}  // namespace secgate::secrets
