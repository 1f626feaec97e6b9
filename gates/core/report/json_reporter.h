// The JSON verdict (schema "secgate.verdict/v1", documented in
// docs/json-schema.md): the machine contract other tools and secgate-waivers
// read. Streams one finding at a time, so memory does not grow with the
// number of findings beyond the Verdict itself.
#pragma once

#include <nlohmann/json.hpp>

#include "gates/core/report/reporter.h"

namespace secgate::core {

class JsonReporter : public Reporter {
 public:
  void Write(const Verdict& v, std::ostream& out) const override;
};

/// One finding as it appears in "findings" (exposed for other reporters).
nlohmann::ordered_json FindingToJson(const Verdict& v, const EvaluatedFinding& e);
/// One waiver diagnostic as it appears in "waivers".
nlohmann::ordered_json WaiverToJson(const WaiverDiagnostic& d);
/// A waiver's own fields as both JSON documents show them: id, gate,
/// status, owner, reason, ticket, package, path, created, expires (in that
/// order; absent optional fields left out).
nlohmann::ordered_json WaiverFieldsJson(const Waiver& w, WaiverStatus status);

}  // namespace secgate::core
