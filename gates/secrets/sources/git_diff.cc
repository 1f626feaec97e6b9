// Added lines of a libgit2 diff into the collector (git_diff.h).
#include "gates/secrets/sources/git_diff.h"

#include "gates/secrets/content.h"
#include "gates/secrets/sources/git_util.h"

namespace secgate::secrets {

git_diff_options DiffOptions() {
  git_diff_options o = GIT_DIFF_OPTIONS_INIT;
  o.context_lines = 0;
  o.interhunk_lines = 0;
  // FORCE_TEXT: binary-ness is content.h's decision (patches are made from
  // decoded buffers); libgit2 would otherwise take it from attributes.
  o.flags |= GIT_DIFF_IGNORE_SUBMODULES | GIT_DIFF_INCLUDE_TYPECHANGE | GIT_DIFF_FORCE_TEXT;
  return o;
}

namespace {

bool AddsContent(git_delta_t s) {
  return s == GIT_DELTA_ADDED || s == GIT_DELTA_MODIFIED || s == GIT_DELTA_TYPECHANGE;
}

bool RegularFile(const git_diff_file& f) {
  return (f.mode == GIT_FILEMODE_BLOB || f.mode == GIT_FILEMODE_BLOB_EXECUTABLE) &&
         !git_oid_is_zero(&f.id);
}

/// Scans the lines `new_text` adds to `old_text`.
core::Status ScanAddedLines(std::string_view old_text, std::string_view new_text,
                            const Origin& origin, Collector* out) {
  const std::string where = origin.target + ":" + origin.path;
  git_diff_options opts = DiffOptions();
  git_patch* raw = nullptr;
  if (git_patch_from_buffers(&raw, old_text.data(), old_text.size(), nullptr, new_text.data(),
                             new_text.size(), nullptr, &opts) < 0)
    return GitError(where, "cannot diff");
  PatchPtr patch(raw);
  if (!patch) return core::Ok{};  // no change
  std::string text;
  std::vector<int> lines;
  const size_t hunks = git_patch_num_hunks(patch.get());
  for (size_t h = 0; h < hunks; ++h) {
    const int count = git_patch_num_lines_in_hunk(patch.get(), h);
    for (int l = 0; l < count; ++l) {
      const git_diff_line* line = nullptr;
      if (git_patch_get_line_in_hunk(&line, patch.get(), h, static_cast<size_t>(l)) < 0)
        return GitError(where, "cannot read diff line");
      if (line->origin != GIT_DIFF_LINE_ADDITION) continue;
      size_t len = line->content_len;
      if (len > 0 && line->content[len - 1] == '\n') --len;
      text.append(line->content, len);
      text.push_back('\n');
      lines.push_back(line->new_lineno);
    }
  }
  if (!text.empty()) out->Scan(origin, text, &lines);
  return core::Ok{};
}

/// One added or changed file: its added lines, or all of a blob over the
/// size limit (unless the policy skips those).
core::Status ScanDelta(git_repository* repo, const git_diff_delta& d, const Origin& origin,
                       const MaxFileSize& max_size, Collector* out) {
  const std::string where = origin.target + ":" + origin.path;
  BlobPtr new_blob, old_blob;
  auto new_bytes = ReadBlob(repo, d.new_file.id, where, &new_blob);
  if (!new_bytes) return new_bytes.error();
  const bool large = static_cast<long long>(new_bytes->size()) > max_size.bytes;
  if (large && max_size.skip_larger) {
    out->Skip("files over size limit");
    return core::Ok{};
  }
  std::string new_store, old_store;
  std::string_view new_text = Scannable(*new_bytes, Classify(*new_bytes), &new_store);
  if (large) {
    ChunkedScan whole(out, origin);
    whole.Add(new_text);
    whole.Finish();
    return core::Ok{};
  }
  std::string_view old_text;
  if (d.status != GIT_DELTA_ADDED && RegularFile(d.old_file)) {
    auto old_bytes = ReadBlob(repo, d.old_file.id, where, &old_blob);
    if (!old_bytes) return old_bytes.error();
    old_text = Scannable(*old_bytes, Classify(*old_bytes), &old_store);
  }
  return ScanAddedLines(old_text, new_text, origin, out);
}

}  // namespace

core::Status ScanDiff(git_repository* repo, git_diff* diff, Origin origin,
                      const MaxFileSize& max_size, Collector* out) {
  const size_t n = git_diff_num_deltas(diff);
  for (size_t i = 0; i < n; ++i) {
    const git_diff_delta* d = git_diff_get_delta(diff, i);
    if (!AddsContent(d->status)) continue;
    if (d->new_file.mode == GIT_FILEMODE_COMMIT) {
      out->Skip("submodules");
      continue;
    }
    if (d->new_file.mode == GIT_FILEMODE_LINK) continue;  // a link's target path
    origin.path = d->new_file.path ? d->new_file.path : "";
    if (!origin.path.empty() && out->engine().PathAllowlisted(origin.path)) {
      out->Skip("allowlisted paths");
      continue;
    }
    if (auto s = ScanDelta(repo, *d, origin, max_size, out); !s) return s;
  }
  return core::Ok{};
}

}  // namespace secgate::secrets
