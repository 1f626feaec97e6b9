// `secgate-waivers lint --codeowners`: does a CODEOWNERS entry cover the
// waiver file? GitHub requires a code owner's review only for files an
// entry covers, so without one a pull request can add an exemption that no
// security lead sees. Reads the first of .github/CODEOWNERS, CODEOWNERS and
// docs/CODEOWNERS (GitHub's order) under the repository root; the last
// matching pattern wins, and a pattern with no owners leaves a file unowned.
//
//   std::string w = CodeownersWarning(".", "secgate-waivers.yaml");  // "" when covered
#pragma once

#include <string>
#include <string_view>

namespace secgate::waivers {

/// True when CODEOWNERS pattern `pattern` (gitignore-like) covers `path`
/// (relative to the repository root, '/'-separated).
bool CodeownersPatternMatches(std::string_view pattern, std::string_view path);

/// "" when a CODEOWNERS entry with owners covers `path`; else one sentence
/// saying which file was read (or that none exists) and why it matters.
std::string CodeownersWarning(const std::string& root, const std::string& path);

}  // namespace secgate::waivers
