// The exemption side of a pull request, read from git with libgit2: the
// waiver file at both ends of a range, other tools' ignore files the range
// adds, changes or deletes, and inline suppression markers on added lines.
// An added line is never printed (it may hold the very secret it marks):
// only its path, line number and the marker are kept.
//
//   auto c = ReadGitChanges({.range = "origin/main..HEAD", .waiver_file = "secgate-waivers.yaml"},
//                           policy.waivers, today);
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "gates/core/date.h"
#include "gates/core/error.h"
#include "gates/core/policy.h"
#include "gates/waivers_tool/exemption_changes.h"

namespace secgate::waivers {

struct GitChangesConfig {
  std::string range;        ///< "BASE..HEAD" or "BASE...HEAD" (from their merge base).
  std::string waiver_file;  ///< Path in the repository (relative to the working directory).
  std::string repo_dir = ".";
};

struct GitChanges {
  std::string base, head;  ///< Resolved commit ids.
  std::vector<ExemptionChange> changes;
};

/// Base names of files that exempt findings from some scanner (the import
/// sources' files, detect-secrets' baseline, semgrep's and others' ignore
/// files, and secgate.yaml itself).
const std::vector<std::string>& ExemptionFileNames();

/// Inline markers that silence a scanner on one line: secgate:allow,
/// gitleaks:allow, nosemgrep, trivy:ignore, pragma: allowlist secret, ...
/// Matched case-insensitively, in every file (attributes do not make a file
/// binary here).
const std::vector<std::string_view>& SuppressionMarkers();

/// Errors: not a repository, a range that does not resolve, a waiver file
/// that is not valid YAML at either end (a missing one is an empty file).
core::Result<GitChanges> ReadGitChanges(const GitChangesConfig& config,
                                        const core::WaiverPolicy& policy, const core::Date& today);

}  // namespace secgate::waivers
