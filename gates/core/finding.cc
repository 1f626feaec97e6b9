#include "gates/core/finding.h"

#include <iterator>

namespace secgate::core {

std::string_view GateName(Gate g) {
  switch (g) {
    case Gate::kVuln: return "vuln";
    case Gate::kSecrets: return "secrets";
    case Gate::kSbom: return "sbom";
    case Gate::kCode: return "code";
  }
  return "vuln";
}

std::string GateNames() {
  std::string out;
  const size_t n = std::size(kAllGates);
  for (size_t i = 0; i < n; ++i)
    out += (i == 0 ? "" : i + 1 == n ? " or " : ", ") + std::string(GateName(kAllGates[i]));
  return out;
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
    case Gate::kCode: return FindingClass::kCode;
  }
  return FindingClass::kVulnerability;
}

FindingClass ClassOf(const Finding& f) { return f.cls ? *f.cls : NativeClass(f.gate); }

void AppendFindings(std::vector<Finding>&& more, std::vector<Finding>* all) {
  if (all->empty()) {
    *all = std::move(more);
    return;
  }
  all->reserve(all->size() + more.size());
  for (auto& f : more) all->push_back(std::move(f));
  more.clear();
}

std::string_view ClassName(FindingClass c) {
  switch (c) {
    case FindingClass::kVulnerability: return "vulnerability";
    case FindingClass::kSecret: return "secret";
    case FindingClass::kLicense: return "license";
    case FindingClass::kSbom: return "sbom";
    case FindingClass::kCode: return "code";
  }
  return "vulnerability";
}

}  // namespace secgate::core
