#include "gates/core/finding.h"

namespace secgate::core {

std::string_view GateName(Gate g) {
  switch (g) {
    case Gate::kVuln: return "vuln";
    case Gate::kSecrets: return "secrets";
    case Gate::kSbom: return "sbom";
  }
  return "vuln";
}

bool ParseGate(std::string_view word, Gate* out) {
  for (Gate g : kAllGates) {
    if (GateName(g) == word) {
      *out = g;
      return true;
    }
  }
  return false;
}

}  // namespace secgate::core
