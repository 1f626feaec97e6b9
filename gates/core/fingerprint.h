// Fingerprints: stable identities for findings, independent of line numbers
// (so a waiver or a SARIF alert survives unrelated edits), and the SHA-256
// they are built from (gates/core/sha256.h).
//
//   vuln:    "vuln:" + hex16(sha256(id | purl-without-version-and-qualifiers | version))
//   secrets: "secret:<rule>:" + hex16(sha256(secret))      (docs/design.md "Fingerprints")
//   sbom:    "sbom:" + hex16(sha256(id | purl-without-qualifiers))
//   code:    "code:" + hex16(sha256(tool | rule | producer fingerprints or path + snippet))
#pragma once

#include <string>
#include <string_view>

#include "gates/core/finding.h"
#include "gates/core/sha256.h"

namespace secgate::core {

/// Fingerprint of a vulnerability finding (uses id, package and version).
std::string VulnFingerprint(const Finding& f);
/// "secret:<rule>:<first 16 hex of sha256(secret)>".
std::string SecretFingerprint(std::string_view rule_id, std::string_view secret);
/// Fingerprint of an SBOM finding (id + purl or name@version).
std::string SbomFingerprint(const Finding& f);
/// "code:<first 16 hex of sha256(tool | rule | basis)>": `basis` is the
/// producer's fingerprints, else path + normalised snippet (docs/code.md).
std::string CodeFingerprint(std::string_view tool, std::string_view rule, std::string_view basis);

}  // namespace secgate::core
