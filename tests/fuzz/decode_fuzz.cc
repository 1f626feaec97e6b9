// libFuzzer target: the encoded-run decoders (decode.h). Any bytes must be
// searched and decoded without crashing; every run reported lies inside the
// input, runs come left to right without overlapping, each decodes to
// mostly printable text, and the decoded total never exceeds the budget.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "gates/secrets/decode.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace secgate::secrets;
  std::string_view in(reinterpret_cast<const char*>(data), size);
  DecodeBudget budget;
  budget.left = 4096;
  size_t last_end = 0, total = 0;
  ForEachDecoded(in, &budget, [&](const DecodedRun& r) {
    if (r.begin < last_end || r.end > in.size() || r.begin >= r.end) std::abort();
    if (!MostlyPrintable(r.text)) std::abort();
    last_end = r.end;
    total += r.text.size();
  });
  if (total > 4096) std::abort();
  std::string out;
  DecodeBase64(in, &out);
  DecodeHex(in, &out);
  DecodePercent(in, &out);
  DecodeEscapes(in, &out);
  if (out.size() > in.size() * 3) std::abort();  // an escape never grows: \u0800 is 6 -> 3 bytes
  return 0;
}
