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

FindingClass NativeClass(Gate g) {
  switch (g) {
    case Gate::kVuln: return FindingClass::kVulnerability;
    case Gate::kSecrets: return FindingClass::kSecret;
    case Gate::kSbom: return FindingClass::kSbom;
  }
  return FindingClass::kVulnerability;
}

FindingClass ClassOf(const Finding& f) { return f.cls ? *f.cls : NativeClass(f.gate); }

std::string_view ClassName(FindingClass c) {
  switch (c) {
    case FindingClass::kVulnerability: return "vulnerability";
    case FindingClass::kSecret: return "secret";
    case FindingClass::kLicense: return "license";
    case FindingClass::kSbom: return "sbom";
  }
  return "vulnerability";
}

}  // namespace secgate::core
