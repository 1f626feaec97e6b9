#include "gates/core/report/codequality_reporter.h"

#include <set>

#include <nlohmann/json.hpp>

#include "gates/core/report/describe.h"
#include "gates/core/sha256.h"

namespace secgate::core {

using nlohmann::ordered_json;

namespace {

std::string_view GitlabSeverity(Severity s) {
  switch (s) {
    case Severity::kCritical: return "blocker";
    case Severity::kHigh: return "critical";
    case Severity::kMedium: return "major";
    case Severity::kLow: return "minor";
    case Severity::kUnknown: return "info";
  }
  return "info";
}

}  // namespace

void CodeQualityReporter::Write(const Verdict& v, std::ostream& out) const {
  ordered_json items = ordered_json::array();
  std::set<std::string> used;
  for (const EvaluatedFinding& e : v.findings) {
    if (e.disposition != Disposition::kViolation && e.disposition != Disposition::kWaived)
      continue;
    const Finding& f = e.finding;
    // GitLab pairs items across pipelines by fingerprint, so it must be
    // stable (ours is) and unique in one file (a finding reported at two
    // places shares ours; the place tells them apart).
    std::string path = FindingPlace(f);
    const std::string ours = f.fingerprint.empty() ? v.tool + ":" + f.id : f.fingerprint;
    std::string fp = Sha256HexPrefix(ours, 32);
    for (int n = 2; !used.insert(fp).second; ++n)
      fp = Sha256HexPrefix(ours + "\n" + path + ":" + std::to_string(f.location.line) + "#" +
                               std::to_string(n), 32);
    ordered_json item;
    item["type"] = "issue";
    item["check_name"] = v.tool + "/" + f.id;
    item["description"] = DescribeFinding(v, e);
    item["categories"] = ordered_json::array({"Security"});
    item["severity"] = e.disposition == Disposition::kWaived
                           ? std::string_view("info")
                           : GitlabSeverity(e.effective_severity);
    item["fingerprint"] = fp;
    item["location"] = {{"path", path.empty() ? v.tool : path},
                        {"lines", {{"begin", f.location.line > 0 ? f.location.line : 1}}}};
    items.push_back(std::move(item));
  }
  out << items.dump(2, ' ', false, ordered_json::error_handler_t::replace) << "\n";
}

}  // namespace secgate::core
