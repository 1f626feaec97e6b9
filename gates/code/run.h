// The secgate-code engine: read every SARIF log and Trivy report (detecting
// each format), apply the code policy (judge.h), evaluate with the waivers.
// No CLI11 and no printing: the CLI (the input-gate skeleton,
// gates/cli/input_gate.h) builds a core::InputSet and prints what comes back.
#pragma once

#include "gates/core/inputs.h"
#include "gates/core/run_context.h"
#include "gates/core/verdict.h"

namespace secgate::code {

/// Reads `inputs` (InputSet::format names a row of CodeFormats(), or is
/// empty to detect each), judges and evaluates. An Error for the first
/// unreadable input.
core::Result<core::Verdict> RunCode(const core::InputSet& inputs, const core::RunContext& ctx);

}  // namespace secgate::code
