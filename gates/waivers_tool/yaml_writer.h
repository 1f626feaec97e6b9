// Writing waiver files: a deterministic YAML emitter for waiver entries.
// baseline and import build DraftWaivers (strings, so placeholders such as
// "TODO: owner" survive) and emit them here; yaml-cpp's emitter is not used
// so that the layout and quoting are ours and round trips are stable:
// parse(emit(x)) == x, and emit(parse(emit(x))) == emit(x).
//
//   DraftWaiver d{.id = "CVE-2024-1", .gate = "vuln", ...};
//   std::string yaml = WaiverFileYaml({d});
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "gates/core/waiver.h"

namespace secgate::waivers {

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
  std::vector<core::Renewal> renewed;
  std::vector<std::string> comments;  ///< Written as "# …" lines above the entry.
};

/// The draft of an already-parsed waiver (dates as YYYY-MM-DD, "" if absent).
DraftWaiver DraftFromWaiver(const core::Waiver& w);

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

/// Key used to spot the same waiver twice: gate, upper-cased id, scopes.
std::string DraftKey(const DraftWaiver& d);

}  // namespace secgate::waivers
