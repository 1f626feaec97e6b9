// secgate-sbom: gate SBOMs on license and component policy. See docs/sbom.md.
#include <exception>
#include <iostream>

#include "gates/core/exit_code.h"
#include "gates/sbom/cli.h"

int main(int argc, char** argv) {
  try {
    return secgate::sbom::RunCli(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "secgate-sbom: error: internal: " << e.what() << "\n";
  } catch (...) {
    std::cerr << "secgate-sbom: error: internal: unknown exception\n";
  }
  return secgate::core::ToInt(secgate::core::ExitCode::kError);
}
