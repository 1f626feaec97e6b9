// libFuzzer target: --shard K/N (secrets::ParseShard, Shard::Owns). Any
// bytes parse or are refused without crashing; an accepted spec is exactly
// "K/N" as printed back, with 1 <= K <= N <= kMaxShards; a refusal names
// --shard on one line of bounded length; the rest of the input (a path)
// belongs to exactly one of the N parts.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "gates/secrets/sources/sources.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using secgate::secrets::ParseShard;
  using secgate::secrets::Shard;
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  const size_t nul = in.find('\0');
  const std::string_view spec = in.substr(0, nul);
  const std::string_view path = nul == std::string_view::npos ? in : in.substr(nul + 1);
  auto parsed = ParseShard(spec);
  if (!parsed) {
    if (parsed.error().where != "--shard") std::abort();
    if (parsed.error().message.size() > 160) std::abort();
    return 0;
  }
  const Shard s = *parsed;
  if (s.index < 1 || s.count < s.index || s.count > secgate::secrets::kMaxShards) std::abort();
  if (std::to_string(s.index) + "/" + std::to_string(s.count) != spec) std::abort();
  int owners = 0;
  for (int k = 1; k <= s.count; ++k) owners += Shard{k, s.count}.Owns(path) ? 1 : 0;
  if (owners != 1) std::abort();
  return 0;
}
