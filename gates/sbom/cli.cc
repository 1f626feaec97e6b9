#include "gates/sbom/cli.h"

#include "gates/cli/input_gate.h"
#include "gates/sbom/run.h"

namespace secgate::sbom {

int RunCli(int argc, char** argv) {
  cli::InputGateSpec spec;
  spec.tool = "secgate-sbom";
  spec.gate = core::Gate::kSbom;
  spec.description =
      "secgate-sbom: gate CycloneDX (1.2-1.7) and SPDX (2.2/2.3) JSON SBOMs on license,\n"
      "banned-component and required-field policy (secgate.yaml, section sbom).\n"
      "Exit codes: 0 pass, 1 violations, 2 error (bad usage or input; never a pass).";
  spec.inputs_name = "sboms";
  spec.inputs_help = "SBOM files (JSON); '-' reads stdin";
  spec.noun = "SBOM";
  spec.a_noun = "an SBOM";
  for (const auto& f : SbomFormats()) spec.formats.emplace_back(f.name);
  spec.selftest = SelftestCases;
  spec.run = RunSbom;
  return cli::RunInputGate(argc, argv, spec);
}

}  // namespace secgate::sbom
