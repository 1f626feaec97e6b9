// SHA-256 (FIPS 180-4), computed by OpenSSL's libcrypto (EVP), which uses
// the CPU's SHA extensions where present. Fingerprints, input hashes in the
// verdict and SARIF keys are built from it.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace secgate::core {

using Sha256Digest = std::array<uint8_t, 32>;

/// SHA-256 of `data`.
Sha256Digest Sha256(std::string_view data);
/// Lower-case hex of the whole digest.
std::string Sha256Hex(std::string_view data);
/// The first `n` hex characters of the digest (at most 64).
std::string Sha256HexPrefix(std::string_view data, size_t n);

}  // namespace secgate::core
