// Waivers: the validated form of secgate-waivers.yaml, and matching a waiver
// against a finding (docs/waivers.md).
//
// Pipeline position: loaded once by a gate's CLI (or by secgate-waivers
// lint/report), passed to Evaluate(). Parsing collects every problem with its
// line number: a gate refuses the file when there is any problem (exit 2);
// `secgate-waivers lint` prints them all. Both call the same function, so
// every check lint makes fails a gate run too.
//
//   Result<WaiverFile> w = ParseWaiverFile(text, "secgate-waivers.yaml", policy.waivers, today);
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
#include "gates/core/glob.h"
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
  std::string tool;     ///< Optional scope (gate code): the producing tool, any case.
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

/// Parses and validates a waiver file: the ONE validator, called by every
/// gate's loader and by `secgate-waivers lint` alike. A file that is not
/// YAML, or whose top level is not {version: 1, waivers: [...]}, is an Error;
/// problems with entries are collected in WaiverFile::problems, sorted by
/// line: each entry against the policy, `created` or a renewal after
/// `today`, and entries of one gate and id whose scopes overlap.
Result<WaiverFile> ParseWaiverFile(std::string_view yaml_text, const std::string& path,
                                   const WaiverPolicy& policy, const Date& today);

/// True when the waiver's id (or any alias / the fingerprint) and its scopes
/// match the finding. Ignores dates: callers decide what expiry means.
bool WaiverMatches(const Waiver& w, const Finding& f);

/// True when scope `outer` (a package or a path scope) covers everything
/// `inner` covers. An empty scope covers everything.
bool PackageScopeContains(const std::string& outer, const std::string& inner);
bool PathScopeContains(const std::string& outer, const std::string& inner);

}  // namespace secgate::core
