// Tree against parent trees by object id (tree_diff.h).
#include "gates/secrets/sources/tree_diff.h"

#include "gates/secrets/sources/git_util.h"

namespace secgate::secrets {

namespace {

bool RegularFile(git_filemode_t mode) {
  return mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE;
}

core::Result<TreePtr> Subtree(git_repository* repo, const git_tree_entry* e,
                              const std::string& path) {
  TreePtr out;
  if (!e || git_tree_entry_type(e) != GIT_OBJECT_TREE) return out;
  git_tree* raw = nullptr;
  if (git_tree_lookup(&raw, repo, git_tree_entry_id(e)) < 0)
    return GitError(path, "cannot read tree");
  out.reset(raw);
  return out;
}

class Differ {
 public:
  Differ(git_repository* repo, TreeChanges* out) : repo_(repo), out_(out) {}

  core::Status Dir(const git_tree* tree, const std::vector<const git_tree*>& parents,
                   const std::string& prefix) {
    const size_t n = git_tree_entrycount(tree);
    for (size_t i = 0; i < n; ++i) {
      const git_tree_entry* e = git_tree_entry_byindex(tree, i);
      if (auto s = Entry(e, parents, prefix); !s) return s;
    }
    for (const git_tree* p : parents)
      if (auto s = Removed(tree, p, prefix); !s) return s;
    return core::Ok{};
  }

 private:
  core::Status Entry(const git_tree_entry* e, const std::vector<const git_tree*>& parents,
                     const std::string& prefix) {
    const char* name = git_tree_entry_name(e);
    std::vector<const git_tree_entry*> in_parent(parents.size(), nullptr);
    for (size_t p = 0; p < parents.size(); ++p) {
      if (parents[p]) in_parent[p] = git_tree_entry_byname(parents[p], name);
      if (in_parent[p] && git_oid_equal(git_tree_entry_id(in_parent[p]), git_tree_entry_id(e)) &&
          git_tree_entry_type(in_parent[p]) == git_tree_entry_type(e))
        return core::Ok{};  // inherited from parent p
    }
    const std::string path = prefix + name;
    const git_filemode_t mode = git_tree_entry_filemode(e);
    if (mode == GIT_FILEMODE_TREE) return Tree(e, in_parent, path);
    if (mode == GIT_FILEMODE_COMMIT) {
      ++out_->submodules;
      return core::Ok{};
    }
    if (!RegularFile(mode)) return core::Ok{};  // a symlink
    BlobChange change{*git_tree_entry_id(e), path, {}};
    for (const git_tree_entry* pe : in_parent) {
      git_oid id{};
      if (pe && RegularFile(git_tree_entry_filemode(pe))) id = *git_tree_entry_id(pe);
      change.parent_blobs.push_back(id);
    }
    out_->introduced.push_back(std::move(change));
    return core::Ok{};
  }

  core::Status Tree(const git_tree_entry* e, const std::vector<const git_tree_entry*>& in_parent,
                    const std::string& path) {
    auto sub = Subtree(repo_, e, path);
    if (!sub) return sub.error();
    std::vector<TreePtr> holders;
    std::vector<const git_tree*> parents;
    for (const git_tree_entry* pe : in_parent) {
      auto p = Subtree(repo_, pe, path);
      if (!p) return p.error();
      parents.push_back(p->get());
      holders.push_back(std::move(*p));
    }
    return Dir(sub->get(), parents, path + "/");
  }

  /// Files of `parent` whose name `tree` lacks (or holds as another type).
  core::Status Removed(const git_tree* tree, const git_tree* parent, const std::string& prefix) {
    if (!parent) return core::Ok{};
    const size_t n = git_tree_entrycount(parent);
    for (size_t i = 0; i < n; ++i) {
      const git_tree_entry* pe = git_tree_entry_byindex(parent, i);
      const git_tree_entry* e = tree ? git_tree_entry_byname(tree, git_tree_entry_name(pe)) : nullptr;
      if (e && git_tree_entry_type(e) == git_tree_entry_type(pe)) continue;
      const std::string path = prefix + git_tree_entry_name(pe);
      if (RegularFile(git_tree_entry_filemode(pe))) {
        out_->removed.emplace_back(*git_tree_entry_id(pe), path);
      } else if (git_tree_entry_type(pe) == GIT_OBJECT_TREE) {
        auto sub = Subtree(repo_, pe, path);
        if (!sub) return sub.error();
        if (auto s = Removed(nullptr, sub->get(), path + "/"); !s) return s;
      }
    }
    return core::Ok{};
  }

  git_repository* repo_;
  TreeChanges* out_;
};

}  // namespace

core::Status DiffTrees(git_repository* repo, const git_tree* tree,
                       const std::vector<const git_tree*>& parents, TreeChanges* out) {
  return Differ(repo, out).Dir(tree, parents, "");
}

}  // namespace secgate::secrets
