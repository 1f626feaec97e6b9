#include "gates/core/fingerprint.h"

#include "gates/core/purl.h"

namespace secgate::core {
namespace {

// Package identity without qualifiers and (optionally) version.
std::string PackageKey(const Package& p, bool with_version) {
  if (auto purl = ParsePurl(p.purl)) {
    std::string key = purl->Base();
    std::string version = purl->version.empty() ? p.version : purl->version;
    return with_version ? key + "@" + version : key;
  }
  std::string key = p.ecosystem + "/" + p.name;
  return with_version ? key + "@" + p.version : key;
}

}  // namespace

std::string VulnFingerprint(const Finding& f) {
  return "vuln:" + Sha256HexPrefix(f.id + "|" + PackageKey(f.package, true), 16);
}

std::string SecretFingerprint(std::string_view rule_id, std::string_view secret) {
  return "secret:" + std::string(rule_id) + ":" + Sha256HexPrefix(secret, 16);
}

std::string SbomFingerprint(const Finding& f) {
  return "sbom:" + Sha256HexPrefix(f.id + "|" + PackageKey(f.package, true), 16);
}

std::string CodeFingerprint(std::string_view tool, std::string_view rule, std::string_view basis) {
  std::string key;
  key.reserve(tool.size() + rule.size() + basis.size() + 2);
  key.append(tool).append("|").append(rule).append("|").append(basis);
  return "code:" + Sha256HexPrefix(key, 16);
}

}  // namespace secgate::core
