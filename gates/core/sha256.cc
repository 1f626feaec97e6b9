#include "gates/core/sha256.h"

#include <openssl/evp.h>

#include <algorithm>
#include <cstdlib>

namespace secgate::core {
namespace {

std::string Hex(const Sha256Digest& d, size_t n) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(64);
  for (uint8_t byte : d) {
    out += kHex[byte >> 4];
    out += kHex[byte & 15];
  }
  out.resize(std::min(n, out.size()));
  return out;
}

}  // namespace

Sha256Digest Sha256(std::string_view data) {
  Sha256Digest out;
  unsigned int len = 0;
  // EVP_Digest fails only when libcrypto cannot allocate or the digest is
  // unavailable (a broken installation): no hash is better than a wrong one.
  if (EVP_Digest(data.data(), data.size(), out.data(), &len, EVP_sha256(), nullptr) != 1 ||
      len != out.size())
    std::abort();
  return out;
}

std::string Sha256Hex(std::string_view data) { return Hex(Sha256(data), 64); }

std::string Sha256HexPrefix(std::string_view data, size_t n) { return Hex(Sha256(data), n); }

}  // namespace secgate::core
