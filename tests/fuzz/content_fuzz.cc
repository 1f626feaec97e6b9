// libFuzzer target: content classification and decoding (content.h). Any
// bytes must classify and decode without crashing; feeding them in blocks
// of any size must give the same text as decoding them whole; binary
// content yields only lines of at least kMinRun printable bytes; decoded
// UTF-16 is valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "gates/core/io.h"
#include "gates/secrets/content.h"

namespace {

using secgate::secrets::ContentDecoder;
using secgate::secrets::ContentKind;

void CheckRuns(std::string_view text) {
  size_t line = 0;
  for (char c : text) {
    if (c == '\n') {
      if (line < secgate::secrets::kMinRun) std::abort();
      line = 0;
    } else if ((c < 0x20 || c > 0x7e) && c != '\t') {
      std::abort();
    } else {
      ++line;
    }
  }
  if (line != 0) std::abort();  // the last line is ended
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace secgate::secrets;
  if (size == 0) return 0;
  const size_t block = 1 + data[0] % 16;
  std::string_view in(reinterpret_cast<const char*>(data) + 1, size - 1);
  const ContentKind kind = Classify(in);
  std::string storage;
  const std::string whole(Scannable(in, kind, &storage));
  std::string blocks;
  for (ContentKind pass : Passes(kind)) {
    ContentDecoder d(pass);
    std::string one;
    for (size_t i = 0; i < in.size(); i += block) d.Feed(in.substr(i, block), &one);
    d.Finish(&one);
    if (pass == ContentKind::kBinary) CheckRuns(one);
    if (pass != ContentKind::kBinary && pass != ContentKind::kText &&
        !secgate::core::CheckUtf8(one).empty())
      std::abort();
    blocks += one;
  }
  if (kind != ContentKind::kText && blocks != whole) std::abort();
  return 0;
}
