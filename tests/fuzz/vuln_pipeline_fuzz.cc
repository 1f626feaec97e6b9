// libFuzzer target: the whole secgate-vuln pipeline on one input, in memory
// through the engine's injected opener (the path the CLI takes with a file):
// RunVuln (detect → read → merge → evaluate; default policy, no waivers) →
// every reporter, with the checks of pipeline_util.h (no control bytes in
// text, one workflow command per GitHub line, JSON and SARIF parse).
#include "gates/vuln/run.h"
#include "tests/fuzz/pipeline_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace secgate;
  auto verdict = vuln::RunVuln(fuzz::OneInput("fuzz.json", data, size), fuzz::DefaultRun());
  if (!verdict) return 0;
  core::Verdict v = std::move(*verdict);
  v.tool = "secgate-vuln";
  fuzz::CheckEveryReporter(v);
  return 0;
}
