// Package URLs (purl): parsing and the normal form used to compare packages
// across tools ("pkg:npm/%40scope/name@1.0.0?x=y" and "pkg:NPM/@scope/name@1.0.0"
// are the same package). Used by merge/dedup, waiver scopes and sbom bans.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace secgate::core {

struct Purl {
  std::string type;       ///< Lower-case ("npm", "pypi", "deb").
  std::string namespace_; ///< Decoded; may be empty ("@scope", "debian").
  std::string name;       ///< Decoded.
  std::string version;    ///< Decoded; may be empty.
  std::string qualifiers; ///< Raw text after '?', without '#subpath'.

  /// "pkg:type/ns/name" (no version, no qualifiers), canonical form.
  std::string Base() const;
  /// Base() + "@version" when a version is present.
  std::string BaseWithVersion() const;
};

/// Parses "pkg:type/namespace/name@version?qualifiers#subpath". Percent
/// escapes are decoded; type is lower-cased; Python names are normalised
/// (lower-case, runs of -_. become -). nullopt when it is not a purl.
std::optional<Purl> ParsePurl(std::string_view text);

/// Python package name normalisation (PEP 503).
std::string NormalizePythonName(std::string_view name);

}  // namespace secgate::core
