#include "gates/waivers_tool/entry_lines.h"

namespace secgate::waivers {

std::vector<std::string> SplitLines(std::string_view text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string line(text.substr(start, end - start));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return lines;
}

int IndentOf(std::string_view line) {
  int n = 0;
  while (n < static_cast<int>(line.size()) && line[n] == ' ') ++n;
  return n;
}

bool IsBlankOrComment(std::string_view line) {
  size_t i = line.find_first_not_of(" \t");
  return i == std::string_view::npos || line[i] == '#';
}

std::vector<LineRange> EntryRanges(std::string_view text,
                                   const std::vector<core::Waiver>& waivers) {
  std::vector<std::string> lines = SplitLines(text);
  const int n = static_cast<int>(lines.size());
  std::vector<LineRange> out;
  for (size_t i = 0; i < waivers.size(); ++i) {
    LineRange r;
    r.first = waivers[i].line > 0 ? waivers[i].line : 1;
    if (r.first > n) r.first = n > 0 ? n : 1;
    // The item's dash: the last '-' before the first key on its line, or the
    // line's own indentation when the key sits on a line of its own.
    int dash_col = r.first <= n ? IndentOf(lines[r.first - 1]) : 0;
    int limit = n;
    if (i + 1 < waivers.size() && waivers[i + 1].line > r.first) limit = waivers[i + 1].line - 1;
    int last = r.first;
    for (int l = r.first + 1; l <= limit; ++l) {
      const std::string& line = lines[l - 1];
      if (IsBlankOrComment(line)) continue;
      if (IndentOf(line) <= dash_col) break;
      last = l;
    }
    r.last = last;
    out.push_back(r);
  }
  return out;
}

}  // namespace secgate::waivers
