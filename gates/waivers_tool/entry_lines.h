// Where each waiver entry sits in its file's text: the first and last line of
// every entry of the `waivers:` list. The report blames these lines (who
// added and changed an entry); renew edits inside them, leaving the rest of
// the file — comments, order, layout — untouched.
//
//   std::vector<LineRange> r = EntryRanges(text, file.waivers);
//   // r[i].first .. r[i].last are 1-based lines of waiver i
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "gates/core/waiver.h"

namespace secgate::waivers {

struct LineRange {
  int first = 0;  ///< 1-based line of the entry's "- " item.
  int last = 0;   ///< 1-based last content line (trailing comments excluded).
};

/// The text split at "\n" (a trailing "\r" is dropped); no final empty line.
std::vector<std::string> SplitLines(std::string_view text);

/// Leading spaces of a line.
int IndentOf(std::string_view line);

/// True for a line that is empty, white space or a comment.
bool IsBlankOrComment(std::string_view line);

/// The line range of each waiver, in the order of `waivers` (which must come
/// from parsing `text`). An entry ends before the next entry or before the
/// first content line indented no deeper than its "- ".
std::vector<LineRange> EntryRanges(std::string_view text,
                                   const std::vector<core::Waiver>& waivers);

}  // namespace secgate::waivers
