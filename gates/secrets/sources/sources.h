// The sources of secgate-secrets: each reads one kind of input and delivers
// text (whole files, or the added lines of a diff with their new-file line
// numbers) to a Collector. They know nothing of policy or output.
//
//   staged:    the index against HEAD (the empty tree before the first commit)
//   commits:   --range A..B, --since REF, --history [--all]: each commit
//              against its first parent, on several threads
//   files:     PATH... (no git needed; .gitignore honoured in a work tree)
//   text:      --stdin, a unified diff (detected) or plain text
#pragma once

#include <string>
#include <vector>

#include "gates/core/error.h"
#include "gates/secrets/collector.h"

namespace secgate::secrets {

/// The staged change of the repository around `dir`.
core::Status ScanStaged(const std::string& dir, long long max_size, Collector* out);

struct CommitSelection {
  enum class Kind { kRange, kSince, kHistory } kind = Kind::kHistory;
  std::string spec;       ///< "A..B" for kRange, "REF" for kSince.
  bool all_refs = false;  ///< kHistory: every ref instead of HEAD.
  std::string target;     ///< Shown as the findings' target.
};

/// Every selected commit diffed against its first parent (the empty tree
/// for a root commit), on `jobs` threads with one repository handle each.
/// Memory does not grow with the number of commits. Findings carry the
/// commit id, author and date, and Origin::order (0 = first walked).
core::Status ScanCommits(const std::string& dir, const CommitSelection& sel, long long max_size,
                         int jobs, Collector* out);

struct PathOptions {
  bool no_ignore = false;  ///< Scan files .gitignore excludes.
  long long max_size = 10LL * 1024 * 1024;
  int jobs = 2;
};

/// Files and folders. A missing or unreadable argument is an Error; a file
/// named on the command line is scanned even when ignored, and a note says
/// so when it is skipped (binary, too large). Symlinks inside folders are
/// not followed; `.git` folders are never entered.
core::Status ScanPaths(const std::vector<std::string>& paths, const PathOptions& o,
                       Collector* out);

/// Reads `fd` to its end: a unified diff (only added lines, with the new
/// file's line numbers; commit headers of `git log -p` are kept) or, when
/// the start does not look like one, plain text. Returns the detected
/// format, "diff" or "text".
core::Result<std::string> ScanStream(int fd, const std::string& target, Collector* out);

}  // namespace secgate::secrets
