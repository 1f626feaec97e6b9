// The input-gate skeleton's CLI half: the whole command line of a gate that
// reads report or document files (secgate-vuln, secgate-sbom, …). A gate
// describes itself in an InputGateSpec — its words, its format table's
// names, its selftest cases and its engine — and RunInputGate does the rest
// the same way for every such gate: the `selftest` subcommand, the common
// flags, the input list, --input-format (checked against the table),
// --max-input-size, then PrepareContext, the engine and Finish.
//
//   int RunCli(int argc, char** argv) {
//     return cli::RunInputGate(argc, argv, {.tool = "secgate-vuln", …});
//   }
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "gates/cli/selftest.h"
#include "gates/core/inputs.h"
#include "gates/core/run_context.h"
#include "gates/core/verdict.h"

namespace secgate::cli {

/// An input gate's engine: reads `inputs` (a forced format is one of the
/// spec's `formats`) and evaluates them under `ctx`.
using InputGateEngine =
    std::function<core::Result<core::Verdict>(const core::InputSet& inputs,
                                              const core::RunContext& ctx)>;

struct InputGateSpec {
  std::string tool;         ///< "secgate-vuln".
  core::Gate gate = core::Gate::kVuln;
  std::string description;  ///< --help's first lines.
  std::string inputs_name;  ///< The positional's name in --help ("reports").
  std::string inputs_help;  ///< "Scanner reports (JSON); '-' reads stdin".
  std::string noun;         ///< "report": "read every report as this format".
  std::string a_noun;       ///< "a report": "Refuse (exit 2) a report larger …".
  std::vector<std::string> formats;  ///< The format table's names, in order.
  SelftestCases selftest;
  InputGateEngine run;
};

/// Runs the gate's command line; returns the exit code.
int RunInputGate(int argc, char** argv, const InputGateSpec& spec);

}  // namespace secgate::cli
