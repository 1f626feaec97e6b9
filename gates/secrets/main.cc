// secgate-secrets: find leaked secrets in staged changes, commit ranges,
// history, files and logs; mask them in CI logs. See docs/secrets.md.
#include <exception>
#include <iostream>

#include "gates/core/exit_code.h"
#include "gates/secrets/cli.h"

int main(int argc, char** argv) {
  try {
    return secgate::secrets::RunCli(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "secgate-secrets: error: internal: " << e.what() << "\n";
  } catch (...) {
    std::cerr << "secgate-secrets: error: internal: unknown exception\n";
  }
  return secgate::core::ToInt(secgate::core::ExitCode::kError);
}
