#include "gates/sbom/cli.h"

#include "gates/cli/common.h"
#include "gates/cli/selftest.h"
#include "gates/sbom/run.h"

namespace secgate::sbom {

int RunCli(int argc, char** argv) {
  const std::string tool = "secgate-sbom";
  if (argc > 1 && std::string(argv[1]) == "selftest")
    return cli::RunSelftest(argc - 1, argv + 1, tool, core::Gate::kSbom, cli::SbomSelftestCases,
                            [](const std::string& path, const cli::GateContext& ctx) {
                              SbomConfig c;
                              c.inputs = {path};
                              return RunSbom(c, ctx);
                            });
  CLI::App app{
      "secgate-sbom: gate CycloneDX (1.2-1.7) and SPDX (2.2/2.3) JSON SBOMs on license,\n"
      "banned-component and required-field policy (secgate.yaml, section sbom).\n"
      "Exit codes: 0 pass, 1 violations, 2 error (bad usage or input; never a pass)."};
  app.name(tool);
  cli::CommonOptions common;
  cli::AddCommonOptions(app, common);
  std::vector<std::string> inputs;
  std::string input_format;
  size_t max_input_size = 1ULL << 30;
  app.add_option("sboms", inputs, "SBOM files (JSON); '-' reads stdin")->required();
  app.add_option("--input-format", input_format,
                 "Skip detection and read every SBOM as this format: cyclonedx, spdx");
  cli::AddByteCountOption(app, "--max-input-size", &max_input_size,
                 "Refuse (exit 2) an SBOM larger than this many bytes (default 1 GiB)");

  if (auto code = cli::ParseArgs(app, argc, argv, tool)) return *code;

  SbomConfig config;
  config.inputs = inputs;
  config.max_input_size = max_input_size;
  if (!input_format.empty()) {
    config.forced = FindSbomFormat(input_format);
    if (!config.forced)
      return core::ToInt(cli::FailWithError(
          tool, {"--input-format", "unknown format '" + input_format +
                                       "' (expected one of: cyclonedx, spdx)"},
          common));
  }
  auto ctx = cli::PrepareContext(common, core::Gate::kSbom, tool);
  if (!ctx) return core::ToInt(cli::FailWithError(tool, ctx.error(), common));
  auto verdict = RunSbom(config, *ctx);
  if (!verdict) return core::ToInt(cli::FailWithError(tool, verdict.error(), common));
  return core::ToInt(cli::Finish(*verdict, *ctx, common));
}

}  // namespace secgate::sbom
