// Scanning a libgit2 diff: only added lines, with their new-file line
// numbers. Rename and copy detection runs first, so a moved file reports
// only the lines that changed. Binary files (libgit2's binary flag: a NUL
// in the first 8000 bytes or the `binary`/`-diff` attribute) and files over
// the size limit are skipped and counted; submodules are not entered;
// symlinks (their target path) are not followed. Deleted files add nothing.
#pragma once

#include <git2.h>

#include "gates/core/error.h"
#include "gates/secrets/collector.h"

namespace secgate::secrets {

/// Diff options shared by every git source (no context lines).
git_diff_options DiffOptions();

/// Scans the added lines of every file in `diff` into `out`. `origin`
/// gives target and commit fields; its path is set per file.
core::Status ScanDiff(git_repository* repo, git_diff* diff, Origin origin, long long max_size,
                      Collector* out);

}  // namespace secgate::secrets
