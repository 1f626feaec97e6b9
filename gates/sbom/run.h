// The secgate-sbom engine: read every SBOM (detecting its format), check it
// against the compiled sbom policy, evaluate with the waivers. No CLI11 and
// no printing: the CLI (the input-gate skeleton, gates/cli/input_gate.h)
// builds a core::InputSet and prints what comes back.
#pragma once

#include "gates/core/inputs.h"
#include "gates/core/run_context.h"
#include "gates/core/verdict.h"
#include "gates/sbom/checks.h"
#include "gates/sbom/readers/reader.h"

namespace secgate::sbom {

/// Reads `inputs` (InputSet::format names a row of SbomFormats(), or is
/// empty to detect each), checks and evaluates. An Error for the first
/// unreadable input or an invalid sbom policy entry.
core::Result<core::Verdict> RunSbom(const core::InputSet& inputs, const core::RunContext& ctx);

}  // namespace secgate::sbom
