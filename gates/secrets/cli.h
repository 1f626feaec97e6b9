// secgate-secrets command line: CLI11 lives here and nowhere else in the
// gate. Subcommands: (none) scan, `mask`, `install-hook`.
#pragma once

namespace secgate::secrets {

/// Parses argv, runs the gate, prints, and returns the process exit code.
int RunCli(int argc, char** argv);

}  // namespace secgate::secrets
