// Fingerprints: stable identities for findings, independent of line numbers
// (so a waiver or a SARIF alert survives unrelated edits), and the SHA-256
// they are built from.
//
//   vuln:    "vuln:" + hex16(sha256(id | purl-without-version-and-qualifiers | version))
//   secrets: "secret:<rule>:" + hex16(sha256(secret))      (DESIGN.md, issue 5)
//   sbom:    "sbom:" + hex16(sha256(id | purl-without-qualifiers))
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "gates/core/finding.h"

namespace secgate::core {

using Sha256Digest = std::array<uint8_t, 32>;

/// SHA-256 of `data` (FIPS 180-4).
Sha256Digest Sha256(std::string_view data);
/// Lower-case hex of the whole digest.
std::string Sha256Hex(std::string_view data);
/// The first `n` hex characters of the digest.
std::string Sha256HexPrefix(std::string_view data, size_t n);

/// Fingerprint of a vulnerability finding (uses id, package and version).
std::string VulnFingerprint(const Finding& f);
/// "secret:<rule>:<first 16 hex of sha256(secret)>".
std::string SecretFingerprint(std::string_view rule_id, std::string_view secret);
/// Fingerprint of an SBOM finding (id + purl or name@version).
std::string SbomFingerprint(const Finding& f);

}  // namespace secgate::core
