// --range, --since and --history: every selected commit against its first
// parent, on several threads (sources.h). One thread walks the commit graph
// and hands out commit ids one at a time; each worker has its own
// repository handle (libgit2 is thread-safe that way) and collector, so
// memory stays flat however long the history is.
#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

#include "gates/secrets/sources/git_diff.h"
#include "gates/secrets/sources/git_util.h"
#include "gates/secrets/sources/sources.h"

namespace secgate::secrets {

namespace {

/// Shared state of one scan: the walk and the first error.
struct Walk {
  std::mutex mu;
  git_revwalk* walk = nullptr;
  long next_order = 0;
  bool done = false;
  std::optional<core::Error> error;

  bool Next(git_oid* id, long* order) {
    std::lock_guard<std::mutex> lock(mu);
    if (done) return false;
    int rc = git_revwalk_next(id, walk);
    if (rc == GIT_ITEROVER) {
      done = true;
      return false;
    }
    if (rc < 0) {
      if (!error) error = GitError("history", "cannot walk commits");
      done = true;
      return false;
    }
    *order = next_order++;
    return true;
  }
  void Fail(core::Error e) {
    std::lock_guard<std::mutex> lock(mu);
    if (!error) error = std::move(e);
    done = true;
  }
};

/// The commit's message, as the text of a file at kCommitMessage.
void ScanMessage(git_commit* commit, Origin origin, Collector* out) {
  const char* message = git_commit_message(commit);
  if (!message || !*message) return;
  origin.path = kCommitMessage;
  out->Scan(origin, message, nullptr, 1);
}

core::Status ScanOne(git_repository* repo, const git_oid& id, long order, const std::string& target,
                     const MaxFileSize& max_size, Collector* out) {
  const std::string hex = OidHex(id);
  git_commit* c_raw = nullptr;
  if (git_commit_lookup(&c_raw, repo, &id) < 0) return GitError(hex, "cannot read commit");
  CommitPtr commit(c_raw);
  git_tree* t_raw = nullptr;
  if (git_commit_tree(&t_raw, commit.get()) < 0) return GitError(hex, "cannot read tree");
  TreePtr tree(t_raw);
  TreePtr parent_tree;
  if (git_commit_parentcount(commit.get()) > 0) {  // merges: first parent only
    git_commit* p_raw = nullptr;
    if (git_commit_parent(&p_raw, commit.get(), 0) < 0) return GitError(hex, "cannot read parent");
    CommitPtr parent(p_raw);
    git_tree* pt = nullptr;
    if (git_commit_tree(&pt, parent.get()) < 0) return GitError(hex, "cannot read parent tree");
    parent_tree.reset(pt);
  }
  git_diff_options opts = DiffOptions();
  git_diff* d_raw = nullptr;
  if (git_diff_tree_to_tree(&d_raw, repo, parent_tree.get(), tree.get(), &opts) < 0)
    return GitError(hex, "cannot diff");
  DiffPtr diff(d_raw);
  Origin origin;
  origin.target = target;
  origin.commit = hex;
  origin.author = FormatAuthor(git_commit_author(commit.get()));
  origin.date = FormatTime(git_commit_author(commit.get())->when);
  origin.order = order;
  ScanMessage(commit.get(), origin, out);
  return ScanDiff(repo, diff.get(), std::move(origin), max_size, out);
}

core::Status Select(git_repository* repo, git_revwalk* walk, const CommitSelection& sel) {
  const std::string& where = sel.target;
  switch (sel.kind) {
    case CommitSelection::Kind::kRange: {
      size_t dots = sel.spec.find("..");
      if (dots == std::string::npos || dots == 0 || dots + 2 >= sel.spec.size() ||
          sel.spec.find("...") != std::string::npos)
        return core::Error{"--range", "expected BASE..HEAD, got '" + sel.spec + "'"};
      if (git_revwalk_push_range(walk, sel.spec.c_str()) < 0)
        return GitError("--range", "cannot resolve '" + sel.spec + "'");
      return core::Ok{};
    }
    case CommitSelection::Kind::kSince: {
      git_object* obj = nullptr;
      if (git_revparse_single(&obj, repo, (sel.spec + "^{commit}").c_str()) < 0)
        return GitError("--since", "cannot resolve '" + sel.spec + "'");
      git_oid base = *git_object_id(obj);
      git_object_free(obj);
      if (git_revwalk_push_head(walk) < 0) return GitError("--since", "cannot read HEAD");
      if (git_revwalk_hide(walk, &base) < 0) return GitError("--since", "cannot hide base");
      return core::Ok{};
    }
    case CommitSelection::Kind::kHistory:
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
  return core::Ok{};
}

}  // namespace

core::Status ScanCommits(const std::string& dir, const CommitSelection& sel,
                         const MaxFileSize& max_size, int jobs, Collector* out) {
  const std::string where = sel.kind == CommitSelection::Kind::kRange   ? "--range"
                            : sel.kind == CommitSelection::Kind::kSince ? "--since"
                                                                        : "--history";
  auto repo = OpenRepository(dir, where);
  if (!repo) return repo.error();
  git_revwalk* w_raw = nullptr;
  if (git_revwalk_new(&w_raw, repo->get()) < 0) return GitError(where, "cannot walk commits");
  WalkPtr walk_ptr(w_raw);
  git_revwalk_sorting(w_raw, GIT_SORT_TIME);
  if (auto s = Select(repo->get(), w_raw, sel); !s) return s;
  const std::string git_dir = git_repository_path(repo->get());

  Walk walk;
  walk.walk = w_raw;
  jobs = std::max(1, jobs);
  std::vector<std::unique_ptr<Collector>> collectors;
  for (int i = 0; i < jobs; ++i) collectors.push_back(std::make_unique<Collector>(out->engine()));
  auto work = [&](int index) {
    auto own = OpenGitDir(git_dir);
    if (!own) return walk.Fail(own.error());
    git_oid id;
    long order = 0;
    while (walk.Next(&id, &order)) {
      auto s = ScanOne(own->get(), id, order, sel.target, max_size, collectors[index].get());
      if (!s) return walk.Fail(s.error());
    }
  };
  std::vector<std::thread> threads;
  for (int i = 1; i < jobs; ++i) threads.emplace_back(work, i);
  work(0);
  for (auto& t : threads) t.join();
  // Absorbed even on an error, so that the values found so far mask the
  // error message too (a path may hold one).
  for (auto& c : collectors) out->Absorb(*c);
  if (walk.error) return *walk.error;
  out->Note(where + ": " + std::to_string(walk.next_order) + " commits scanned");
  return core::Ok{};
}

}  // namespace secgate::secrets
