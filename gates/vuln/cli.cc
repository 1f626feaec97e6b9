#include "gates/vuln/cli.h"

#include "gates/cli/common.h"
#include "gates/cli/selftest.h"
#include "gates/vuln/run.h"

namespace secgate::vuln {

int RunCli(int argc, char** argv) {
  const std::string tool = "secgate-vuln";
  if (argc > 1 && std::string(argv[1]) == "selftest")
    return cli::RunSelftest(argc - 1, argv + 1, tool, core::Gate::kVuln, cli::VulnSelftestCases,
                            [](const std::string& path, const cli::GateContext& ctx) {
                              VulnConfig c;
                              c.inputs = {path};
                              return RunVuln(c, ctx);
                            });
  CLI::App app{
      "secgate-vuln: gate scanner reports (Trivy, …) on a severity policy and a waiver file.\n"
      "Exit codes: 0 pass, 1 violations, 2 error (bad usage or input; never a pass)."};
  app.name(tool);
  cli::CommonOptions common;
  cli::AddCommonOptions(app, common);
  std::vector<std::string> inputs;
  std::string input_format;
  size_t max_input_size = 1ULL << 30;
  app.add_option("reports", inputs, "Scanner reports (JSON); '-' reads stdin")->required();
  std::string formats;
  for (const auto& f : Formats()) formats += (formats.empty() ? "" : ", ") + std::string(f.name);
  app.add_option("--input-format", input_format,
                 "Skip detection and read every report as this format: " + formats);
  cli::AddByteCountOption(app, "--max-input-size", &max_input_size,
                 "Refuse (exit 2) a report larger than this many bytes (default 1 GiB)");

  if (auto code = cli::ParseArgs(app, argc, argv, tool)) return *code;

  VulnConfig config;
  config.inputs = inputs;
  config.max_input_size = max_input_size;
  if (!input_format.empty()) {
    config.forced = FindFormat(input_format);
    if (!config.forced)
      return core::ToInt(cli::FailWithError(
          tool, {"--input-format", "unknown format '" + input_format + "' (expected one of: " +
                                       formats + ")"},
          common));
  }
  auto ctx = cli::PrepareContext(common, core::Gate::kVuln, tool);
  if (!ctx) return core::ToInt(cli::FailWithError(tool, ctx.error(), common));
  auto verdict = RunVuln(config, *ctx);
  if (!verdict) return core::ToInt(cli::FailWithError(tool, verdict.error(), common));
  return core::ToInt(cli::Finish(*verdict, *ctx, common));
}

}  // namespace secgate::vuln
