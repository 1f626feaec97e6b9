// SPDX license and exception identifiers secgate knows by name: used to put
// ids into their canonical case ("mit" -> "MIT"), to read deprecated ids as
// their replacements ("GPL-2.0" -> "GPL-2.0-only") and to tell a real SPDX
// id from a made-up one ("BSD"). The license list covers the ids seen in
// practice, not all of the SPDX License List; an id missing here can still be
// named in the policy, which makes it known (see license_policy.h). The
// exception list is the whole SPDX one: an exception id it lacks does not
// parse (use AdditionRef-…).
//
//   const KnownLicense* k = FindLicenseId("apache-2.0");   // k->id == "Apache-2.0"
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace secgate::sbom {

/// Result of looking an id up.
struct KnownLicense {
  std::string id;         ///< Canonical spelling ("Apache-2.0", "GPL-2.0-only").
  std::string exception;  ///< Set for deprecated ids that imply one
                          ///< ("GPL-2.0-with-classpath-exception").
  bool or_later = false;  ///< Deprecated "GPL-2.0+" style ids map to -or-later.
  bool deprecated = false;
};

/// Looks up a license id case-insensitively (without a trailing '+').
/// Deprecated GNU ids ("GPL-2.0", "LGPL-2.1") come back as "-only".
/// Returns false for ids not in the table.
bool FindLicenseId(std::string_view id, KnownLicense* out);

/// Canonical spelling of a license exception id, or "" when unknown.
std::string FindExceptionId(std::string_view id);

/// True for GNU license bases that take -only / -or-later ("GPL-2.0").
bool IsGnuBase(std::string_view base);

/// Published versions of a versioned license family ("GPL" -> 1.0, 2.0, 3.0;
/// "MPL" -> 1.0, 1.1, 2.0), as listed in the table. Empty when unknown.
const std::vector<std::string>& FamilyVersions(std::string_view family);

/// Splits "GPL-2.0" into family "GPL" and version "2.0". False when the id
/// does not end in a dotted number ("BSD-3-Clause", "MIT").
bool SplitFamilyVersion(std::string_view base, std::string* family, std::string* version);

}  // namespace secgate::sbom
