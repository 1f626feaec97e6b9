// --staged: the index against HEAD's tree, or the empty tree before the
// first commit (sources.h). An index with unmerged entries (a merge or
// rebase stopped on a conflict) is an error: the diff would hold none of the
// conflicted files' content.
#include "gates/secrets/sources/git_diff.h"
#include "gates/secrets/sources/git_util.h"
#include "gates/secrets/sources/sources.h"

namespace secgate::secrets {

core::Status ScanStaged(const std::string& dir, const MaxFileSize& max_size, Collector* out) {
  auto repo = OpenRepository(dir, "--staged");
  if (!repo) return repo.error();
  git_repository* r = repo->get();
  if (git_repository_is_bare(r)) return core::Error{"--staged", "bare repository has no index"};
  TreePtr head_tree;
  int unborn = git_repository_head_unborn(r);
  if (unborn < 0) return GitError("--staged", "cannot read HEAD");
  if (!unborn) {
    git_object* obj = nullptr;
    if (git_revparse_single(&obj, r, "HEAD^{tree}") < 0)
      return GitError("--staged", "cannot read HEAD's tree");
    head_tree.reset(reinterpret_cast<git_tree*>(obj));
  }
  git_index* index_raw = nullptr;
  if (git_repository_index(&index_raw, r) < 0) return GitError("--staged", "cannot read the index");
  IndexPtr index(index_raw);
  if (git_index_has_conflicts(index.get()))
    return core::Error{"--staged",
                       "the index has unmerged entries (a conflict): resolve and stage them first"};
  git_diff_options opts = DiffOptions();
  git_diff* diff_raw = nullptr;
  if (git_diff_tree_to_index(&diff_raw, r, head_tree.get(), index.get(), &opts) < 0)
    return GitError("--staged", "cannot diff the index");
  DiffPtr diff(diff_raw);
  Origin origin;
  origin.target = "staged";
  return ScanDiff(r, diff.get(), origin, max_size, out);
}

}  // namespace secgate::secrets
