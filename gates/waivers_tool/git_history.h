// Git history of the waiver file, read with libgit2 (blame): who added each
// entry and when, and who changed it last. libgit2 is used here only.
//
// The working-tree text is blamed against the committed history
// (git_blame_buffer), so lines edited but not committed show as such. A file
// outside any repository, untracked, or in a repository without commits has
// no history: every line is "not committed", and `note` says why.
//
//   auto blame = BlameFile("secgate-waivers.yaml", text);
//   EntryHistory h = HistoryOf(*blame, {first_line, last_line});
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "gates/core/error.h"
#include "gates/waivers_tool/entry_lines.h"

namespace secgate::waivers {

/// One commit that touched a line.
struct Commit {
  std::string id;      ///< Full hex id.
  std::string author;  ///< Author name.
  std::string email;   ///< Author email.
  std::string date;    ///< Author date, YYYY-MM-DD in the author's time zone.
  long long time = 0;  ///< Seconds since the epoch, for ordering.
};

/// Blame of every line of the file as it is now.
struct FileBlame {
  std::vector<Commit> lines;     ///< lines[i] is line i+1; empty id = not committed.
  std::string note;              ///< Why there is no history ("not in a git repository").
};

struct EntryHistory {
  bool committed = false;        ///< At least one line is committed.
  bool uncommitted_changes = false;  ///< Some line differs from the last commit.
  Commit added;                  ///< Earliest commit among the entry's lines.
  Commit changed;                ///< Latest commit among the entry's lines.
};

/// Blames `path` (whose current contents are `text`). Errors only when
/// libgit2 fails on a repository it found (a corrupt repository).
core::Result<FileBlame> BlameFile(const std::string& path, std::string_view text);

/// The history of the lines in `range`.
EntryHistory HistoryOf(const FileBlame& blame, const LineRange& range);

}  // namespace secgate::waivers
