// libFuzzer target: vuln format detection (readers/detect_format.cc), then the
// reader it picks, over the same input, as secgate-vuln does. Detection must
// never crash or hang, must fail with a message, and must not consume input
// the reader then misses (the reader sees the same bytes from the start).
#include "tests/fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace secgate;
  auto in = core::InputFile::FromMemory(fuzz::AsText(data, size), "fuzz.json");
  auto format = vuln::DetectFormat(*in);
  if (!format) {
    if (format.error().message.empty()) fuzz::Fail("detection error without a message");
    return 0;
  }
  if (*format == nullptr) fuzz::Fail("detection succeeded without a format");
  if (vuln::FindFormat((*format)->name) != *format) fuzz::Fail("detected format not in Formats()");
  vuln::ReaderOutput out;
  core::Status s = (*format)->read(*in, &out);
  fuzz::CheckReaderResult(s, out);
  // A successful read consumed the whole input: nothing may be left unseen.
  if (s.ok() && in->Next() >= 0) fuzz::Fail("reader succeeded without reading to the end");
  return 0;
}
