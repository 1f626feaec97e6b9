// secgate-sbom command line: CLI11 lives here and nowhere else in the gate.
#pragma once

namespace secgate::sbom {

/// Parses argv, runs the gate, prints, and returns the process exit code.
int RunCli(int argc, char** argv);

}  // namespace secgate::sbom
