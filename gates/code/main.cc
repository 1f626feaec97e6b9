// secgate-code: gate SARIF from any scanner and Trivy misconfigurations. See docs/code.md.
#include <exception>
#include <iostream>

#include "gates/core/exit_code.h"
#include "gates/code/cli.h"

int main(int argc, char** argv) {
  try {
    return secgate::code::RunCli(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "secgate-code: error: internal: " << e.what() << "\n";
  } catch (...) {
    std::cerr << "secgate-code: error: internal: unknown exception\n";
  }
  return secgate::core::ToInt(secgate::core::ExitCode::kError);
}
