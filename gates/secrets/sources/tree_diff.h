// What one commit changes, by object id only: its tree against each
// parent's tree, without patch text and without a rename pass. A subtree
// (or blob) whose id equals the one at the same path in ANY parent is
// inherited from that parent and not entered; everything else is listed.
//
//   TreeChanges ch;
//   Status s = DiffTrees(tree, {parent1_tree, parent2_tree}, &ch);
//   for (const BlobChange& b : ch.introduced) ...  // b.parent_blobs[i]: parent i's blob at b.path
#pragma once

#include <git2.h>

#include <string>
#include <utility>
#include <vector>

#include "gates/core/error.h"

namespace secgate::secrets {

/// A regular (or executable) file whose blob differs from every parent's
/// blob at that path.
struct BlobChange {
  git_oid blob;
  std::string path;
  /// One per parent: that parent's blob at `path`, the zero id when the
  /// parent has no regular file there.
  std::vector<git_oid> parent_blobs;
};

struct TreeChanges {
  std::vector<BlobChange> introduced;
  /// Regular files a parent has at a path where the commit has none (the
  /// sources of renames): (blob, path).
  std::vector<std::pair<git_oid, std::string>> removed;
  int submodules = 0;  ///< Gitlinks that changed (not entered).
};

/// Appends the changes of `tree` against `parents` (a null entry: the empty
/// tree, as for a root commit) to `out`. Symlinks are not files (their
/// target is a path). `repo` looks up subtrees.
core::Status DiffTrees(git_repository* repo, const git_tree* tree,
                       const std::vector<const git_tree*>& parents, TreeChanges* out);

}  // namespace secgate::secrets
