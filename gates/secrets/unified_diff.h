// Unified diff parsing for `--stdin`: `git diff`, `git show`, `git log -p`
// (commit, author and date headers are picked up) and `diff -u` output.
// Streaming: fed one line at a time, it reports each added line with its
// line number in the new file, each binary file, and every line outside a
// hunk as text (a CI log holding a diff is still scanned as a log). Hunk line counts bound
// every hunk, so a commit header after a hunk is never mistaken for content.
//
//   DiffEvents& ev = ...;  UnifiedDiffParser p(&ev);
//   for (line : input) p.Feed(line);
#pragma once

#include <string>
#include <string_view>

namespace secgate::secrets {

class DiffEvents {
 public:
  virtual ~DiffEvents() = default;
  /// A `commit <id>` header and the Author:/Date: lines after it.
  virtual void Commit(const std::string& id, const std::string& author,
                      const std::string& date) = 0;
  /// An added line of `path` (without its LF; a trailing CR is dropped).
  virtual void Added(const std::string& path, int line, std::string_view text) = 0;
  /// `path` is binary ("Binary files … differ", "GIT binary patch").
  virtual void Binary(const std::string& path) = 0;
  /// A line outside every hunk (headers, commit messages, a CI log's own
  /// lines around a diff), `line` counting every line fed from 1.
  virtual void Text(int line, std::string_view text) = 0;
};

/// True when the start of an input looks like a unified diff: a line
/// starting with "diff --git ", "@@ -", or a "--- " line followed by "+++ ".
bool LooksLikeUnifiedDiff(std::string_view head);

class UnifiedDiffParser {
 public:
  explicit UnifiedDiffParser(DiffEvents* events) : ev_(events) {}
  /// One line, without its LF.
  void Feed(std::string_view line);
  /// More of the line fed last, which was too long to feed at once (the
  /// caller repeats its end, see kMaxMatchBytes): reported as that line was.
  void Continue(std::string_view more);

 private:
  void Header(std::string_view line);
  void FlushCommit();

  DiffEvents* ev_;
  std::string path_;         // new-file path of the current file ("" = deleted)
  std::string pending_path_; // from "diff --git", until "+++" says otherwise
  int old_left_ = 0, new_left_ = 0, new_line_ = 0;
  int input_line_ = 0;
  enum class Last { kOther, kAdded, kText } last_ = Last::kOther;
  bool in_commit_header_ = false;
  std::string commit_, author_, date_;
};

/// Path from a "+++ " / "--- " header value: unquoted, tab suffix removed,
/// "a/" or "b/" stripped; "" for /dev/null.
std::string DiffHeaderPath(std::string_view value);

}  // namespace secgate::secrets
