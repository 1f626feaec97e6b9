// What a pull request exempts: waivers added, removed, extended, re-scoped
// or edited between two versions of the waiver file, other tools' ignore
// files it changes, and inline suppression markers it adds. Pure: the two
// waiver files and the git facts come from git_changes.h.
//
//   std::vector<ExemptionChange> c = CompareWaiverFiles(base, head, "secgate-waivers.yaml");
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "gates/core/waiver.h"

namespace secgate::waivers {

enum class ExemptionKind {
  kWaiverAdded,
  kWaiverRemoved,
  kWaiverExtended,  ///< Same waiver, later expiry (a renewal or an edit).
  kWaiverRescoped,  ///< Same gate and id, another package or path scope.
  kWaiverEdited,    ///< Same waiver, other owner, reason or ticket, or an earlier expiry.
  kIgnoreFile,      ///< Another tool's ignore file (or secgate.yaml) added, changed or deleted.
  kMarker,          ///< An inline suppression marker on an added line.
};
/// "waiver added", "waiver removed", ... for tables.
std::string_view ExemptionKindName(ExemptionKind k);

struct ExemptionChange {
  ExemptionKind kind = ExemptionKind::kWaiverAdded;
  std::string what;     ///< Waiver id, ignore file path, or the marker ("nosemgrep").
  std::string gate;     ///< Waivers: "vuln", "secrets", "sbom".
  std::string owner, reason, ticket;
  std::string expires;  ///< Waivers: the head's expiry (the base's when removed).
  std::string where;    ///< "secgate-waivers.yaml:12", "src/app.py:30".
  std::string detail;   ///< "expires 2027-01-10 -> 2027-03-01", "package a -> b", "modified".
  /// Loosens the gate: counted by pr.exemptions: require_ticket when it
  /// carries no ticket (ignore files and markers never can).
  bool loosens = true;
};

/// Pairs entries by gate, id and scope; unpaired ones of the same gate and
/// id are re-scoped, the rest added or removed. Sorted by kind, then id.
std::vector<ExemptionChange> CompareWaiverFiles(const core::WaiverFile& base,
                                                const core::WaiverFile& head,
                                                const std::string& path);

/// True when `c` fails under pr.exemptions: require_ticket.
bool NeedsTicket(const ExemptionChange& c);

}  // namespace secgate::waivers
