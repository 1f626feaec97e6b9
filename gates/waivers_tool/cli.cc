#include "gates/waivers_tool/cli.h"

#include <functional>
#include <iostream>
#include <memory>
#include <utility>
#include <vector>

#include "gates/cli/common.h"
#include "gates/waivers_tool/baseline.h"
#include "gates/waivers_tool/context.h"
#include "gates/waivers_tool/diff.h"
#include "gates/waivers_tool/import.h"
#include "gates/waivers_tool/lint.h"
#include "gates/waivers_tool/renew.h"
#include "gates/waivers_tool/report.h"

namespace secgate::waivers {

namespace {

void AddCommon(CLI::App* cmd, CommonConfig& c) {
  cmd->add_option("--policy", c.policy,
                  "Policy file (default: ./secgate.yaml if present, else built-in defaults)");
  cmd->add_option("--today", c.today, "Pin today's date (YYYY-MM-DD); default: the real date (UTC)");
}

// Loads the policy and today's date for a subcommand; prints the error.
bool Prepare(const CommonConfig& c, core::Policy* policy, core::Date* today) {
  auto p = core::LoadPolicyOrDefault(c.policy);
  if (!p) {
    ReportError(p.error(), std::cerr);
    return false;
  }
  auto t = core::ResolveToday(c.today);
  if (!t) {
    ReportError(t.error(), std::cerr);
    return false;
  }
  *policy = std::move(*p);
  *today = *t;
  return true;
}

// A subcommand registers its options on `cmd` and returns what runs it once
// the policy and today are known. The table below is the whole list.
using Runner = std::function<core::ExitCode(const core::Policy&, const core::Date&)>;

Runner AddLint(CLI::App* cmd) {
  auto c = std::make_shared<LintConfig>();
  cmd->add_option("file", c->file, "Waiver file (default: ./secgate-waivers.yaml)");
  cmd->add_flag("--codeowners", c->codeowners,
                "Also warn when no CODEOWNERS entry (.github/CODEOWNERS, CODEOWNERS, "
                "docs/CODEOWNERS) covers the waiver file");
  return [c](const core::Policy& policy, const core::Date& today) {
    c->policy = policy;
    c->today = today;
    return RunLint(*c, std::cout, std::cerr);
  };
}

Runner AddBaseline(CLI::App* cmd) {
  auto c = std::make_shared<BaselineConfig>();
  cmd->add_option("--from", c->results, "Gate JSON results (--report json=PATH); repeatable")
      ->required();
  cmd->add_option("--owner", c->owner, "Owner of the new waivers (default: unassigned)");
  cmd->add_option_function<int>(
      "--days", [c](const int& d) { c->days = d; },
      "Days until the new waivers expire (default and maximum: waivers.max_days)");
  cmd->add_option("--waivers", c->existing, "Existing waiver file to merge into (kept as is)");
  cmd->add_option("-o,--output", c->output, "Write here instead of stdout");
  return [c](const core::Policy& policy, const core::Date& today) {
    c->policy = policy;
    c->today = today;
    return RunBaseline(*c, std::cerr);
  };
}

Runner AddReport(CLI::App* cmd) {
  auto c = std::make_shared<ReportConfig>();
  cmd->add_option("--waivers", c->waivers, "Waiver file (default: ./secgate-waivers.yaml)");
  cmd->add_option("--results", c->results, "Gate JSON results to match waivers against; repeatable");
  cmd->add_option("--format", c->format,
                  WaiverReportFormatNames() + " (default: " + WaiverReportFormats()[0].name + ")");
  cmd->add_option("--fail-on", c->fail_on,
                  "Exit 1 on: expired (default; expired or invalid waivers), expiring (also "
                  "expiring ones), never");
  cmd->add_option("-o,--output", c->output, "Write here instead of stdout");
  return [c](const core::Policy& policy, const core::Date& today) {
    c->policy = policy;
    c->today = today;
    return RunReport(*c, std::cerr);
  };
}

Runner AddImport(CLI::App* cmd) {
  auto c = std::make_shared<ImportConfig>();
  cmd->add_option("files", c->files, "Ignore files: " + ImportSourceNames())->required();
  cmd->add_option("--format", c->format, "Skip detection: " + ImportSourceNames());
  cmd->add_option("-o,--output", c->output, "Write here instead of stdout");
  return [c](const core::Policy&, const core::Date& today) {
    c->today = today;
    return RunImport(*c, std::cerr);
  };
}

Runner AddRenew(CLI::App* cmd) {
  auto c = std::make_shared<RenewConfig>();
  cmd->add_option("id", c->id, "Waiver id")->required();
  cmd->add_option("--until", c->until, "New expiry (YYYY-MM-DD)")->required();
  cmd->add_option("--reason", c->reason, "Why it is still needed")->required();
  cmd->add_option("--by", c->by, "Who renews it (recorded)");
  cmd->add_option("--waivers", c->waivers,
                  "Waiver file, edited in place (default: ./secgate-waivers.yaml)");
  std::vector<std::string> gates;
  for (core::Gate g : core::kAllGates) gates.emplace_back(core::GateName(g));
  cmd->add_option("--gate", c->gate, "Only a waiver of this gate")->check(CLI::IsMember(gates));
  cmd->add_option("--line", c->line, "Only the waiver on this line")->check(CLI::Range(1, 1 << 30));
  return [c](const core::Policy& policy, const core::Date& today) {
    c->policy = policy;
    c->today = today;
    return RunRenew(*c, std::cerr);
  };
}

Runner AddDiff(CLI::App* cmd) {
  auto c = std::make_shared<DiffConfig>();
  cmd->add_option("--base", c->base, "JSON verdicts of the base (--report json=PATH); repeatable");
  cmd->add_option("--head", c->head, "JSON verdicts of the head; repeatable");
  cmd->add_option("--git", c->git,
                  "BASE..HEAD (or BASE...HEAD): list waivers, ignore files and suppression markers "
                  "the range adds or changes");
  cmd->add_option("--waivers", c->waivers,
                  "The waiver file in the repository, for --git (default: secgate-waivers.yaml)");
  cmd->add_option("--format", c->format, "text (default), markdown (a pull-request comment), json");
  cmd->add_option("-o,--output", c->output, "Write here instead of stdout");
  return [c](const core::Policy& policy, const core::Date& today) {
    c->policy = policy;
    c->today = today;
    return RunDiff(*c, std::cerr);
  };
}

struct Subcommand {
  const char* name;
  const char* help;
  Runner (*add)(CLI::App* cmd);
};

constexpr Subcommand kSubcommands[] = {
    {"lint", "Check the waiver file; every problem as FILE:LINE: message", AddLint},
    {"baseline", "Turn gate JSON results into waivers for pre-existing findings", AddBaseline},
    {"report", "Every waiver with status, matches and git history", AddReport},
    {"import", "Convert other tools' ignore files into waivers", AddImport},
    {"renew", "Extend one waiver, recording the renewal", AddRenew},
    {"diff", "What a pull request changes: new, fixed and re-waived findings, exemptions added",
     AddDiff},
};

}  // namespace

int RunCli(int argc, char** argv) {
  CLI::App app{
      "secgate-waivers: lint, baseline, report on, import, renew and diff the secgate waiver file.\n"
      "Exit codes: 0 ok, 1 problems found (lint) or failing waivers (report), 2 error."};
  app.name(kTool);
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string(SECGATE_VERSION));
  CommonConfig common;
  std::vector<std::pair<CLI::App*, Runner>> commands;
  for (const Subcommand& s : kSubcommands) {
    CLI::App* cmd = app.add_subcommand(s.name, s.help);
    commands.emplace_back(cmd, s.add(cmd));
    AddCommon(cmd, common);
  }

  if (auto code = cli::ParseArgs(app, argc, argv, kTool)) return *code;
  core::Policy policy;
  core::Date today;
  if (!Prepare(common, &policy, &today)) return core::ToInt(core::ExitCode::kError);

  core::ExitCode code = core::ExitCode::kError;
  for (auto& [cmd, run] : commands)
    if (cmd->parsed()) code = run(policy, today);
  std::cout.flush();
  return core::ToInt(code);
}

}  // namespace secgate::waivers
