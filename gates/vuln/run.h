// The secgate-vuln engine: read every input (detecting its format), merge,
// evaluate. No CLI11 here and no printing: the CLI builds a VulnConfig and
// prints what comes back.
#pragma once

#include <string>
#include <vector>

#include "gates/core/run_context.h"
#include "gates/core/verdict.h"
#include "gates/vuln/readers/reader.h"

namespace secgate::vuln {

struct VulnConfig {
  std::vector<std::string> inputs;     ///< Report paths; "-" is stdin.
  const FormatInfo* forced = nullptr;  ///< --input-format, or nullptr to detect.
  size_t max_input_size = 1ULL << 30;  ///< Bytes per input (default 1 GiB).
};

/// Reads, merges and evaluates. An Error for the first unreadable input.
core::Result<core::Verdict> RunVuln(const VulnConfig& config, const core::RunContext& ctx);

}  // namespace secgate::vuln
