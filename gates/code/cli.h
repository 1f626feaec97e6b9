// secgate-code command line: CLI11 lives here and nowhere else in the gate.
#pragma once

#include <vector>

#include "gates/cli/selftest.h"
#include "gates/core/policy.h"

namespace secgate::code {

/// Parses argv, runs the gate, prints, and returns the process exit code.
int RunCli(int argc, char** argv);

/// The known-bad and known-good inputs of `selftest` (selftest_cases.cc).
std::vector<cli::SelftestCase> SelftestCases(const core::Policy& policy);

}  // namespace secgate::code
