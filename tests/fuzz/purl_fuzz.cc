// libFuzzer target: package URL parsing (core::ParsePurl). Never crash; a
// purl that parses has a non-empty lower-case type and a name, and its
// canonical form round-trips: parsing BaseWithVersion() gives back the same
// package (the comparison merge, waivers and bans rely on).
#include <cctype>

#include "gates/core/purl.h"
#include "tests/fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace secgate;
  std::string_view text = fuzz::AsText(data, size);
  auto p = core::ParsePurl(text);
  std::string normal = core::NormalizePythonName(text);
  if (core::NormalizePythonName(normal) != normal) fuzz::Fail("NormalizePythonName not idempotent");
  if (!p) return 0;
  if (p->type.empty()) fuzz::Fail("purl without a type");
  for (char c : p->type)
    if (std::isupper(static_cast<unsigned char>(c))) fuzz::Fail("purl type not lower-case");
  if (p->name.empty()) fuzz::Fail("purl without a name: " + std::string(text));
  std::string canonical = p->BaseWithVersion();
  auto q = core::ParsePurl(canonical);
  if (!q) fuzz::Fail("canonical form does not parse: " + canonical);
  if (q->Base() != p->Base() || q->version != p->version)
    fuzz::Fail("canonical form does not round-trip: " + canonical + " -> " + q->BaseWithVersion());
  return 0;
}
