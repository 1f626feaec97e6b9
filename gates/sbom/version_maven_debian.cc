// Maven (ComparableVersion basics) and Debian (dpkg) version orderings, the
// scheme table and the dispatching CompareVersions. See version_range.h.
#include "gates/core/strings.h"
#include "gates/sbom/version_range.h"

namespace secgate::sbom {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

struct MavenItem {
  bool numeric = false;
  std::string value;  // digits without leading zeros, or a lower-case qualifier
};

std::string StripZeros(std::string s) {
  size_t n = s.find_first_not_of('0');
  return n == std::string::npos ? "0" : s.substr(n);
}

std::vector<MavenItem> MavenItems(std::string_view v) {
  std::vector<MavenItem> items;
  std::string lower = core::AsciiLower(v);
  size_t i = 0;
  while (i < lower.size()) {
    char c = lower[i];
    if (c == '.' || c == '-' || c == '_' || c == '+') {
      ++i;
      continue;
    }
    size_t start = i;
    bool digit = IsDigit(c);
    while (i < lower.size() && (digit ? IsDigit(lower[i]) : !IsDigit(lower[i]) &&
                                                                lower[i] != '.' && lower[i] != '-' &&
                                                                lower[i] != '_' && lower[i] != '+'))
      ++i;
    std::string tok = lower.substr(start, i - start);
    if (digit) {
      items.push_back({true, StripZeros(tok)});
    } else {
      bool before_digit = i < lower.size() && IsDigit(lower[i]);
      if (before_digit && tok == "a") tok = "alpha";
      if (before_digit && tok == "b") tok = "beta";
      if (before_digit && tok == "m") tok = "milestone";
      if (tok == "cr") tok = "rc";
      if (tok == "ga" || tok == "final" || tok == "release") tok = "";
      items.push_back({false, tok});
    }
  }
  // Trailing "null" items (0, "") do not count: 1.0 == 1 == 1.0.0-ga.
  while (!items.empty() && (items.back().value == "0" || items.back().value.empty()))
    items.pop_back();
  return items;
}

int QualifierRank(const std::string& q) {
  static const char* kOrder[] = {"alpha", "beta", "milestone", "rc", "snapshot", "", "sp"};
  for (int i = 0; i < 7; ++i)
    if (q == kOrder[i]) return i;
  return 7;  // unknown qualifiers sort after sp, among themselves by text
}

int CompareQualifiers(const std::string& a, const std::string& b) {
  int ra = QualifierRank(a), rb = QualifierRank(b);
  if (ra != rb) return ra < rb ? -1 : 1;
  return ra == 7 ? (a < b ? -1 : a > b ? 1 : 0) : 0;
}

int CompareNumbers(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

// dpkg's character order: '~' first, then end of string, letters, others.
int DebOrder(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  char c = s[i];
  if (IsDigit(c)) return 0;
  if (IsAlpha(c)) return c;
  if (c == '~') return -1;
  return static_cast<unsigned char>(c) + 256;
}

int DebCompareFragment(std::string_view a, std::string_view b) {
  size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    while ((i < a.size() && !IsDigit(a[i])) || (j < b.size() && !IsDigit(b[j]))) {
      int ac = DebOrder(a, i), bc = DebOrder(b, j);
      if (ac != bc) return ac < bc ? -1 : 1;
      ++i, ++j;
    }
    while (i < a.size() && a[i] == '0') ++i;
    while (j < b.size() && b[j] == '0') ++j;
    int first_diff = 0;
    while (i < a.size() && IsDigit(a[i]) && j < b.size() && IsDigit(b[j])) {
      if (!first_diff) first_diff = a[i] - b[j];
      ++i, ++j;
    }
    if (i < a.size() && IsDigit(a[i])) return 1;
    if (j < b.size() && IsDigit(b[j])) return -1;
    if (first_diff) return first_diff < 0 ? -1 : 1;
  }
  return 0;
}

struct DebVersion {
  std::string epoch = "0";
  std::string_view upstream, revision;
};

DebVersion SplitDeb(std::string_view v) {
  DebVersion d;
  size_t colon = v.find(':');
  if (colon != std::string_view::npos && colon > 0) {
    bool digits = true;
    for (size_t k = 0; k < colon; ++k) digits = digits && IsDigit(v[k]);
    if (digits) {
      d.epoch = StripZeros(std::string(v.substr(0, colon)));
      v.remove_prefix(colon + 1);
    }
  }
  size_t dash = v.rfind('-');
  d.upstream = v.substr(0, dash);
  if (dash != std::string_view::npos) d.revision = v.substr(dash + 1);
  return d;
}

}  // namespace

int CompareMaven(std::string_view a, std::string_view b) {
  auto x = MavenItems(a), y = MavenItems(b);
  size_t n = std::max(x.size(), y.size());
  for (size_t i = 0; i < n; ++i) {
    // A missing item compares as 0 against a number, as "" against a qualifier.
    static const MavenItem kNullNumber{true, "0"}, kNullQualifier{false, ""};
    const MavenItem& p = i < x.size() ? x[i] : y[i].numeric ? kNullNumber : kNullQualifier;
    const MavenItem& q = i < y.size() ? y[i] : x[i].numeric ? kNullNumber : kNullQualifier;
    int c;
    if (p.numeric && q.numeric) c = CompareNumbers(p.value, q.value);
    else if (p.numeric != q.numeric) c = p.numeric ? 1 : -1;  // 1.0.1 > 1.0-sp
    else c = CompareQualifiers(p.value, q.value);
    if (c) return c;
  }
  return 0;
}

int CompareDebian(std::string_view a, std::string_view b) {
  DebVersion x = SplitDeb(a), y = SplitDeb(b);
  if (int c = CompareNumbers(x.epoch, y.epoch)) return c;
  if (int c = DebCompareFragment(x.upstream, y.upstream)) return c;
  return DebCompareFragment(x.revision, y.revision);
}

VersionScheme SchemeFor(std::string_view type) {
  std::string t = core::AsciiLower(type);
  if (t == "npm" || t == "semver" || t == "golang" || t == "cargo" || t == "nuget")
    return VersionScheme::kSemver;
  if (t == "pypi") return VersionScheme::kPypi;
  if (t == "maven") return VersionScheme::kMaven;
  if (t == "deb" || t == "debian") return VersionScheme::kDebian;
  return VersionScheme::kGeneric;
}

int CompareVersions(VersionScheme scheme, std::string_view a, std::string_view b) {
  switch (scheme) {
    case VersionScheme::kSemver: return CompareSemver(a, b);
    case VersionScheme::kPypi: return ComparePep440(a, b);
    case VersionScheme::kMaven: return CompareMaven(a, b);
    case VersionScheme::kDebian: return CompareDebian(a, b);
    case VersionScheme::kGeneric: break;
  }
  return CompareGeneric(a, b);
}

}  // namespace secgate::sbom
