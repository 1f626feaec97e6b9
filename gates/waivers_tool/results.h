// Reading gate results: the JSON verdicts ("secgate.verdict/v1", see
// gates/core/report/json_reporter.h) that gates write with
// `--report json=PATH`. `baseline --from` turns their findings into waivers;
// `report --results` matches waivers against them. Findings are rebuilt as
// core::Finding so that core::WaiverMatches decides matching exactly as the
// gates do.
//
//   Result<ResultFile> r = ReadResultFile("vuln.json");
//   for (const auto& rf : r->findings) core::WaiverMatches(w, rf.finding);
#pragma once

#include <string>
#include <vector>

#include "gates/core/error.h"
#include "gates/core/finding.h"
#include "gates/core/io.h"

namespace secgate::waivers {

/// The waiver a verdict names on a finding (`waiver`, `expired_waiver`).
struct WaiverRef {
  std::string id, owner, ticket, expires;
  bool present() const { return !id.empty(); }
};

struct ResultFinding {
  core::Finding finding;
  /// "violation", "waived", "below_threshold", "ignored"; any other word is
  /// an error; empty only when the verdict omits it.
  std::string disposition;
  std::string effective_severity;  ///< `counted_as` when the policy assumed one, else `severity`.
  WaiverRef waiver;          ///< The waiver that waived it.
  WaiverRef expired_waiver;  ///< A matching waiver that has expired.
};

struct ResultFile {
  std::string path;
  std::string tool;  ///< "secgate-vuln".
  core::Gate gate = core::Gate::kVuln;
  std::vector<ResultFinding> findings;
};

/// Largest results file accepted (bytes).
inline constexpr size_t kMaxResultsBytes = 512ULL * 1024 * 1024;

/// Reads one JSON verdict. Errors name the file and a JSON pointer: not
/// JSON, another schema, the verdict of a failed run ("verdict": "error"),
/// an unknown gate, or a finding field of the wrong type.
core::Result<ResultFile> ReadResultFile(const std::string& path);
/// The same over an open input; messages name in.path(). Set
/// in.set_max_bytes(kMaxResultsBytes) first, as the path overload does.
core::Result<ResultFile> ReadResultFile(core::InputFile& in);

/// Reads every file; the first error stops.
core::Result<std::vector<ResultFile>> ReadResultFiles(const std::vector<std::string>& paths);

}  // namespace secgate::waivers
