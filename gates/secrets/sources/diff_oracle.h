// The per-commit diff scan that --range, --since and --history used before
// the blob walk, kept ONLY as the test oracle of the blob walk
// (tests/unit/secrets/blob_walk_test.cc): every selected commit against its
// first parent with libgit2 patches, added lines only, each commit's
// message too. Not linked into secgate-secrets (library
// secgate_secrets_oracle).
#pragma once

#include <string>

#include "gates/core/error.h"
#include "gates/secrets/collector.h"
#include "gates/secrets/sources/sources.h"

namespace secgate::secrets {

/// Findings carry commit, author, date and Origin::order (the walk order of
/// commit_walk.h). No deduplication: every added line that matches.
core::Status ScanCommitsByDiff(const std::string& dir, const CommitSelection& sel,
                               const MaxFileSize& max_size, int jobs, Collector* out);

}  // namespace secgate::secrets
