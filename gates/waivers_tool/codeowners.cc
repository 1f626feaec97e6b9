#include "gates/waivers_tool/codeowners.h"

#include <sstream>

#include "gates/core/glob.h"
#include "gates/core/io.h"

namespace secgate::waivers {

bool CodeownersPatternMatches(std::string_view pattern, std::string_view path) {
  std::string p(pattern);
  bool anchored = !p.empty() && p.front() == '/';
  if (anchored) p.erase(0, 1);
  bool dir_only = !p.empty() && p.back() == '/';
  if (dir_only) p.pop_back();
  if (p.empty()) return false;
  if (p.find('/') != std::string::npos) anchored = true;  // a slash inside anchors it
  std::string glob = anchored ? p : "**/" + p;
  if (!dir_only && core::GlobMatch(glob, path)) return true;
  return core::GlobMatch(glob + "/**", path);  // a directory covers what is under it
}

std::string CodeownersWarning(const std::string& root, const std::string& path_in) {
  std::string path = path_in;
  while (path.rfind("./", 0) == 0) path.erase(0, 2);
  if (path.empty() || path.front() == '/' || path.rfind("../", 0) == 0)
    return "cannot check CODEOWNERS: the waiver file is not under the current directory (run "
           "lint from the repository root)";
  const char* candidates[] = {".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"};
  for (const char* name : candidates) {
    auto text = core::ReadInput(root + "/" + name, size_t{3} << 20);
    if (!text) continue;
    std::istringstream in(*text);
    std::string line, owners_of_match;
    int lineno = 0, match_line = 0;
    while (std::getline(in, line)) {
      ++lineno;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      std::istringstream words(line);
      std::string pattern, owner, owners;
      if (!(words >> pattern) || pattern[0] == '#') continue;
      while (words >> owner && owner[0] != '#') owners += (owners.empty() ? "" : " ") + owner;
      if (CodeownersPatternMatches(pattern, path)) owners_of_match = owners, match_line = lineno;
    }
    if (match_line > 0 && !owners_of_match.empty()) return "";
    if (match_line > 0)
      return std::string(name) + ":" + std::to_string(match_line) +
             " matches the waiver file but names no owner: exemptions it adds need no "
             "code owner's review";
    return std::string("no entry in ") + name +
           " covers the waiver file: exemptions it adds need no code owner's review";
  }
  return "no CODEOWNERS file (.github/CODEOWNERS, CODEOWNERS or docs/CODEOWNERS): exemptions "
         "added to the waiver file need no code owner's review";
}

}  // namespace secgate::waivers
