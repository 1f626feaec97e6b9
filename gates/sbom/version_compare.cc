// Per-ecosystem version orderings (written from each ecosystem's published
// rules: semver.org 2.0.0 §11, PEP 440, Maven ComparableVersion, Debian
// policy §5.6.12). See version_range.h.
#include <cctype>
#include <optional>

#include "gates/core/strings.h"
#include "gates/sbom/license_ids.h"
#include "gates/sbom/version_range.h"

namespace secgate::sbom {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
int Sign(long long v) { return v < 0 ? -1 : v > 0 ? 1 : 0; }

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!IsDigit(c)) return false;
  return true;
}

// Numeric comparison of digit strings of any length.
int CompareDigits(std::string_view a, std::string_view b) {
  while (a.size() > 1 && a[0] == '0') a.remove_prefix(1);
  while (b.size() > 1 && b[0] == '0') b.remove_prefix(1);
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  return Sign(a.compare(b));
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t p = s.find(sep, start);
    out.push_back(s.substr(start, p == std::string_view::npos ? p : p - start));
    if (p == std::string_view::npos) return out;
    start = p + 1;
  }
}

// ---- semver ----
struct Semver {
  std::vector<std::string_view> core, pre;
};

std::optional<Semver> ParseSemver(std::string_view v) {
  if (!v.empty() && (v[0] == 'v' || v[0] == 'V' || v[0] == '=')) v.remove_prefix(1);
  v = v.substr(0, v.find('+'));
  Semver s;
  size_t dash = v.find('-');
  s.core = Split(v.substr(0, dash), '.');
  if (s.core.size() > 3) return std::nullopt;
  for (auto p : s.core)
    if (!AllDigits(p)) return std::nullopt;
  if (dash != std::string_view::npos) {
    s.pre = Split(v.substr(dash + 1), '.');
    for (auto p : s.pre)
      if (p.empty()) return std::nullopt;
  }
  return s;
}

// ---- PEP 440 ----
struct Pep440 {
  std::string epoch = "0";
  std::vector<std::string> release;
  int pre_kind = -1;  // 0 a, 1 b, 2 rc
  std::string pre_num = "0", post, dev, local;
  bool has_post = false, has_dev = false;
};

bool Eat(std::string_view& s, std::string_view word) {
  if (s.substr(0, word.size()) != word) return false;
  s.remove_prefix(word.size());
  return true;
}
void EatSep(std::string_view& s) {
  if (!s.empty() && (s[0] == '.' || s[0] == '-' || s[0] == '_')) s.remove_prefix(1);
}
std::string EatDigits(std::string_view& s) {
  size_t n = 0;
  while (n < s.size() && IsDigit(s[n])) ++n;
  std::string out(s.substr(0, n));
  s.remove_prefix(n);
  return out;
}

// "[v][N!]N(.N)*": false when there is no release number.
bool EatEpochAndRelease(std::string_view& s, Pep440* v) {
  if (!s.empty() && s[0] == 'v') s.remove_prefix(1);
  if (size_t bang = s.find('!'); bang != std::string_view::npos) {
    if (!AllDigits(s.substr(0, bang))) return false;
    v->epoch = std::string(s.substr(0, bang));
    s.remove_prefix(bang + 1);
  }
  do {
    std::string part = EatDigits(s);
    if (part.empty()) return false;
    v->release.push_back(part);
  } while (s.size() > 1 && s[0] == '.' && IsDigit(s[1]) && (s.remove_prefix(1), true));
  return true;
}

// "[sep](a|b|rc|alpha|beta|pre|preview|c)[sep][N]"; `s` is left as it was
// when there is none.
void EatPreRelease(std::string_view& s, Pep440* v) {
  static const std::pair<std::string_view, int> kPre[] = {
      {"alpha", 0}, {"a", 0}, {"beta", 1}, {"b", 1}, {"preview", 2}, {"pre", 2}, {"rc", 2}, {"c", 2}};
  std::string_view rest = s;
  EatSep(rest);
  for (const auto& [word, kind] : kPre) {
    if (Eat(rest, word)) {
      v->pre_kind = kind;
      EatSep(rest);
      std::string n = EatDigits(rest);
      if (!n.empty()) v->pre_num = n;
      s = rest;
      return;
    }
  }
}

// "-N" (implicit) or "[sep](post|rev|r)[sep][N]".
void EatPostRelease(std::string_view& s, Pep440* v) {
  if (s.size() > 1 && s[0] == '-' && IsDigit(s[1])) {  // implicit post release "1.0-1"
    s.remove_prefix(1);
    v->has_post = true;
    v->post = EatDigits(s);
    return;
  }
  std::string_view rest = s;
  EatSep(rest);
  if (Eat(rest, "post") || Eat(rest, "rev") || Eat(rest, "r")) {
    EatSep(rest);
    v->has_post = true;
    v->post = EatDigits(rest);
    s = rest;
  }
}

// "[sep]dev[N]".
void EatDevRelease(std::string_view& s, Pep440* v) {
  std::string_view rest = s;
  EatSep(rest);
  if (Eat(rest, "dev")) {
    v->has_dev = true;
    v->dev = EatDigits(rest);
    s = rest;
  }
}

