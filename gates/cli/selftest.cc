#include "gates/cli/selftest.h"

#include <iostream>
#include <sstream>

#include "gates/core/severity.h"

namespace secgate::cli {

namespace {

core::Severity GateFailOn(const core::Policy& p, core::Gate gate) {
  switch (gate) {
    case core::Gate::kSecrets: return p.secrets.fail_on;
    case core::Gate::kSbom: return p.sbom.fail_on;
    case core::Gate::kCode: return p.code.fail_on;
    default: return p.vuln.fail_on;
  }
}

std::string Outcome(core::ExitCode c) {
  switch (c) {
    case core::ExitCode::kPass: return "pass";
    case core::ExitCode::kFail: return "fail";
    default: return "error";
  }
}

std::string Hash(const std::string& sha) { return sha.empty() ? "" : " sha256:" + sha; }

// --policy, --waivers, --fail-on, --today, --quiet: the gate's own meaning.
void AddSelftestOptions(CLI::App& app, CommonOptions& common) {
  app.add_option("--policy", common.policy,
                 "Policy file (default: ./secgate.yaml if present, else built-in defaults)");
  app.add_option("--waivers", common.waivers,
                 "Waiver file to record by hash (default: ./secgate-waivers.yaml if present)");
  app.add_option("--fail-on", common.fail_on, "As the gate's --fail-on, if your CI passes it");
  app.add_option("--today", common.today, "Pin the date shown (YYYY-MM-DD)");
  app.add_flag("-q,--quiet", common.quiet, "Print only the final line");
}

// The evidence header: tool, date, policy and the waivers recorded by hash.
void WriteEvidenceHeader(std::ostream& out, const GateContext& ctx, const CommonOptions& common,
                         const std::string& waiver_source, const std::string& waiver_sha) {
  out << ctx.tool << " selftest: armed-gate proof\n"
      << "  tool:     " << ctx.tool << " " << SECGATE_VERSION << "\n"
      << "  date:     " << ctx.today.ToString() << (common.today.empty() ? "" : " (--today)")
      << "\n"
      << "  policy:   " << ctx.policy.source << Hash(ctx.policy.sha256) << "\n"
      << "  fail_on:  " << core::SeverityName(GateFailOn(ctx.policy, ctx.gate))
      << (common.fail_on.empty() ? "" : " (--fail-on)") << "\n"
      << "  waivers:  " << waiver_source << Hash(waiver_sha)
      << " (not applied: a waiver cannot disarm this proof)\n";
}

std::string Plural(int n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

// One case's evidence lines; true when the gate decided as it must.
bool WriteCase(std::ostream& out, int index, const SelftestCase& c, const core::Verdict& v) {
  const core::ExitCode want = c.must_fail ? core::ExitCode::kFail : core::ExitCode::kPass;
  const bool ok = v.exit_code == want;
  out << "  case " << index << ": " << (c.must_fail ? "known-bad " : "known-good") << "  "
      << c.name << "\n"
      << "          expected " << Outcome(want) << ", got " << Outcome(v.exit_code) << " ("
      << Plural(v.summary.findings, "finding") << ", "
      << Plural(v.summary.violations, "violation") << ")  " << (ok ? "OK" : "WRONG") << "\n";
  return ok;
}

}  // namespace

int RunSelftest(int argc, char** argv, const std::string& tool, core::Gate gate,
                const SelftestCases& cases, const SelftestRunner& run) {
  CLI::App app{tool + " selftest: prove the gate is armed. Runs the gate's engine on built-in\n"
               "known-bad and known-good inputs under your policy (waivers are hashed but NOT\n"
               "applied) and prints evidence to paste. Exit 0 armed, 1 NOT armed, 2 error."};
  app.name(tool + " selftest");
  CommonOptions common;
  AddSelftestOptions(app, common);
  if (auto code = ParseArgs(app, argc, argv, tool)) return *code;

  auto ctx = PrepareContext(common, gate, tool);
  if (!ctx) return core::ToInt(FailWithError(tool, ctx.error(), common));
  const std::string waiver_source = ctx->waivers.source;
  const std::string waiver_sha = ctx->waivers.sha256;
  ctx->waivers = core::WaiverFile{};  // A waiver must not disarm the proof.
  ctx->waivers.source = "none (selftest)";
  ctx->reports.clear();
  ctx->github = false;

  std::ostringstream out;
  WriteEvidenceHeader(out, *ctx, common, waiver_source, waiver_sha);
  bool armed = true;
  int index = 0;
  for (const SelftestCase& c : cases(ctx->policy)) {
    auto verdict = run(c.input, *ctx);
    if (!verdict)
      return core::ToInt(FailWithError(
          tool, {"selftest", "case '" + c.name + "': " + verdict.error().ToString()}, common));
    armed = WriteCase(out, ++index, c, *verdict) && armed;
  }
  const std::string result =
      armed ? "result: ARMED: known-bad input fails the gate and known-good input passes"
            : "result: NOT ARMED: this policy lets known-bad input through (or fails clean "
              "input); see the WRONG case";
  if (common.quiet)
    std::cout << tool << " selftest " << result << "\n";
  else
    std::cout << out.str() << result << "\n";
  return core::ToInt(armed ? core::ExitCode::kPass : core::ExitCode::kFail);
}

}  // namespace secgate::cli
