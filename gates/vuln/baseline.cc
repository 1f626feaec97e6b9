#include "gates/vuln/baseline.h"

#include "gates/core/io.h"

namespace secgate::vuln {

core::Result<std::vector<core::Waiver>> LoadBaseline(const core::Policy& policy,
                                                     const core::Date& today) {
  std::vector<core::Waiver> out;
  if (!policy.vuln.only_new) return out;
  std::string path = policy.vuln.baseline;
  if (path.empty()) return core::Error{policy.source, "vuln.only_new: needs vuln.baseline"};
  if (path[0] != '/' && !policy.dir.empty()) path = policy.dir + "/" + path;
  auto text = core::ReadInput(path, 64u << 20);
  if (!text) return core::Error{text.error().where, "vuln.baseline: " + text.error().message};
  auto file = core::ParseWaiverFile(*text, path, policy.waivers, today);
  if (!file) return file.error();
  for (const auto& w : file->waivers) {
    if (w.gate != core::Gate::kVuln) continue;
    if (w.id.empty())
      return core::Error{path + ":" + std::to_string(w.line), "baseline entry without an id"};
    out.push_back(w);
  }
  return out;
}

}  // namespace secgate::vuln
