// libFuzzer target: the reader of gate verdicts (secgate.verdict/v1 JSON)
// behind `secgate-waivers report --results` and `baseline --from`. Results
// files are CI artifacts a job can tamper with. Never crash; an error has a
// message naming the input; an accepted file has findings with ids, all of
// the file's gate; reading is deterministic.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "gates/core/io.h"
#include "gates/waivers_tool/results.h"

namespace {

[[noreturn]] void Fail(const char* what) {
  std::fprintf(stderr, "waiver_results_fuzz: %s\n", what);
  std::abort();
}

secgate::core::Result<secgate::waivers::ResultFile> Read(std::string_view text) {
  auto in = secgate::core::InputFile::FromMemory(text, "results.json");
  in->set_max_bytes(secgate::waivers::kMaxResultsBytes);
  return secgate::waivers::ReadResultFile(*in);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto a = Read(text);
  auto b = Read(text);
  if (a.ok() != b.ok()) Fail("not deterministic");
  if (!a.ok()) {
    if (a.error().message.empty()) Fail("error without a message");
    if (a.error().ToString().rfind("results.json", 0) != 0) Fail("error does not name the input");
    if (a.error().ToString() != b.error().ToString()) Fail("error not deterministic");
    return 0;
  }
  if (a->findings.size() != b->findings.size()) Fail("finding count not deterministic");
  for (const auto& f : a->findings) {
    if (f.finding.id.empty()) Fail("finding without an id");
    if (f.finding.gate != a->gate) Fail("finding of another gate");
    if (f.finding.input != "results.json") Fail("finding without its input");
  }
  return 0;
}
