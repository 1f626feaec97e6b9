// Writing waiver files: a deterministic YAML emitter for waiver entries.
// baseline (both programs that write one) and import build DraftWaivers (strings, so placeholders such as
// "TODO: owner" survive) and emit them here; yaml-cpp's emitter is not used
// so that the layout and quoting are ours and round trips are stable:
// parse(emit(x)) == x, and emit(parse(emit(x))) == emit(x).
//
//   DraftWaiver d{.id = "CVE-2024-1", .gate = "vuln", ...};
//   std::string yaml = WaiverFileYaml({d});
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gates/core/date.h"
#include "gates/core/finding.h"
#include "gates/core/waiver.h"

namespace secgate::core {

/// A waiver as it will be written: every field a string, so placeholders and
/// dates the tool could not read pass through unchanged.
struct DraftWaiver {
  std::string id;
  std::string gate = "vuln";
  std::string package;   ///< Empty = no package scope.
  std::string path;      ///< Empty = no path scope.
  std::string reason;
  std::string owner;
  std::string ticket;    ///< Empty = not written.
  std::string created;
  std::string expires;
  std::vector<Renewal> renewed;
  std::vector<std::string> comments;  ///< Written as "# …" lines above the entry.
};

/// The draft of an already-parsed waiver (dates as YYYY-MM-DD, "" if absent).
DraftWaiver DraftFromWaiver(const Waiver& w);

/// A YAML scalar for `s`: plain when that reads back as the same string,
/// else double-quoted with escapes.
std::string YamlScalar(std::string_view s);

/// One list entry ("- id: …" and its keys), each line prefixed by `indent`
/// spaces, ending in a newline.
std::string EntryYaml(const DraftWaiver& d, int indent);

/// A whole waiver file: optional header comment lines, "version: 1" and the
/// list ("waivers: []" when empty).
std::string WaiverFileYaml(const std::vector<DraftWaiver>& drafts,
                           const std::vector<std::string>& header = {});

/// The reason every baseline waiver carries.
inline constexpr const char* kBaselineReason = "baseline: pre-existing at adoption";

/// The waiver a baseline (secgate-waivers baseline, secgate-secrets
/// --baseline-out) writes for one finding, scoped so that it waives only
/// what exists today:
///   vuln:    id + package purl *with* version (an upgrade re-surfaces it)
///   secrets: the secret fingerprint + the file path
///   sbom:    id + package purl
/// nullopt when no waiver can be that narrow: a secrets path holding '*' or
/// '?' (a waiver path is a glob without an escape, so it would also waive
/// other files); the finding then stays a violation.
inline constexpr const char* kBaselineRefusedWhy =
    "their path holds '*' or '?', which a waiver path cannot match exactly";
std::optional<DraftWaiver> BaselineDraft(const Finding& f, const std::string& owner,
                                         const Date& created, const Date& expires);

/// Key used to spot the same waiver twice: gate, upper-cased id, scopes.
std::string DraftKey(const DraftWaiver& d);

}  // namespace secgate::core
