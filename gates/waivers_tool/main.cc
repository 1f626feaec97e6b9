// secgate-waivers: the security lead's tool for the waiver file — lint,
// baseline, report, import and renew. See docs/waivers.md.
#include <exception>
#include <iostream>

#include "gates/core/exit_code.h"
#include "gates/waivers_tool/cli.h"

int main(int argc, char** argv) {
  try {
    return secgate::waivers::RunCli(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "secgate-waivers: error: internal: " << e.what() << "\n";
  } catch (...) {
    std::cerr << "secgate-waivers: error: internal: unknown exception\n";
  }
  return secgate::core::ToInt(secgate::core::ExitCode::kError);
}
