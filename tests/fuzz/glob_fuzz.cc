// libFuzzer target: waiver path globs (core::GlobMatch,
// core::GlobMatchesEverything). The input is
// "pattern\0text". Never crash, stay O(|pattern|*|text|), and agree with a
// straightforward memoised reference matcher written from the documented
// rules: "**/" zero or more directories, "**" anything, "*" anything but '/',
// "?" one character but '/', everything else literally.
#include <cstring>
#include <string>
#include <map>
#include <vector>

#include "gates/core/waiver.h"
#include "tests/fuzz/fuzz_util.h"

namespace {

class Reference {
 public:
  Reference(std::string_view p, std::string_view t)
      : p_(p), t_(t), memo_((p.size() + 1) * (t.size() + 1), -1) {}
  bool Match(size_t i, size_t j) {
    int& m = memo_[i * (t_.size() + 1) + j];
    if (m < 0) m = Compute(i, j);
    return m == 1;
  }

 private:
  bool Compute(size_t i, size_t j) {
    if (i == p_.size()) return j == t_.size();
    if (p_.compare(i, 3, "**/") == 0) {
      if (Match(i + 3, j)) return true;  // zero directories
      for (size_t k = j; k < t_.size(); ++k)
        if (t_[k] == '/' && Match(i + 3, k + 1)) return true;
      return false;
    }
    if (p_.compare(i, 2, "**") == 0) {
      for (size_t k = j; k <= t_.size(); ++k)
        if (Match(i + 2, k)) return true;
      return false;
    }
    if (p_[i] == '*') {
      for (size_t k = j; k <= t_.size(); ++k) {
        if (Match(i + 1, k)) return true;
        if (k < t_.size() && t_[k] == '/') break;
      }
      return false;
    }
    if (j == t_.size()) return false;
    if (p_[i] == '?') return t_[j] != '/' && Match(i + 1, j + 1);
    return p_[i] == t_[j] && Match(i + 1, j + 1);
  }
  std::string_view p_, t_;
  std::vector<int> memo_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace secgate;
  std::string_view in = fuzz::AsText(data, size);
  size_t nul = in.find('\0');
  std::string_view pattern = in.substr(0, nul);
  std::string_view text = nul == std::string_view::npos ? "" : in.substr(nul + 1);
  bool got = core::GlobMatch(pattern, text);
  if (pattern.size() * text.size() < 64 * 1024) {
    Reference ref(pattern, text);
    if (got != ref.Match(0, 0)) fuzz::Fail("GlobMatch disagrees with the reference matcher");
  }
  if (pattern.find_first_of("*?") == std::string_view::npos && got != (pattern == text))
    fuzz::Fail("a pattern without wildcards must match exactly itself");
  if (!core::GlobMatch("**", text)) fuzz::Fail("'**' must match everything");
  // GlobMatchesEverything is false only when a literal is left, and a text
  // without any of the pattern's literals can then never match.
  if (!core::GlobMatchesEverything(pattern) && pattern.size() * text.size() < 64 * 1024) {
    std::string stripped;
    for (char c : text)
      if (c == '*' || c == '?' || c == '/' || pattern.find(c) == std::string_view::npos)
        stripped += c;
    if (core::GlobMatch(pattern, stripped))
      fuzz::Fail("a glob with a literal matched a text without any of its literals");
  }
  return 0;
}
