// Added lines of a libgit2 diff into the collector (git_diff.h).
#include "gates/secrets/sources/git_diff.h"

#include "gates/secrets/sources/git_util.h"

namespace secgate::secrets {

git_diff_options DiffOptions() {
  git_diff_options o = GIT_DIFF_OPTIONS_INIT;
  o.context_lines = 0;
  o.interhunk_lines = 0;
  o.flags |= GIT_DIFF_IGNORE_SUBMODULES | GIT_DIFF_INCLUDE_TYPECHANGE;
  return o;
}

namespace {

bool AddsContent(git_delta_t s) {
  return s == GIT_DELTA_ADDED || s == GIT_DELTA_MODIFIED || s == GIT_DELTA_RENAMED ||
         s == GIT_DELTA_COPIED || s == GIT_DELTA_TYPECHANGE;
}

}  // namespace

core::Status ScanDiff(git_repository* repo, git_diff* diff, Origin origin, long long max_size,
                      Collector* out) {
  git_diff_find_options fo = GIT_DIFF_FIND_OPTIONS_INIT;
  fo.flags = GIT_DIFF_FIND_RENAMES | GIT_DIFF_FIND_COPIES;
  if (git_diff_find_similar(diff, &fo) < 0) return GitError(origin.target, "rename detection");
  git_odb* odb_raw = nullptr;
  if (git_repository_odb(&odb_raw, repo) < 0) return GitError(origin.target, "object database");
  OdbPtr odb(odb_raw);

  std::string text;
  std::vector<int> lines;
  const size_t n = git_diff_num_deltas(diff);
  for (size_t i = 0; i < n; ++i) {
    const git_diff_delta* d = git_diff_get_delta(diff, i);
    if (!AddsContent(d->status)) continue;
    if (d->new_file.mode == GIT_FILEMODE_COMMIT) {
      out->Skip("submodules");
      continue;
    }
    if (d->new_file.mode == GIT_FILEMODE_LINK) continue;  // a link's target path
    if ((d->status == GIT_DELTA_RENAMED || d->status == GIT_DELTA_COPIED) &&
        git_oid_equal(&d->old_file.id, &d->new_file.id))
      continue;  // moved, not changed
    origin.path = d->new_file.path ? d->new_file.path : "";
    if (!origin.path.empty() && out->engine().PathAllowlisted(origin.path)) {
      out->Skip("allowlisted paths");
      continue;
    }
    size_t size = 0;
    git_object_t type = GIT_OBJECT_INVALID;
    if (git_odb_read_header(&size, &type, odb.get(), &d->new_file.id) < 0)
      return GitError(origin.target + ":" + origin.path, "cannot read blob");
    if (static_cast<long long>(size) > max_size) {
      out->Skip("files over size limit");
      continue;
    }
    git_patch* patch_raw = nullptr;
    if (git_patch_from_diff(&patch_raw, diff, i) < 0)
      return GitError(origin.target + ":" + origin.path, "cannot diff");
    PatchPtr patch(patch_raw);
    if (!patch || (git_patch_get_delta(patch.get())->flags & GIT_DIFF_FLAG_BINARY)) {
      out->Skip("binary files");
      continue;
    }
    text.clear();
    lines.clear();
    const size_t hunks = git_patch_num_hunks(patch.get());
    for (size_t h = 0; h < hunks; ++h) {
      const int count = git_patch_num_lines_in_hunk(patch.get(), h);
      for (int l = 0; l < count; ++l) {
        const git_diff_line* line = nullptr;
        if (git_patch_get_line_in_hunk(&line, patch.get(), h, static_cast<size_t>(l)) < 0)
          return GitError(origin.target + ":" + origin.path, "cannot read diff line");
        if (line->origin != GIT_DIFF_LINE_ADDITION) continue;
        size_t len = line->content_len;
        if (len > 0 && line->content[len - 1] == '\n') --len;
        text.append(line->content, len);
        text.push_back('\n');
        lines.push_back(line->new_lineno);
      }
    }
    if (!text.empty()) out->Scan(origin, text, &lines);
  }
  return core::Ok{};
}

}  // namespace secgate::secrets
