// libFuzzer target: CVSS vector parsing (core::CvssV3BaseScore,
// CvssV2BaseScore) and severity words. Never crash; a score is within 0-10
// with one decimal, and the same vector always gives the same score.
#include <cmath>

#include "gates/core/severity.h"
#include "tests/fuzz/fuzz_util.h"

namespace {

void CheckScore(std::optional<double> s, const char* what) {
  if (!s) return;
  if (!(*s >= 0 && *s <= 10)) secgate::fuzz::Fail(std::string(what) + " score outside 0-10");
  double tenths = *s * 10;
  if (std::fabs(tenths - std::round(tenths)) > 1e-6)
    secgate::fuzz::Fail(std::string(what) + " score has more than one decimal");
  (void)secgate::core::SeverityFromCvss(*s, 3);
  (void)secgate::core::SeverityFromCvss(*s, 2);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace secgate;
  std::string_view text = fuzz::AsText(data, size);
  auto v3 = core::CvssV3BaseScore(text);
  CheckScore(v3, "CVSS v3");
  if (v3 != core::CvssV3BaseScore(text)) fuzz::Fail("CVSS v3 score not deterministic");
  CheckScore(core::CvssV2BaseScore(text), "CVSS v2");
  if (auto s = core::ParseSeverityWord(text)) {
    if (static_cast<int>(*s) < 0 || *s > core::Severity::kCritical) fuzz::Fail("severity off the scale");
  }
  if (auto t = core::ParseThreshold(text); t && *t == core::Severity::kUnknown)
    fuzz::Fail("'unknown' accepted as a threshold");
  return 0;
}
