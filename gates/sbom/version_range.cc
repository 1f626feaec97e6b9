// Version ranges and banned purls. See version_range.h.
#include <algorithm>

#include "gates/core/strings.h"
#include "gates/sbom/version_range.h"

namespace secgate::sbom {

using core::Error;
using core::Result;

namespace {

using Op = VersionConstraint::Op;

bool IsLower(Op op) { return op == Op::kGt || op == Op::kGe; }
bool IsUpper(Op op) { return op == Op::kLt || op == Op::kLe; }

Result<VersionConstraint> ParseConstraint(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  static const std::pair<std::string_view, Op> kOps[] = {
      {">=", Op::kGe}, {"<=", Op::kLe}, {"!=", Op::kNe}, {">", Op::kGt},
      {"<", Op::kLt},  {"==", Op::kEq}, {"=", Op::kEq}};
  VersionConstraint c;
  for (const auto& [word, op] : kOps) {
    if (s.substr(0, word.size()) == word) {
      c.op = op;
      s.remove_prefix(word.size());
      while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
      if (s.empty()) return Error{"", "'" + std::string(word) + "' needs a version"};
      break;
    }
  }
  if (s.empty()) return Error{"", "empty constraint"};
  if (s.find_first_of("<>=!| ") != std::string_view::npos)
    return Error{"", "invalid version '" + std::string(s) + "'"};
  c.version = std::string(s);
  return c;
}

}  // namespace

bool VersionRange::Contains(std::string_view v) const {
  if (all) return true;
  auto cmp = [&](const std::string& w) { return CompareVersions(scheme, v, w); };
  for (const auto& c : constraints) {
    if (c.op == Op::kEq && cmp(c.version) == 0) return true;
    if (c.op == Op::kNe && cmp(c.version) == 0) return false;
  }
  // Bounds, sorted: each lower bound pairs with the next upper bound; an
  // upper bound with no lower bound before it starts at -infinity.
  std::vector<const VersionConstraint*> bounds;
  bool has_ne = false;
  for (const auto& c : constraints) {
    if (IsLower(c.op) || IsUpper(c.op)) bounds.push_back(&c);
    has_ne = has_ne || c.op == Op::kNe;
  }
  if (bounds.empty()) return has_ne;  // "!=1.0" alone: every other version
  auto above = [&](const VersionConstraint& c) {
    int r = cmp(c.version);
    return c.op == Op::kGe ? r >= 0 : r > 0;
  };
  auto below = [&](const VersionConstraint& c) {
    int r = cmp(c.version);
    return c.op == Op::kLe ? r <= 0 : r < 0;
  };
  for (size_t i = 0; i < bounds.size(); ++i) {
    const VersionConstraint& b = *bounds[i];
    if (IsLower(b.op)) {
      bool closed = i + 1 < bounds.size() && IsUpper(bounds[i + 1]->op);
      if (above(b) && (!closed || below(*bounds[i + 1]))) return true;
      if (closed) ++i;
    } else if (below(b)) {
      return true;
    }
  }
  return false;
}

Result<VersionRange> ParseVersionRange(std::string_view text, std::string_view purl_type) {
  VersionRange r;
  r.scheme = SchemeFor(purl_type);
  if (text.substr(0, 5) == "vers:") {
    size_t slash = text.find('/');
    if (slash == std::string_view::npos) return Error{"", "vers range needs '<scheme>/'"};
    std::string scheme = core::AsciiLower(text.substr(5, slash - 5));
    if (!purl_type.empty() && scheme != core::AsciiLower(purl_type) && SchemeFor(scheme) != r.scheme)
      return Error{"", "vers scheme '" + scheme + "' does not match purl type '" +
                           std::string(purl_type) + "'"};
    r.scheme = SchemeFor(scheme);
    text.remove_prefix(slash + 1);
  }
  if (text.empty()) return Error{"", "empty version range"};
  if (text == "*") {
    r.all = true;
    return r;
  }
  size_t start = 0;
  while (start <= text.size()) {
    size_t bar = text.find('|', start);
    if (bar == std::string_view::npos) bar = text.size();
    auto c = ParseConstraint(text.substr(start, bar - start));
    if (!c) return c.error();
    r.constraints.push_back(std::move(*c));
    start = bar + 1;
  }
  std::stable_sort(r.constraints.begin(), r.constraints.end(),
                   [&](const VersionConstraint& a, const VersionConstraint& b) {
                     return CompareVersions(r.scheme, a.version, b.version) < 0;
                   });
  return r;
}

Result<BannedPurl> ParseBannedPurl(std::string_view text) {
  BannedPurl b;
  b.text = std::string(text);
  auto fail = [&](const std::string& why) {
    return Error{"sbom.banned", "'" + b.text + "': " + why};
  };
  if (text.substr(0, 4) != "pkg:") return fail("expected a purl (pkg:type/name[@range])");
  std::string_view head = text, range;
  // The range starts at the '@' after the last '/' of the name, or at "@vers:".
  size_t at = text.find("@vers:");
  if (at == std::string_view::npos) {
    size_t slash = text.rfind('/');
    at = text.find('@', slash == std::string_view::npos ? 0 : slash);
  }
  if (at != std::string_view::npos) {
    head = text.substr(0, at);
    range = text.substr(at + 1);
    if (range.empty()) return fail("empty version after '@'");
  }
  auto purl = core::ParsePurl(head);
  if (!purl || purl->name.empty()) return fail("not a valid purl");
  b.base = purl->Base();
  if (range.empty()) {
    b.range.all = true;
    return b;
  }
  // A plain version is an exact match; anything with an operator is a range.
  auto r = ParseVersionRange(range, purl->type);
  if (!r) return fail(r.error().message);
  b.range = std::move(*r);
  return b;
}

bool BannedMatches(const BannedPurl& b, const core::Purl& purl, std::string_view version) {
  if (purl.Base() != b.base) return false;
  if (b.range.all) return true;
  std::string_view v = purl.version.empty() ? version : std::string_view(purl.version);
  if (v.empty()) return true;
  return b.range.Contains(v);
}

}  // namespace secgate::sbom
