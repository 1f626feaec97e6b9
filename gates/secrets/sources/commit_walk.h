// The commit walk shared by the history sources (--range, --since,
// --history): resolving the selection into a libgit2 revwalk, handing out
// commits to worker threads one at a time with their walk order, and
// scanning a commit's message. Used by the blob walk (blob_walk.cc) and by
// the per-commit diff kept as its test oracle (diff_oracle.h).
#pragma once

#include <git2.h>

#include <functional>
#include <mutex>
#include <optional>
#include <string>

#include "gates/core/error.h"
#include "gates/secrets/collector.h"
#include "gates/secrets/sources/git_util.h"
#include "gates/secrets/sources/sources.h"

namespace secgate::secrets {

/// "--range", "--since" or "--history": where errors of `sel` are reported.
std::string SelectionFlag(const CommitSelection& sel);

/// A revwalk over the selected commits, children before parents
/// (GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME): order 0 is the newest commit, and
/// a commit's parents always come after it.
core::Result<WalkPtr> SelectCommits(git_repository* repo, const CommitSelection& sel);

/// Shared state of one scan: the walk, handed out one commit at a time
/// under a lock, and the first error.
class CommitQueue {
 public:
  explicit CommitQueue(git_revwalk* walk) : walk_(walk) {}
  /// The next commit and its walk order; false at the end or after Fail().
  bool Next(git_oid* id, long* order);
  void Fail(core::Error e);
  long walked() const { return next_order_; }
  const std::optional<core::Error>& error() const { return error_; }

 private:
  std::mutex mu_;
  git_revwalk* walk_;
  long next_order_ = 0;
  bool done_ = false;
  std::optional<core::Error> error_;
};

/// The commit's message, scanned as the text of a file at kCommitMessage.
void ScanMessage(git_commit* commit, Origin origin, Collector* out);

/// Runs work(0) .. work(jobs - 1), each on its own thread (work(0) on the
/// calling one), and waits for all of them.
void RunOnThreads(int jobs, const std::function<void(int)>& work);

/// `origin` with the commit's id, author, date and walk order.
Origin CommitOrigin(git_commit* commit, const std::string& target, long order);

}  // namespace secgate::secrets
