#include "gates/code/cli.h"

#include "gates/cli/input_gate.h"
#include "gates/code/readers/reader.h"
#include "gates/code/run.h"

namespace secgate::code {

int RunCli(int argc, char** argv) {
  cli::InputGateSpec spec;
  spec.tool = "secgate-code";
  spec.gate = core::Gate::kCode;
  spec.description =
      "secgate-code: gate SARIF 2.1.0 from any scanner (CodeQL, Semgrep, Checkov, …) and\n"
      "the misconfigurations of Trivy reports on a policy (section code) and a waiver file.\n"
      "Exit codes: 0 pass, 1 violations, 2 error (bad usage or input; never a pass).";
  spec.inputs_name = "reports";
  spec.inputs_help = "SARIF logs and Trivy JSON reports; '-' reads stdin";
  spec.noun = "input";
  spec.a_noun = "an input";
  for (const auto& f : CodeFormats()) spec.formats.emplace_back(f.name);
  spec.selftest = SelftestCases;
  spec.run = RunCode;
  return cli::RunInputGate(argc, argv, spec);
}

}  // namespace secgate::code
