// --shard K/N (sources.h).
#include <cstdint>

#include "gates/core/report/escape.h"
#include "gates/secrets/sources/sources.h"

namespace secgate::secrets {

bool Shard::Owns(std::string_view key) const {
  uint64_t h = 14695981039346656037ull;
  for (char c : key) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return static_cast<int>(h % static_cast<uint64_t>(count)) == index - 1;
}

namespace {

/// A decimal number of 1 to 4 digits without sign or leading zero, or -1.
int SmallNumber(std::string_view digits) {
  if (digits.empty() || digits.size() > 4 || digits[0] == '0') return -1;
  int n = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return -1;
    n = n * 10 + (c - '0');
  }
  return n;
}

}  // namespace

core::Result<Shard> ParseShard(std::string_view spec) {
  const size_t slash = spec.find('/');
  Shard s;
  if (slash != std::string_view::npos) {
    s.index = SmallNumber(spec.substr(0, slash));
    s.count = SmallNumber(spec.substr(slash + 1));
  }
  if (slash == std::string_view::npos || s.index < 1 || s.count < s.index || s.count > kMaxShards)
    return core::Error{"--shard", "expected K/N with 1 <= K <= N <= " +
                                      std::to_string(kMaxShards) + ", got '" + core::TruncateUtf8(spec, 40) +
                                      "'"};
  return s;
}

}  // namespace secgate::secrets
