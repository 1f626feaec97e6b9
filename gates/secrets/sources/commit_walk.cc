// The shared commit walk of the history sources (commit_walk.h).
#include "gates/secrets/sources/commit_walk.h"

#include <thread>
#include <vector>

namespace secgate::secrets {

std::string SelectionFlag(const CommitSelection& sel) {
  switch (sel.kind) {
    case CommitSelection::Kind::kRange: return "--range";
    case CommitSelection::Kind::kSince: return "--since";
    case CommitSelection::Kind::kHistory: break;
  }
  return "--history";
}

namespace {

core::Status PushRange(git_revwalk* walk, const std::string& spec) {
  size_t dots = spec.find("..");
  if (dots == std::string::npos || dots == 0 || dots + 2 >= spec.size() ||
      spec.find("...") != std::string::npos)
    return core::Error{"--range", "expected BASE..HEAD, got '" + spec + "'"};
  if (git_revwalk_push_range(walk, spec.c_str()) < 0)
    return GitError("--range", "cannot resolve '" + spec + "'");
  return core::Ok{};
}

core::Status PushSince(git_repository* repo, git_revwalk* walk, const std::string& spec) {
  git_object* obj = nullptr;
  if (git_revparse_single(&obj, repo, (spec + "^{commit}").c_str()) < 0)
    return GitError("--since", "cannot resolve '" + spec + "'");
  git_oid base = *git_object_id(obj);
  git_object_free(obj);
  if (git_revwalk_push_head(walk) < 0) return GitError("--since", "cannot read HEAD");
  if (git_revwalk_hide(walk, &base) < 0) return GitError("--since", "cannot hide base");
  return core::Ok{};
}

core::Status PushHistory(git_repository* repo, git_revwalk* walk, const CommitSelection& sel) {
  const std::string& where = sel.target;
  if (sel.all_refs) {
    if (git_revwalk_push_glob(walk, "refs/*") < 0) return GitError(where, "cannot read refs");
    if (git_revwalk_push_head(walk) < 0 && !git_repository_head_unborn(repo))
      return GitError(where, "cannot read HEAD");
    return core::Ok{};
  }
  if (git_repository_head_unborn(repo) == 1) return core::Ok{};  // no commits yet
  if (git_revwalk_push_head(walk) < 0) return GitError(where, "cannot read HEAD");
  return core::Ok{};
}

}  // namespace

core::Result<WalkPtr> SelectCommits(git_repository* repo, const CommitSelection& sel) {
  git_revwalk* raw = nullptr;
  if (git_revwalk_new(&raw, repo) < 0) return GitError(SelectionFlag(sel), "cannot walk commits");
  WalkPtr walk(raw);
  git_revwalk_sorting(raw, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME);
  core::Status s = sel.kind == CommitSelection::Kind::kRange   ? PushRange(raw, sel.spec)
                   : sel.kind == CommitSelection::Kind::kSince ? PushSince(repo, raw, sel.spec)
                                                               : PushHistory(repo, raw, sel);
  if (!s) return s.error();
  return walk;
}

bool CommitQueue::Next(git_oid* id, long* order) {
  std::lock_guard<std::mutex> lock(mu_);
  if (done_) return false;
  int rc = git_revwalk_next(id, walk_);
  if (rc == GIT_ITEROVER) {
    done_ = true;
    return false;
  }
  if (rc < 0) {
    if (!error_) error_ = GitError("history", "cannot walk commits");
    done_ = true;
    return false;
  }
  *order = next_order_++;
  return true;
}

void CommitQueue::Fail(core::Error e) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!error_) error_ = std::move(e);
  done_ = true;
}

void ScanMessage(git_commit* commit, Origin origin, Collector* out) {
  const char* message = git_commit_message(commit);
  if (!message || !*message) return;
  origin.path = kCommitMessage;
  out->Scan(origin, message, nullptr, 1);
}

void RunOnThreads(int jobs, const std::function<void(int)>& work) {
  std::vector<std::thread> threads;
  for (int i = 1; i < jobs; ++i) threads.emplace_back(work, i);
  work(0);
  for (auto& t : threads) t.join();
}

Origin CommitOrigin(git_commit* commit, const std::string& target, long order) {
  Origin origin;
  origin.target = target;
  origin.commit = OidHex(*git_commit_id(commit));
  origin.author = FormatAuthor(git_commit_author(commit));
  origin.date = FormatTime(git_commit_author(commit)->when);
  origin.order = order;
  return origin;
}

}  // namespace secgate::secrets
