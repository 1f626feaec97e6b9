// The secgate-vuln engine: read every input (detecting its format), merge,
// evaluate. No CLI11 here and no printing: the CLI (the input-gate skeleton,
// gates/cli/input_gate.h) builds a core::InputSet and prints what comes back.
#pragma once

#include "gates/core/inputs.h"
#include "gates/core/run_context.h"
#include "gates/core/verdict.h"
#include "gates/vuln/readers/reader.h"

namespace secgate::vuln {

/// Reads `inputs` (InputSet::format names a row of Formats(), or is empty to
/// detect each), merges and evaluates. An Error for the first unreadable input.
core::Result<core::Verdict> RunVuln(const core::InputSet& inputs, const core::RunContext& ctx);

}  // namespace secgate::vuln
