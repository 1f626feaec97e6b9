#include "gates/core/glob.h"

#include <utility>
#include <vector>

namespace secgate::core {

bool GlobMatch(std::string_view p, std::string_view t) {
  // Dynamic programming over (pattern position, text position): O(|p|*|t|),
  // no recursion, no backtracking blow-up. Tokens: "**/" (zero or more
  // directories), "**" (anything), "*" (anything but '/'), "?" (one char but
  // '/'), anything else literally.
  const size_t n = t.size();
  std::vector<char> next(n + 1, 0), cur(n + 1, 0);
  next[n] = 1;  // Empty pattern matches only the empty rest of text.
  // Walk the pattern backwards, token by token.
  std::vector<std::pair<int, char>> tokens;  // kind: 0 literal, 1 ?, 2 *, 3 **, 4 **/
  for (size_t i = 0; i < p.size();) {
    if (p[i] == '*' && i + 1 < p.size() && p[i + 1] == '*') {
      if (i + 2 < p.size() && p[i + 2] == '/') { tokens.push_back({4, 0}); i += 3; }
      else { tokens.push_back({3, 0}); i += 2; }
    } else if (p[i] == '*') { tokens.push_back({2, 0}); ++i; }
    else if (p[i] == '?') { tokens.push_back({1, 0}); ++i; }
    else { tokens.push_back({0, p[i]}); ++i; }
  }
  for (size_t k = tokens.size(); k-- > 0;) {
    auto [kind, ch] = tokens[k];
    cur.assign(n + 1, 0);
    bool slash_after = false;
    for (size_t j = n + 1; j-- > 0;) {
      switch (kind) {
        case 0: cur[j] = j < n && t[j] == ch && next[j + 1]; break;
        case 1: cur[j] = j < n && t[j] != '/' && next[j + 1]; break;
        case 2: cur[j] = next[j] || (j < n && t[j] != '/' && cur[j + 1]); break;
        case 3: cur[j] = next[j] || (j < n && cur[j + 1]); break;
        case 4:
          // Zero directories, or any run of characters ending in '/':
          // `slash_after` carries "some '/' at or after j is followed by a match".
          slash_after = slash_after || (j < n && t[j] == '/' && next[j + 1]);
          cur[j] = next[j] || slash_after;
          break;
      }
    }
    std::swap(cur, next);
  }
  return next[0];
}

bool GlobMatchesEverything(std::string_view pattern) {
  // Every character that is not a wildcard or a separator must appear in a
  // matching path literally; a glob without one names nothing.
  return pattern.find_first_not_of("*?/") == std::string_view::npos;
}

}  // namespace secgate::core
