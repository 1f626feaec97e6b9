#include "gates/cli/input_gate.h"

#include <algorithm>

#include "gates/cli/common.h"

namespace secgate::cli {

namespace {

std::string Joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

// A selftest case's bytes reach the engine as the one input of a memory opener.
int RunInputGateSelftest(int argc, char** argv, const InputGateSpec& spec) {
  return RunSelftest(argc, argv, spec.tool, spec.gate, spec.selftest,
                     [&spec](const std::string& bytes, const GateContext& ctx) {
                       const std::string name = "selftest-input";
                       core::InputSet set;
                       set.paths = {name};
                       set.open = core::MemoryOpener({{name, bytes}});
                       return spec.run(set, ctx);
                     });
}

}  // namespace

int RunInputGate(int argc, char** argv, const InputGateSpec& spec) {
  if (argc > 1 && std::string(argv[1]) == "selftest")
    return RunInputGateSelftest(argc - 1, argv + 1, spec);
  CLI::App app{spec.description};
  app.name(spec.tool);
  CommonOptions common;
  AddCommonOptions(app, common);
  core::InputSet inputs;
  const std::string formats = Joined(spec.formats);
  app.add_option(spec.inputs_name, inputs.paths, spec.inputs_help)->required();
  app.add_option("--input-format", inputs.format,
                 "Skip detection and read every " + spec.noun + " as this format: " + formats);
  AddByteCountOption(app, "--max-input-size", &inputs.max_input_size,
                     "Refuse (exit 2) " + spec.a_noun +
                         " larger than this many bytes (default 1 GiB)");
  if (auto code = ParseArgs(app, argc, argv, spec.tool)) return *code;

  const auto& known = spec.formats;
  if (!inputs.format.empty() &&
      std::find(known.begin(), known.end(), core::FormatKey(inputs.format)) == known.end())
    return core::ToInt(FailWithError(spec.tool, core::UnknownFormat(inputs.format, formats), common));
  auto ctx = PrepareContext(common, spec.gate, spec.tool);
  if (!ctx) return core::ToInt(FailWithError(spec.tool, ctx.error(), common));
  auto verdict = spec.run(inputs, *ctx);
  if (!verdict) return core::ToInt(FailWithError(spec.tool, verdict.error(), common));
  return core::ToInt(Finish(*verdict, *ctx, common));
}

}  // namespace secgate::cli
