// Waivers: the validated form of secgate-waivers.yaml, and matching a waiver
// against a finding (DESIGN.md "Files users write").
//
// Pipeline position: loaded once by a gate's CLI (or by secgate-waivers
// lint/report), passed to Evaluate(). Parsing collects every problem with its
// line number: a gate refuses the file when there is any problem (exit 2);
// `secgate-waivers lint` prints them all.
//
//   Result<WaiverFile> w = ParseWaiverFile(text, "secgate-waivers.yaml", policy.waivers);
//   if (w && !w->problems.empty()) ... // invalid file
//   bool m = WaiverMatches(w->waivers[0], finding);
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gates/core/date.h"
#include "gates/core/error.h"
#include "gates/core/finding.h"
#include "gates/core/policy.h"

namespace secgate::core {

/// One renewal of a waiver (kept by `secgate-waivers renew`).
struct Renewal {
  std::string date;    ///< When it was renewed.
  std::string from;    ///< Previous expiry.
  std::string until;   ///< New expiry.
  std::string reason;
  std::string by;      ///< Optional: who renewed it.
};

struct Waiver {
  std::string id;       ///< CVE/GHSA/…, secret fingerprint, license id.
  Gate gate = Gate::kVuln;
  std::string package;  ///< Optional scope: purl (version optional) or name[@version].
  std::string path;     ///< Optional scope: glob over the finding's target or path.
  std::string reason;
  std::string owner;
  std::string ticket;   ///< Optional.
  std::optional<Date> created;
  std::optional<Date> expires;
  std::vector<Renewal> renewed;
  int line = 0;         ///< 1-based line of the entry in its file.
  bool valid = true;    ///< False when any problem names this entry.
};

/// A problem with one entry (or the file), with the line it is on.
struct WaiverProblem {
  int line = 0;
  int index = -1;       ///< Entry index, or -1 for the file as a whole.
  std::string message;  ///< "waiver CVE-1: missing owner"
};

struct WaiverFile {
  std::vector<Waiver> waivers;
  std::vector<WaiverProblem> problems;
  std::string source;   ///< Path, or "none" when no file was given.
  std::string sha256;   ///< Hash of the bytes; empty when none.
};

/// Parses and validates a waiver file. A file that is not YAML, or whose
/// top level is not {version: 1, waivers: [...]}, is an Error; problems with
/// individual entries are collected in WaiverFile::problems.
Result<WaiverFile> ParseWaiverFile(std::string_view yaml_text, const std::string& path,
                                   const WaiverPolicy& policy);

/// True when the waiver's id (or any alias / the fingerprint) and its scopes
/// match the finding. Ignores dates: callers decide what expiry means.
bool WaiverMatches(const Waiver& w, const Finding& f);

/// Glob over paths: `**` matches anything, `*` anything but '/', `?` one char.
bool GlobMatch(std::string_view pattern, std::string_view text);

/// Case-insensitive ASCII comparison.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

}  // namespace secgate::core
