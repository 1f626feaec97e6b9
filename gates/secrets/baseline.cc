// Baseline waiver file (baseline.h).
#include "gates/secrets/baseline.h"

#include <algorithm>
#include <set>

#include "gates/core/waiver_writer.h"

namespace secgate::secrets {

Baseline MakeBaseline(const std::vector<core::Finding>& findings, const core::Date& today,
                      int max_days) {
  Baseline out;
  std::vector<core::DraftWaiver> drafts;
  std::set<std::string> seen;
  const core::Date expires = today.AddDays(max_days);
  for (const auto& f : findings) {
    auto d = core::BaselineDraft(f, "unassigned", today, expires);
    if (!d) {
      ++out.refused;
      continue;
    }
    if (seen.insert(core::DraftKey(*d)).second) drafts.push_back(std::move(*d));
  }
  std::sort(drafts.begin(), drafts.end(), [](const core::DraftWaiver& a, const core::DraftWaiver& b) {
    return a.path != b.path ? a.path < b.path : a.id < b.id;
  });
  out.waivers = static_cast<int>(drafts.size());
  out.yaml = core::WaiverFileYaml(
      drafts, {"Baseline of pre-existing secrets, written by secgate-secrets --baseline-out on " +
                   today.ToString() + ".",
               "Rotate each secret, then delete its entry; give every entry a real owner."});
  return out;
}

}  // namespace secgate::secrets
