// secgate-vuln: gate vulnerability scanner reports. See docs/vuln.md.
#include <exception>
#include <iostream>

#include "gates/core/exit_code.h"
#include "gates/vuln/cli.h"

int main(int argc, char** argv) {
  try {
    return secgate::vuln::RunCli(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "secgate-vuln: error: internal: " << e.what() << "\n";
  } catch (...) {
    std::cerr << "secgate-vuln: error: internal: unknown exception\n";
  }
  return secgate::core::ToInt(secgate::core::ExitCode::kError);
}
