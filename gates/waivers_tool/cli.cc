#include "gates/waivers_tool/cli.h"

#include <iostream>

#include "gates/cli/common.h"
#include "gates/waivers_tool/baseline.h"
#include "gates/waivers_tool/context.h"
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

}  // namespace

int RunCli(int argc, char** argv) {
  CLI::App app{
      "secgate-waivers: lint, baseline, report on, import and renew the secgate waiver file.\n"
      "Exit codes: 0 ok, 1 problems found (lint) or failing waivers (report), 2 error."};
  app.name(kTool);
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string(SECGATE_VERSION));
  CommonConfig common;

  LintConfig lint;
  CLI::App* lint_cmd = app.add_subcommand("lint", "Check the waiver file; every problem as FILE:LINE: message");
  lint_cmd->add_option("file", lint.file, "Waiver file (default: ./secgate-waivers.yaml)");
  AddCommon(lint_cmd, common);

  BaselineConfig base;
  CLI::App* base_cmd =
      app.add_subcommand("baseline", "Turn gate JSON results into waivers for pre-existing findings");
  base_cmd->add_option("--from", base.results, "Gate JSON results (--report json=PATH); repeatable")
      ->required();
  base_cmd->add_option("--owner", base.owner, "Owner of the new waivers (default: unassigned)");
  base_cmd->add_option_function<int>(
      "--days", [&base](const int& d) { base.days = d; },
      "Days until the new waivers expire (default and maximum: waivers.max_days)");
  base_cmd->add_option("--waivers", base.existing, "Existing waiver file to merge into (kept as is)");
  base_cmd->add_option("-o,--output", base.output, "Write here instead of stdout");
  AddCommon(base_cmd, common);

  ReportConfig rep;
  CLI::App* rep_cmd = app.add_subcommand("report", "Every waiver with status, matches and git history");
  rep_cmd->add_option("--waivers", rep.waivers, "Waiver file (default: ./secgate-waivers.yaml)");
  rep_cmd->add_option("--results", rep.results, "Gate JSON results to match waivers against; repeatable");
  rep_cmd->add_option("--format", rep.format, "text (default), markdown, html or json");
  rep_cmd->add_option("--fail-on", rep.fail_on,
                      "Exit 1 on: expired (default; expired or invalid waivers), expiring (also "
                      "expiring ones), never");
  rep_cmd->add_option("-o,--output", rep.output, "Write here instead of stdout");
  AddCommon(rep_cmd, common);

  ImportConfig imp;
  CLI::App* imp_cmd = app.add_subcommand("import", "Convert other tools' ignore files into waivers");
  imp_cmd->add_option("files", imp.files, "Ignore files: " + ImportSourceNames())->required();
  imp_cmd->add_option("--format", imp.format, "Skip detection: " + ImportSourceNames());
  imp_cmd->add_option("-o,--output", imp.output, "Write here instead of stdout");
  AddCommon(imp_cmd, common);

  RenewConfig ren;
  CLI::App* ren_cmd = app.add_subcommand("renew", "Extend one waiver, recording the renewal");
  ren_cmd->add_option("id", ren.id, "Waiver id")->required();
  ren_cmd->add_option("--until", ren.until, "New expiry (YYYY-MM-DD)")->required();
  ren_cmd->add_option("--reason", ren.reason, "Why it is still needed")->required();
  ren_cmd->add_option("--by", ren.by, "Who renews it (recorded)");
  ren_cmd->add_option("--waivers", ren.waivers, "Waiver file, edited in place (default: ./secgate-waivers.yaml)");
  ren_cmd->add_option("--gate", ren.gate, "Only a waiver of this gate")->check(CLI::IsMember({"vuln", "secrets", "sbom"}));
  ren_cmd->add_option("--line", ren.line, "Only the waiver on this line")
      ->check(CLI::Range(1, 1 << 30));
  AddCommon(ren_cmd, common);

  if (auto code = cli::ParseArgs(app, argc, argv, kTool)) return *code;
  core::Policy policy;
  core::Date today;
  if (!Prepare(common, &policy, &today)) return core::ToInt(core::ExitCode::kError);

  core::ExitCode code = core::ExitCode::kError;
  if (lint_cmd->parsed()) {
    lint.policy = policy;
    lint.today = today;
    code = RunLint(lint, std::cout, std::cerr);
  } else if (base_cmd->parsed()) {
    base.policy = policy;
    base.today = today;
    code = RunBaseline(base, std::cerr);
  } else if (rep_cmd->parsed()) {
    rep.policy = policy;
    rep.today = today;
    code = RunReport(rep, std::cerr);
  } else if (imp_cmd->parsed()) {
    imp.today = today;
    code = RunImport(imp, std::cerr);
  } else if (ren_cmd->parsed()) {
    ren.policy = policy;
    ren.today = today;
    code = RunRenew(ren, std::cerr);
  }
  std::cout.flush();
  return core::ToInt(code);
}

}  // namespace secgate::waivers
