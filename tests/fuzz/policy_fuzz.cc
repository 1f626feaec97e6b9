// libFuzzer target: the policy YAML loader (core::ParsePolicy, through
// core::LoadYaml's size/UTF-8/nesting guards). Never crash, never hang
// (yaml-cpp recurses: the nesting guard must stop deep documents first);
// a failure always names what went wrong; parsing is deterministic.
#include "gates/core/policy.h"
#include "tests/fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace secgate;
  std::string_view text = fuzz::AsText(data, size);
  auto p = core::ParsePolicy(text, "fuzz.yaml");
  if (!p) {
    if (p.error().message.empty()) fuzz::Fail("policy error without a message");
    return 0;
  }
  auto again = core::ParsePolicy(text, "fuzz.yaml");
  if (!again) fuzz::Fail("policy parse not deterministic");
  if (again->vuln.fail_on != p->vuln.fail_on) fuzz::Fail("fail_on not deterministic");
  if (p->waivers.max_days < 0 || p->waivers.expiring_days < 0) fuzz::Fail("negative waiver days");
  return 0;
}
