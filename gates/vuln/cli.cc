#include "gates/vuln/cli.h"

#include "gates/cli/input_gate.h"
#include "gates/vuln/run.h"

namespace secgate::vuln {

int RunCli(int argc, char** argv) {
  cli::InputGateSpec spec;
  spec.tool = "secgate-vuln";
  spec.gate = core::Gate::kVuln;
  spec.description =
      "secgate-vuln: gate scanner reports (Trivy, …) on a severity policy and a waiver file.\n"
      "Exit codes: 0 pass, 1 violations, 2 error (bad usage or input; never a pass).";
  spec.inputs_name = "reports";
  spec.inputs_help = "Scanner reports (JSON); '-' reads stdin";
  spec.noun = "report";
  spec.a_noun = "a report";
  for (const auto& f : Formats()) spec.formats.emplace_back(f.name);
  spec.selftest = SelftestCases;
  spec.run = RunVuln;
  return cli::RunInputGate(argc, argv, spec);
}

}  // namespace secgate::vuln
