// The per-commit first-parent diff scan, the blob walk's test oracle
// (diff_oracle.h).
#include "gates/secrets/sources/diff_oracle.h"

#include <algorithm>

#include "gates/secrets/sources/commit_walk.h"
#include "gates/secrets/sources/git_diff.h"
#include "gates/secrets/sources/git_util.h"

namespace secgate::secrets {

namespace {

core::Result<TreePtr> FirstParentTree(git_commit* commit, const std::string& hex) {
  TreePtr parent_tree;
  if (git_commit_parentcount(commit) == 0) return parent_tree;
  git_commit* p_raw = nullptr;
  if (git_commit_parent(&p_raw, commit, 0) < 0) return GitError(hex, "cannot read parent");
  CommitPtr parent(p_raw);
  git_tree* pt = nullptr;
  if (git_commit_tree(&pt, parent.get()) < 0) return GitError(hex, "cannot read parent tree");
  parent_tree.reset(pt);
  return parent_tree;
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
  auto parent_tree = FirstParentTree(commit.get(), hex);
  if (!parent_tree) return parent_tree.error();
  git_diff_options opts = DiffOptions();
  git_diff* d_raw = nullptr;
  if (git_diff_tree_to_tree(&d_raw, repo, parent_tree->get(), tree.get(), &opts) < 0)
    return GitError(hex, "cannot diff");
  DiffPtr diff(d_raw);
  Origin origin = CommitOrigin(commit.get(), target, order);
  ScanMessage(commit.get(), origin, out);
  return ScanDiff(repo, diff.get(), std::move(origin), max_size, out);
}

}  // namespace

core::Status ScanCommitsByDiff(const std::string& dir, const CommitSelection& sel,
                               const MaxFileSize& max_size, int jobs, Collector* out) {
  auto repo = OpenRepository(dir, SelectionFlag(sel));
  if (!repo) return repo.error();
  auto walk = SelectCommits(repo->get(), sel);
  if (!walk) return walk.error();
  const std::string git_dir = git_repository_path(repo->get());
  CommitQueue queue(walk->get());
  jobs = std::max(1, jobs);
  std::vector<std::unique_ptr<Collector>> collectors;
  for (int i = 0; i < jobs; ++i) collectors.push_back(std::make_unique<Collector>(out->engine()));
  auto work = [&](int index) {
    auto own = OpenGitDir(git_dir);
    if (!own) return queue.Fail(own.error());
    git_oid id;
    long order = 0;
    while (queue.Next(&id, &order)) {
      auto s = ScanOne(own->get(), id, order, sel.target, max_size, collectors[index].get());
      if (!s) return queue.Fail(s.error());
    }
  };
  RunOnThreads(jobs, work);
  for (auto& c : collectors) out->Absorb(*c);
  if (queue.error()) return *queue.error();
  return core::Ok{};
}

}  // namespace secgate::secrets
