// Versions and version ranges for `sbom.banned`: each ecosystem's own
// ordering, range constraints (vers-style "vers:npm/>=1.0.0|<2.0.0" or a
// bare ">=1.4.1"), and banned purls built from them.
//
// Orderings: npm/semver (prerelease sorts before its release), PyPI (PEP 440:
// epoch, pre/post/dev releases, local versions), Maven (ComparableVersion
// basics: alpha < beta < milestone < rc < snapshot < "" < sp), Debian
// (epoch:upstream-revision, '~' before everything); any other ecosystem uses
// a generic comparison of numeric and alphabetic runs.
//
//   auto b = ParseBannedPurl("pkg:npm/colors@>=1.4.1");
//   BannedMatches(*b, *core::ParsePurl("pkg:npm/colors@1.4.44-liberty-2"), "")  // true
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "gates/core/error.h"
#include "gates/core/purl.h"

namespace secgate::sbom {

enum class VersionScheme { kSemver, kPypi, kMaven, kDebian, kGeneric };

/// Scheme for a purl type or vers scheme ("npm", "pypi", "maven", "deb", ...).
VersionScheme SchemeFor(std::string_view type);

/// <0, 0, >0 as a sorts before, equal to, after b in `scheme`.
int CompareVersions(VersionScheme scheme, std::string_view a, std::string_view b);

int CompareSemver(std::string_view a, std::string_view b);
int ComparePep440(std::string_view a, std::string_view b);
int CompareMaven(std::string_view a, std::string_view b);
int CompareDebian(std::string_view a, std::string_view b);
int CompareGeneric(std::string_view a, std::string_view b);

struct VersionConstraint {
  enum class Op { kEq, kNe, kLt, kLe, kGt, kGe };
  Op op = Op::kEq;
  std::string version;
};

/// A set of versions: "*" (all), one version, or vers constraints joined by
/// '|' (equalities are alternatives, "!=" excludes, and sorted </<=/>/>=
/// bounds pair up into intervals as in the vers specification).
struct VersionRange {
  VersionScheme scheme = VersionScheme::kGeneric;
  bool all = false;
  std::vector<VersionConstraint> constraints;  ///< Sorted by version.
  bool Contains(std::string_view version) const;
};

/// Parses "vers:<scheme>/<constraints>", "<constraints>" (in `scheme`), a
/// plain version, or "*". Errors: "empty version range", "'>=' needs a
/// version", "vers scheme 'x' does not match purl type 'npm'".
core::Result<VersionRange> ParseVersionRange(std::string_view text, std::string_view purl_type);

/// One `sbom.banned` entry.
struct BannedPurl {
  std::string text;  ///< As written in the policy.
  std::string base;  ///< core::Purl::Base() of the package.
  VersionRange range;
};

/// Parses "pkg:type/ns/name", "…@1.2.3", "…@>=1.4.1", "…@vers:npm/>=1|<2".
/// Error where = "sbom.banned".
core::Result<BannedPurl> ParseBannedPurl(std::string_view text);

/// True when the component (its purl, and `version` when the purl has none)
/// is banned. A component with no version at all matches any range of its
/// package: an unknown version of a banned package is not assumed safe.
bool BannedMatches(const BannedPurl& b, const core::Purl& purl, std::string_view version);

}  // namespace secgate::sbom
