// Path globs for waiver scopes (docs/waivers.md): matching a
// glob against a path, and deciding whether a glob names anything at all.
//
//   GlobMatch("src/**/*.js", "src/a/b.js");   // true
//   GlobMatchesEverything("*?*");             // true: refused without allow_wildcards
#pragma once

#include <string_view>

namespace secgate::core {

/// Glob over paths: `**/` zero or more directories, `**` anything, `*`
/// anything but '/', `?` one char but '/', everything else literally.
bool GlobMatch(std::string_view pattern, std::string_view text);

/// True when the glob constrains no name: once its wildcards (`*`, `**`,
/// `?`) and its '/' separators are set aside, no literal character is left.
/// Such a glob only limits the depth or length of a path (`?*`, `*/*`,
/// `**/**`), so it is treated as matching every path. Decided from the
/// glob's tokens, not from a list of spellings; docs/waivers.md "Scopes".
bool GlobMatchesEverything(std::string_view pattern);

}  // namespace secgate::core
