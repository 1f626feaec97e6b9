// libFuzzer target: the whole secgate-code pipeline on one input, in memory
// through the engine's injected opener: RunCode (detect SARIF 2.1.0 or a
// Trivy report → read → code policy → evaluate; default policy, no waivers)
// → every reporter, with the checks of pipeline_util.h. Besides: a failure
// has a message, and every finding is a code finding with an id, a level
// SARIF defines, a `code:` fingerprint and a message within the reader's cap.
#include <string>

#include "gates/code/readers/sarif_model.h"
#include "gates/code/run.h"
#include "tests/fuzz/pipeline_util.h"

namespace {

void CheckFinding(const secgate::core::Finding& f) {
  using secgate::fuzz::Fail;
  if (f.gate != secgate::core::Gate::kCode) Fail("finding of another gate");
  if (f.id.empty()) Fail("finding without an id");
  if (!f.code) Fail("code finding without its code detail");
  const std::string& level = f.code->level;
  if (level != "error" && level != "warning" && level != "note" && level != "none")
    Fail("level outside SARIF's: " + level);
  if (f.fingerprint.rfind("code:", 0) != 0) Fail("fingerprint without code: " + f.fingerprint);
  if (f.message.size() > secgate::code::kMaxMessageBytes) Fail("message over the cap");
  if (f.sources.empty() || f.sources.front().empty()) Fail("finding without its tool");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace secgate;
  auto verdict = code::RunCode(fuzz::OneInput("fuzz.sarif", data, size), fuzz::DefaultRun());
  if (!verdict) {
    if (verdict.error().message.empty()) fuzz::Fail("error without a message");
    return 0;
  }
  core::Verdict v = std::move(*verdict);
  v.tool = "secgate-code";
  if (v.summary.findings != static_cast<int>(v.findings.size())) fuzz::Fail("summary miscounts");
  for (const auto& e : v.findings) CheckFinding(e.finding);
  fuzz::CheckEveryReporter(v);
  return 0;
}
