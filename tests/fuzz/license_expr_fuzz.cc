// libFuzzer target: the SPDX license expression parser and its evaluation.
// Never crash (deep nesting is bounded); the canonical form of a parsed
// expression parses again to itself; evaluation is deterministic.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "gates/sbom/license_expr.h"
#include "gates/sbom/license_policy.h"

namespace {

[[noreturn]] void Fail(const std::string& what, const std::string& input) {
  std::fprintf(stderr, "license_expr_fuzz: %s (input: %s)\n", what.c_str(), input.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace secgate::sbom;
  const std::string text(reinterpret_cast<const char*>(data), size);
  static const LicensePolicy policy =
      *CompileLicensePolicy({"MIT", "Apache-2.0", "LGPL-2.1-or-later"},
                            {"GPL-3.0-only", "AGPL-3.0-or-later", "LicenseRef-Bad"});
  auto e = ParseLicenseExpression(text);
  if (!e.ok()) {
    if (e.error().message.empty()) Fail("error without a message", text);
    return 0;
  }
  const std::string canonical = e->ToString();
  auto again = ParseLicenseExpression(canonical);
  if (!again.ok()) Fail("canonical form does not parse: " + canonical, text);
  if (again->ToString() != canonical) Fail("canonical form not stable: " + canonical, text);
  LicenseOutcome a = EvaluateLicense(*e, policy), b = EvaluateLicense(*again, policy);
  if (a.verdict != b.verdict) Fail("verdict changed after canonicalising", text);
  if (a.verdict == LicenseVerdict::kFail && a.problems.empty()) Fail("fail without problem", text);
  for (const auto& p : a.problems)
    if (p.ids.empty() || p.explanation.empty()) Fail("problem without ids/explanation", text);
  (void)ParseLicenseTerm(text);
  return 0;
}
