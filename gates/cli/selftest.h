// `secgate-<gate> selftest`: the armed-gate proof. Runs the gate's own
// engine on built-in known-bad and known-good inputs under the user's actual
// policy (waivers are loaded and hashed but never applied, so a waiver cannot
// disarm the proof) and prints evidence to paste into a launch checklist:
// tool version, policy and waiver file hashes, the date, each case and its
// result. Exit 0 only when every known-bad case fails and every known-good
// case passes; 1 when the gate is not armed; 2 on any error.
//
//   int Selftest(int argc, char** argv) {   // argv[0] == "selftest"
//     return cli::RunSelftest(argc, argv, "secgate-vuln", core::Gate::kVuln,
//                             MyCases, MyRunner);
//   }
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "gates/cli/common.h"
#include "gates/core/policy.h"
#include "gates/core/verdict.h"

namespace secgate::cli {

struct SelftestCase {
  std::string name;     ///< "HIGH finding with a fix (Trivy report)".
  std::string input;    ///< The bytes the engine reads.
  bool must_fail = false;  ///< Known-bad: the gate must exit 1.
};

/// Builds the cases; may adapt them to the policy (sbom: a denied license).
using SelftestCases = std::function<std::vector<SelftestCase>(const core::Policy&)>;

/// Runs the engine on one case's input, handed over from memory (the
/// engine's injected opener, core/inputs.h): no scratch file is written.
using SelftestRunner =
    std::function<core::Result<core::Verdict>(const std::string& input, const GateContext& ctx)>;

/// Parses --policy, --waivers, --fail-on, --today and --quiet, then runs each
/// case and prints the evidence. Returns the exit code (0 armed, 1 not armed,
/// 2 error). `argv[0]` is the subcommand name.
int RunSelftest(int argc, char** argv, const std::string& tool, core::Gate gate,
                const SelftestCases& cases, const SelftestRunner& run);

}  // namespace secgate::cli
