// libFuzzer target: the waiver YAML loader (core::ParseWaiverFile). Never
// crash or hang; a waiver left valid has what docs/waivers.md requires of every
// waiver (id, owner, reason, an expiry at most waivers.max_days after its
// creation or latest renewal, neither of them after today); every problem
// has a message.
#include "gates/core/waiver.h"
#include "tests/fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace secgate;
  std::string_view text = fuzz::AsText(data, size);
  core::WaiverPolicy policy;
  const core::Date today{2026, 6, 1};
  auto w = core::ParseWaiverFile(text, "fuzz-waivers.yaml", policy, today);
  if (!w) {
    if (w.error().message.empty()) fuzz::Fail("waiver error without a message");
    return 0;
  }
  for (const auto& p : w->problems)
    if (p.message.empty()) fuzz::Fail("waiver problem without a message");
  for (const auto& x : w->waivers) {
    if (!x.valid) continue;
    if (x.id.empty() || x.owner.empty() || x.reason.empty() || !x.expires)
      fuzz::Fail("a valid waiver lacks id, owner, reason or expiry");
    // The span is counted from `created`, or from the latest renewal.
    if (!x.created) continue;
    if (*x.created > today) fuzz::Fail("a valid waiver was created after today");
    core::Date from = *x.created;
    for (const auto& r : x.renewed) {
      auto d = core::ParseDate(r.date);
      if (d && *d > today) fuzz::Fail("a valid waiver was renewed after today");
      if (d && *d > from) from = *d;
    }
    if (core::DaysBetween(from, *x.expires) > policy.max_days)
      fuzz::Fail("a valid waiver spans more than waivers.max_days");
  }
  return 0;
}
