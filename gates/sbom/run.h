// The secgate-sbom engine: read every SBOM (detecting its format), check it
// against the compiled sbom policy, evaluate with the waivers. No CLI11 and
// no printing: the CLI builds an SbomConfig and prints what comes back.
#pragma once

#include <string>
#include <vector>

#include "gates/core/run_context.h"
#include "gates/core/verdict.h"
#include "gates/sbom/checks.h"
#include "gates/sbom/readers/reader.h"

namespace secgate::sbom {

struct SbomConfig {
  std::vector<std::string> inputs;      ///< SBOM paths; "-" is stdin.
  const SbomFormat* forced = nullptr;   ///< --input-format, or nullptr to detect.
  size_t max_input_size = 1ULL << 30;   ///< Bytes per input (default 1 GiB).
};

/// Reads, checks and evaluates. An Error for the first unreadable input or
/// an invalid sbom policy entry.
core::Result<core::Verdict> RunSbom(const SbomConfig& config, const core::RunContext& ctx);


}  // namespace secgate::sbom
