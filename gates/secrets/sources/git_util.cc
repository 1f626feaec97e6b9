// libgit2 helpers (git_util.h).
#include "gates/secrets/sources/git_util.h"

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <mutex>

namespace secgate::secrets {

void InitGit() {
  static std::once_flag once;
  std::call_once(once, [] {
    git_libgit2_init();
    // Objects are read by several threads with separate handles; the cache
    // is per repository. Keep libgit2 from checking every object's hash on
    // read (git itself does not either).
    git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
    // Keep memory flat in repository size (docs/performance.md, history):
    // a small object cache (8 MiB; trees up to 256 KiB are cached, since
    // the blob walk reads a commit's tree again as its child's parent
    // tree), and pack windows of 16 MiB with at most 64 MiB mapped (one
    // window would otherwise map a whole pack, which then counts in RSS).
    git_libgit2_opts(GIT_OPT_SET_CACHE_MAX_SIZE, static_cast<ssize_t>(8) << 20);
    git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_TREE, static_cast<size_t>(256) << 10);
    git_libgit2_opts(GIT_OPT_SET_MWINDOW_SIZE, static_cast<size_t>(16) << 20);
    git_libgit2_opts(GIT_OPT_SET_MWINDOW_MAPPED_LIMIT, static_cast<size_t>(64) << 20);
  });
}

core::Error GitError(const std::string& where, const std::string& what) {
  const git_error* e = git_error_last();
  std::string msg = e && e->message ? e->message : "unknown libgit2 error";
  return core::Error{where, what + ": " + msg};
}

core::Result<RepoPtr> OpenRepository(const std::string& dir, const std::string& where) {
  InitGit();
  git_repository* repo = nullptr;
  int rc = git_repository_open_ext(&repo, dir.c_str(), 0, nullptr);
  if (rc == GIT_ENOTFOUND)
    return core::Error{where, "not a git repository (or any parent directory): " + dir};
  if (rc < 0) return GitError(where, "cannot open repository");
  return RepoPtr(repo);
}

core::Result<RepoPtr> OpenGitDir(const std::string& git_dir) {
  InitGit();
  git_repository* repo = nullptr;
  if (git_repository_open(&repo, git_dir.c_str()) < 0)
    return GitError(git_dir, "cannot open repository");
  return RepoPtr(repo);
}

core::Result<std::string_view> ReadBlob(git_repository* repo, const git_oid& id,
                                        const std::string& where, BlobPtr* holder) {
  git_blob* raw = nullptr;
  if (git_blob_lookup(&raw, repo, &id) < 0) return GitError(where, "cannot read blob");
  holder->reset(raw);
  return std::string_view(static_cast<const char*>(git_blob_rawcontent(raw)),
                          static_cast<size_t>(git_blob_rawsize(raw)));
}

std::string OidHex(const git_oid& id) {
  char buf[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buf, sizeof buf, &id);
  return buf;
}

std::string FormatAuthor(const git_signature* s) {
  if (!s) return "";
  return std::string(s->name ? s->name : "") + " <" + (s->email ? s->email : "") + ">";
}

std::string FormatTime(const git_time& t) {
  std::time_t local = static_cast<std::time_t>(t.time + static_cast<git_time_t>(t.offset) * 60);
  std::tm tm{};
  gmtime_r(&local, &tm);
  char buf[64];
  int off = t.offset < 0 ? -t.offset : t.offset;
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                t.offset < 0 ? '-' : '+', off / 60, off % 60);
  return buf;
}

}  // namespace secgate::secrets
