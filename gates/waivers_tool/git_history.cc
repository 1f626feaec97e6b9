#include "gates/waivers_tool/git_history.h"

#include <git2.h>
#include <limits.h>
#include <stdlib.h>

#include <map>
#include <memory>

#include "gates/core/date.h"
#include "gates/waivers_tool/libgit2.h"

namespace secgate::waivers {

namespace {

struct BlameFree { void operator()(git_blame* b) const { git_blame_free(b); } };
using BlamePtr = std::unique_ptr<git_blame, BlameFree>;

std::string RealPath(const std::string& p) {
  char buf[PATH_MAX];
  return ::realpath(p.c_str(), buf) ? std::string(buf) : std::string();
}

std::string DirOf(const std::string& p) {
  size_t slash = p.rfind('/');
  return slash == std::string::npos ? "." : (slash == 0 ? "/" : p.substr(0, slash));
}

// True when HEAD's tree has the file at `rel` (relative to the work tree).
bool InHeadTree(git_repository* repo, const std::string& rel) {
  git_object* tree = nullptr;
  if (git_revparse_single(&tree, repo, "HEAD^{tree}") != 0) return false;
  git_tree_entry* entry = nullptr;
  int rc = git_tree_entry_bypath(&entry, reinterpret_cast<git_tree*>(tree), rel.c_str());
  git_tree_entry_free(entry);
  git_object_free(tree);
  return rc == 0;
}

// The author of a hunk's commit. Read from the commit itself: hunks that
// git_blame_buffer splits around an edited line carry no signature.
Commit CommitOf(git_repository* repo, const git_blame_hunk* h, std::map<std::string, Commit>* cache) {
  Commit c;
  if (!h || git_oid_is_zero(&h->final_commit_id)) return c;
  char hex[GIT_OID_HEXSZ + 1];
  git_oid_tostr(hex, sizeof hex, &h->final_commit_id);
  if (auto it = cache->find(hex); it != cache->end()) return it->second;
  c.id = hex;
  git_commit* commit = nullptr;
  const git_signature* s = h->final_signature;
  if (git_commit_lookup(&commit, repo, &h->final_commit_id) == 0) s = git_commit_author(commit);
  if (s) {
    c.author = s->name ? s->name : "";
    c.email = s->email ? s->email : "";
    c.time = s->when.time;
    long long local = s->when.time + static_cast<long long>(s->when.offset) * 60;
    long long days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
    c.date = core::Date::FromDaysSinceEpoch(static_cast<long>(days)).ToString();
  }
  git_commit_free(commit);
  (*cache)[hex] = c;
  return c;
}

size_t CountLines(std::string_view text) {
  size_t n = 0;
  for (char c : text) n += c == '\n';
  if (!text.empty() && text.back() != '\n') ++n;
  return n;
}

}  // namespace

core::Result<FileBlame> BlameFile(const std::string& path, std::string_view text) {
  Libgit2 lib;
  FileBlame out;
  out.lines.resize(CountLines(text));
  std::string abs = RealPath(path);
  if (abs.empty()) {
    out.note = "not committed (cannot resolve the file's path)";
    return out;
  }
  git_repository* raw = nullptr;
  if (git_repository_open_ext(&raw, DirOf(abs).c_str(), 0, nullptr) != 0) {
    out.note = "not committed (not in a git repository)";
    return out;
  }
  RepoPtr repo(raw);
  const char* wd = git_repository_workdir(repo.get());
  std::string workdir = wd ? RealPath(wd) : "";
  if (workdir.empty() || abs.rfind(workdir + "/", 0) != 0) {
    out.note = "not committed (outside the repository's working tree)";
    return out;
  }
  std::string rel = abs.substr(workdir.size() + 1);
  if (git_repository_head_unborn(repo.get()) == 1) {
    out.note = "not committed (the repository has no commits yet)";
    return out;
  }
  // libgit2 1.5 leaks what git_blame_file allocated when it fails on a path
  // that HEAD does not have: ask HEAD's tree first.
  if (!InHeadTree(repo.get(), rel)) {
    out.note = "not committed (the file is not in the repository's history)";
    return out;
  }
  git_blame_options opts = GIT_BLAME_OPTIONS_INIT;
  git_blame* base_raw = nullptr;
  int rc = git_blame_file(&base_raw, repo.get(), rel.c_str(), &opts);
  if (rc == GIT_ENOTFOUND || rc == GIT_EUNBORNBRANCH) {
    out.note = "not committed (the file is not in the repository's history)";
    return out;
  }
  if (rc != 0) return core::Error{path, "git blame: " + LastGitError()};
  BlamePtr base(base_raw);
  git_blame* buf_raw = nullptr;
  if (git_blame_buffer(&buf_raw, base.get(), text.data(), text.size()) != 0)
    return core::Error{path, "git blame: " + LastGitError()};
  BlamePtr blame(buf_raw);
  std::map<std::string, Commit> cache;
  for (size_t i = 0; i < out.lines.size(); ++i)
    out.lines[i] = CommitOf(repo.get(), git_blame_get_hunk_byline(blame.get(), i + 1), &cache);
  return out;
}

EntryHistory HistoryOf(const FileBlame& blame, const LineRange& range) {
  EntryHistory h;
  for (int l = range.first; l <= range.last; ++l) {
    if (l < 1 || l > static_cast<int>(blame.lines.size())) continue;
    const Commit& c = blame.lines[l - 1];
    if (c.id.empty()) {
      h.uncommitted_changes = true;
      continue;
    }
    if (!h.committed || c.time < h.added.time) h.added = c;
    if (!h.committed || c.time > h.changed.time) h.changed = c;
    h.committed = true;
  }
  return h;
}

}  // namespace secgate::waivers
