// secgate-waivers command line: CLI11 lives here and nowhere else in the tool.
// Each subcommand's options become a validated config (context.h) that the
// subcommand's Run function takes (lint.h, baseline.h, report.h, import.h,
// renew.h).
#pragma once

namespace secgate::waivers {

/// Parses argv, runs one subcommand, and returns the process exit code.
int RunCli(int argc, char** argv);

}  // namespace secgate::waivers
