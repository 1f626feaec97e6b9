// Scanning a libgit2 diff: only added lines, with their new-file line
// numbers. There is no rename or copy detection: a moved file is a deletion
// and an addition, so its content is scanned at its new path (it may have
// been allowlisted, waived or skipped at the old one). Each file's old and
// new blobs are classified and decoded by content.h (never by attributes:
// a change could add `*.py binary` to .gitattributes) and the decoded texts
// diffed, so UTF-16 lines and the printable runs of binary files count as
// lines. A new blob over the size limit is skipped and counted or, by
// default, scanned whole in chunks. Submodules are not entered; symlinks
// (their target path) are not followed. Deleted files add nothing.
#pragma once

#include <git2.h>

#include "gates/core/error.h"
#include "gates/secrets/collector.h"
#include "gates/secrets/sources/sources.h"

namespace secgate::secrets {

/// Diff options shared by every git source (no context lines).
git_diff_options DiffOptions();

/// Scans the added lines of every file in `diff` into `out`. `origin`
/// gives target and commit fields; its path is set per file.
core::Status ScanDiff(git_repository* repo, git_diff* diff, Origin origin,
                      const MaxFileSize& max_size, Collector* out);

}  // namespace secgate::secrets
