// libFuzzer target: the unified diff parser used by --stdin. Any bytes must
// parse without crashing or looping, and every added or text line reported
// must be a piece of the input with a positive line number.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "gates/secrets/unified_diff.h"

namespace {

struct Check : secgate::secrets::DiffEvents {
  std::string_view input;
  void Commit(const std::string&, const std::string&, const std::string&) override {}
  void Added(const std::string&, int line, std::string_view text) override {
    if (line < 0) std::abort();
    if (text.data() < input.data() || text.data() + text.size() > input.data() + input.size())
      std::abort();
  }
  void Binary(const std::string&) override {}
  void Text(int line, std::string_view text) override {
    if (line < 1) std::abort();
    if (text.data() < input.data() || text.data() + text.size() > input.data() + input.size())
      std::abort();
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  Check check;
  check.input = in;
  secgate::secrets::UnifiedDiffParser parser(&check);
  secgate::secrets::LooksLikeUnifiedDiff(in);
  size_t pos = 0;
  while (pos < in.size()) {
    size_t nl = in.find('\n', pos);
    if (nl == std::string_view::npos) nl = in.size();
    std::string_view line = in.substr(pos, nl - pos);
    parser.Feed(line);
    if (line.size() > 64) parser.Continue(line.substr(line.size() / 2));  // a long line's end
    pos = nl + 1;
  }
  return 0;
}
