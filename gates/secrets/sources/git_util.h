// libgit2 helpers for the git sources: library init, owning handles, errors
// as core::Error, opening the repository around a directory, and formatting
// commit metadata. libgit2 is used only under gates/secrets/sources/.
#pragma once

#include <git2.h>

#include <memory>
#include <string>
#include <string_view>

#include "gates/core/error.h"

namespace secgate::secrets {

/// Calls git_libgit2_init once per process (the OS reclaims it at exit).
void InitGit();

template <typename T, void (*Free)(T*)>
struct GitDeleter {
  void operator()(T* p) const { if (p) Free(p); }
};
using RepoPtr = std::unique_ptr<git_repository, GitDeleter<git_repository, git_repository_free>>;
using TreePtr = std::unique_ptr<git_tree, GitDeleter<git_tree, git_tree_free>>;
using CommitPtr = std::unique_ptr<git_commit, GitDeleter<git_commit, git_commit_free>>;
using DiffPtr = std::unique_ptr<git_diff, GitDeleter<git_diff, git_diff_free>>;
using PatchPtr = std::unique_ptr<git_patch, GitDeleter<git_patch, git_patch_free>>;
using IndexPtr = std::unique_ptr<git_index, GitDeleter<git_index, git_index_free>>;
using OdbPtr = std::unique_ptr<git_odb, GitDeleter<git_odb, git_odb_free>>;
using WalkPtr = std::unique_ptr<git_revwalk, GitDeleter<git_revwalk, git_revwalk_free>>;
using BlobPtr = std::unique_ptr<git_blob, GitDeleter<git_blob, git_blob_free>>;
using ObjectPtr = std::unique_ptr<git_object, GitDeleter<git_object, git_object_free>>;

/// Error{where, "<what>: <libgit2's last error message>"}.
core::Error GitError(const std::string& where, const std::string& what);

/// Opens the repository containing `dir` (searching parent directories).
/// Error{where, "not a git repository (or any parent directory): <dir>"}.
core::Result<RepoPtr> OpenRepository(const std::string& dir, const std::string& where);

/// Opens the repository at an exact git directory (one handle per thread).
core::Result<RepoPtr> OpenGitDir(const std::string& git_dir);

/// The bytes of blob `id` (kept alive by `*holder`);
/// Error{where, "cannot read blob: ..."}.
core::Result<std::string_view> ReadBlob(git_repository* repo, const git_oid& id,
                                        const std::string& where, BlobPtr* holder);

/// Full hex id.
std::string OidHex(const git_oid& id);
/// "Name <email>".
std::string FormatAuthor(const git_signature* s);
/// ISO 8601 with the signature's offset: "2024-05-01T12:00:00+02:00".
std::string FormatTime(const git_time& t);

}  // namespace secgate::secrets
