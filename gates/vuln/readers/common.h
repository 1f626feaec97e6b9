// Helpers shared by the vulnerability readers: severity words, advisory ids
// in URLs, line-by-line reading for NDJSON formats, and the npm advisory
// object that npm 6, pnpm, yarn 2/3 and yarn classic all share
// (docs/input-formats.md §7). Typed field access is core's (json_stream.h).
//
//   SECGATE_ASSIGN_OR_RETURN(std::string word, core::RequireString(v, "severity", where));
//   auto sev = SeverityFromWord(word, where + "/severity");
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "gates/core/error.h"
#include "gates/core/finding.h"
#include "gates/core/io.h"
#include "gates/core/json_stream.h"

namespace secgate::vuln {

/// A tool's severity word mapped to the scale; Error "<where>: unknown
/// severity '<word>'" for any word ParseSeverityWord does not know.
core::Result<core::Severity> SeverityFromWord(const std::string& word, const std::string& where);

/// "GHSA-xxxx-xxxx-xxxx" when `url` is a github.com/advisories link, else "".
std::string GhsaFromUrl(const std::string& url);

/// Appends `s` unless already present (case-insensitive) or empty.
void AddUnique(std::vector<std::string>* v, const std::string& s);

/// Reads one line (without the trailing "\n" or "\r\n") into `line`;
/// false at end of input.
bool ReadLine(core::InputFile& in, std::string* line);

/// True when every byte of `s` is JSON white space.
bool IsBlank(const std::string& s);

/// Options for ParseNpmAdvisory.
struct NpmAdvisoryOptions {
  std::string source;          ///< "npm-audit", "pnpm", "yarn".
  bool strip_pnpm_root = false;  ///< Remove a leading ".>" from paths (pnpm).
};

/// Turns one npm 6-shaped advisory (advisories{id} value, or yarn classic
/// data.advisory) into one finding per installed version in findings[]. The
/// id is github_advisory_id (else a GHSA in url, else the first CVE, else
/// "NPM-<id>"); CVEs and NPM-<id> become aliases. A version's finding is
/// dev_only when every findings[] entry for it says dev: true.
core::Status ParseNpmAdvisory(const nlohmann::json& adv, const std::string& where,
                              const NpmAdvisoryOptions& opt, std::vector<core::Finding>* out);

/// Error for an npm/yarn "error" member: the message with code and summary.
core::Error NpmErrorMember(const nlohmann::json& e, const std::string& where);

}  // namespace secgate::vuln