// [v][N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local], case-insensitive, with
// PEP 440's alternative spellings and separators.
std::optional<Pep440> ParsePep440(std::string_view text) {
  std::string lower = core::AsciiLower(text);
  std::string_view s = lower;
  Pep440 v;
  if (!EatEpochAndRelease(s, &v)) return std::nullopt;
  EatPreRelease(s, &v);
  EatPostRelease(s, &v);
  EatDevRelease(s, &v);
  if (!s.empty() && s[0] == '+') {
    v.local = std::string(s.substr(1));
    if (v.local.empty()) return std::nullopt;
    s = {};
  }
  if (!s.empty()) return std::nullopt;
  return v;
}

int ComparePep440Local(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return a.empty() == b.empty() ? 0 : a.empty() ? -1 : 1;
  return CompareGeneric(a, b);
}

}  // namespace

int CompareSemver(std::string_view a, std::string_view b) {
  auto x = ParseSemver(a), y = ParseSemver(b);
  if (!x || !y) return CompareGeneric(a, b);
  for (size_t i = 0; i < 3; ++i) {
    std::string_view p = i < x->core.size() ? x->core[i] : "0";
    std::string_view q = i < y->core.size() ? y->core[i] : "0";
    if (int c = CompareDigits(p, q)) return c;
  }
  if (x->pre.empty() || y->pre.empty())  // a prerelease sorts before its release
    return x->pre.empty() == y->pre.empty() ? 0 : x->pre.empty() ? 1 : -1;
  for (size_t i = 0; i < x->pre.size() && i < y->pre.size(); ++i) {
    bool nx = AllDigits(x->pre[i]), ny = AllDigits(y->pre[i]);
    int c = nx && ny ? CompareDigits(x->pre[i], y->pre[i])
            : nx != ny ? (nx ? -1 : 1)  // numeric identifiers sort first
                       : Sign(x->pre[i].compare(y->pre[i]));
    if (c) return c;
  }
  return Sign(static_cast<long long>(x->pre.size()) - static_cast<long long>(y->pre.size()));
}

int ComparePep440(std::string_view a, std::string_view b) {
  auto x = ParsePep440(a), y = ParsePep440(b);
  if (!x || !y) return CompareGeneric(a, b);
  if (int c = CompareDigits(x->epoch, y->epoch)) return c;
  size_t n = std::max(x->release.size(), y->release.size());
  for (size_t i = 0; i < n; ++i) {
    std::string p = i < x->release.size() ? x->release[i] : "0";
    std::string q = i < y->release.size() ? y->release[i] : "0";
    if (int c = CompareDigits(p, q)) return c;
  }
  // Pre-release key: a dev release of the final sorts before its pre-releases.
  auto pre_rank = [](const Pep440& v) {
    if (v.pre_kind < 0) return v.has_dev && !v.has_post ? -1 : 3;
    return v.pre_kind;
  };
  if (int c = Sign(pre_rank(*x) - pre_rank(*y))) return c;
  if (x->pre_kind >= 0)
    if (int c = CompareDigits(x->pre_num, y->pre_num)) return c;
  if (x->has_post != y->has_post) return x->has_post ? 1 : -1;
  if (x->has_post)
    if (int c = CompareDigits(x->post.empty() ? "0" : x->post, y->post.empty() ? "0" : y->post))
      return c;
  if (x->has_dev != y->has_dev) return x->has_dev ? -1 : 1;
  if (x->has_dev)
    if (int c = CompareDigits(x->dev.empty() ? "0" : x->dev, y->dev.empty() ? "0" : y->dev))
      return c;
  return ComparePep440Local(x->local, y->local);
}

int CompareGeneric(std::string_view a, std::string_view b) {
  size_t i = 0, j = 0;
  auto skip = [](std::string_view s, size_t& k) {
    while (k < s.size() && !IsDigit(s[k]) && !IsAlpha(s[k])) ++k;
  };
  auto run = [](std::string_view s, size_t& k) {
    size_t start = k;
    bool digit = IsDigit(s[k]);
    while (k < s.size() && (digit ? IsDigit(s[k]) : IsAlpha(s[k]))) ++k;
    return s.substr(start, k - start);
  };
  while (true) {
    skip(a, i);
    skip(b, j);
    bool ea = i >= a.size(), eb = j >= b.size();
    if (ea && eb) return 0;
    std::string_view p = ea ? "" : run(a, i), q = eb ? "" : run(b, j);
    bool np = !p.empty() && IsDigit(p[0]), nq = !q.empty() && IsDigit(q[0]);
    if (ea || eb) {  // a missing part counts as 0; a letter tail ("rc1") sorts first
      std::string_view rest = ea ? q : p;
      int present_greater = ea ? -1 : 1;
      if (!(ea ? nq : np)) return -present_greater;
      if (CompareDigits(rest, "0") != 0) return present_greater;
      continue;
    }
    if (np != nq) return np ? 1 : -1;
    int c = np ? CompareDigits(p, q) : Sign(core::AsciiLower(p).compare(core::AsciiLower(q)));
    if (c) return c;
  }
}

}  // namespace secgate::sbom
