// License policy evaluation. See license_policy.h for the rules.
#include "gates/sbom/license_policy.h"

#include <algorithm>
#include <string_view>

#include "gates/core/strings.h"
#include "gates/sbom/license_ids.h"

namespace secgate::sbom {

using core::Error;
using core::Result;

namespace {

// Compares dotted numeric versions segment by segment. Segments are compared
// as digit strings (leading zeros dropped, then length, then text), so any
// length of digits is safe: no integer arithmetic that could overflow.
int CompareDotted(const std::string& a, const std::string& b) {
  size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    size_t ie = std::min(a.find('.', i), a.size()), je = std::min(b.find('.', j), b.size());
    std::string_view x(a.data() + std::min(i, a.size()), ie - std::min(i, ie));
    std::string_view y(b.data() + std::min(j, b.size()), je - std::min(j, je));
    while (!x.empty() && x.front() == '0') x.remove_prefix(1);
    while (!y.empty() && y.front() == '0') y.remove_prefix(1);
    if (x.size() != y.size()) return x.size() < y.size() ? -1 : 1;
    if (int c = x.compare(y); c != 0) return c < 0 ? -1 : 1;
    i = ie + 1;
    j = je + 1;
  }
  return 0;
}

// The concrete licenses a term lets the user choose from (see header).
std::vector<std::string> Choices(const LicenseTerm& t) {
  std::string family, version;
  if (!t.or_later || !SplitFamilyVersion(t.base, &family, &version)) return {t.base};
  std::vector<std::string> out{t.base};
  for (const auto& v : FamilyVersions(family))
    if (CompareDotted(v, version) > 0) out.push_back(family + "-" + v);
  return out;
}

bool CoversBase(const LicenseTerm& entry, const std::string& base) {
  std::string ef, ev, bf, bv;
  if (entry.or_later && SplitFamilyVersion(entry.base, &ef, &ev) &&
      SplitFamilyVersion(base, &bf, &bv) && core::EqualsIgnoreCase(ef, bf))
    return CompareDotted(bv, ev) >= 0;
  return core::EqualsIgnoreCase(entry.base, base);
}

// -1: no entry covers the choice; 0: an entry without exception does;
// 1: an entry naming the term's exception does.
int BestMatch(const std::vector<LicenseTerm>& entries, const std::string& base,
              const std::string& exception) {
  int best = -1;
  for (const auto& e : entries) {
    if (!CoversBase(e, base)) continue;
    if (e.exception.empty()) best = std::max(best, 0);
    else if (core::EqualsIgnoreCase(e.exception, exception)) best = 1;
  }
  return best;
}

struct Partial {
  LicenseVerdict verdict = LicenseVerdict::kPass;
  // Each problem: offending ids and their reasons ("X denied").
  std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>> problems;
  std::vector<std::string> unknown;
};

Partial JudgeTerm(const LicenseTerm& t, const LicensePolicy& p) {
  bool any_allowed = false, all_denied = true, mentioned = false;
  for (const auto& base : Choices(t)) {
    int deny = BestMatch(p.deny, base, t.exception);
    int allow = BestMatch(p.allow, base, t.exception);
    mentioned = mentioned || deny >= 0 || allow >= 0;
    bool denied = deny >= 0 && !(allow > deny);
    all_denied = all_denied && denied;
    any_allowed = any_allowed || (!denied && (p.allow.empty() || allow >= 0));
  }
  Partial r;
  if (any_allowed) {
    if (p.allow.empty() && !t.known && !t.ref && !mentioned) {
      r.verdict = LicenseVerdict::kUnknown;
      r.unknown.push_back(t.id);
    }
    return r;
  }
  r.verdict = LicenseVerdict::kFail;
  r.problems.push_back(
      {{t.id}, {t.ToString() + (all_denied ? " denied" : " not in the allow list")}});
  return r;
}

Partial Judge(const LicenseExpression& e, int node, const LicensePolicy& p) {
  const LicenseNode& n = e.nodes[node];
  if (n.kind == LicenseNode::Kind::kTerm) return JudgeTerm(n.term, p);
  std::vector<Partial> parts;
  for (int c : n.children) parts.push_back(Judge(e, c, p));
  Partial r;
  auto any = [&](LicenseVerdict v) {
    for (const auto& x : parts)
      if (x.verdict == v) return true;
    return false;
  };
  for (const auto& x : parts)
    r.unknown.insert(r.unknown.end(), x.unknown.begin(), x.unknown.end());
  if (n.kind == LicenseNode::Kind::kAnd) {
    if (any(LicenseVerdict::kFail)) {
      r.verdict = LicenseVerdict::kFail;
      for (auto& x : parts)
        for (auto& prob : x.problems) r.problems.push_back(std::move(prob));
    } else if (any(LicenseVerdict::kUnknown)) {
      r.verdict = LicenseVerdict::kUnknown;
    }
    return r;
  }
  // OR: one passing branch is enough; all failing merge into one problem.
  if (any(LicenseVerdict::kPass)) return Partial{};
  if (any(LicenseVerdict::kUnknown)) {
    r.verdict = LicenseVerdict::kUnknown;
    return r;
  }
  r.verdict = LicenseVerdict::kFail;
  r.problems.emplace_back();
  for (auto& x : parts) {
    for (auto& prob : x.problems) {
      auto& [ids, reasons] = r.problems.back();
      ids.insert(ids.end(), prob.first.begin(), prob.first.end());
      reasons.insert(reasons.end(), prob.second.begin(), prob.second.end());
    }
  }
  return r;
}

Result<std::vector<LicenseTerm>> CompileList(const std::vector<std::string>& entries,
                                             const std::string& key) {
  std::vector<LicenseTerm> out;
  for (const auto& s : entries) {
    auto t = ParseLicenseTerm(s);
    if (!t) return Error{key, "'" + s + "' is not a license id: " + t.error().message};
    out.push_back(std::move(*t));
  }
  return out;
}

std::string Join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

}  // namespace

Result<LicensePolicy> CompileLicensePolicy(const std::vector<std::string>& allow,
                                           const std::vector<std::string>& deny) {
  LicensePolicy p;
  auto a = CompileList(allow, "sbom.licenses.allow");
  if (!a) return a.error();
  auto d = CompileList(deny, "sbom.licenses.deny");
  if (!d) return d.error();
  p.allow = std::move(*a);
  p.deny = std::move(*d);
  return p;
}

LicenseOutcome EvaluateLicense(const LicenseExpression& e, const LicensePolicy& p) {
  LicenseOutcome out;
  if (e.root < 0) return out;
  Partial r = Judge(e, e.root, p);
  out.verdict = r.verdict;
  const std::string quoted = "`" + e.ToString() + "`";
  if (r.verdict == LicenseVerdict::kFail) {
    for (auto& [ids, reasons] : r.problems) {
      LicenseProblem prob;
      prob.ids = ids;
      prob.explanation = reasons.size() == 1
                             ? reasons[0] + " in " + quoted
                             : "no allowed choice in " + quoted + ": " + Join(reasons, ", ");
      out.problems.push_back(std::move(prob));
    }
  } else if (r.verdict == LicenseVerdict::kUnknown) {
    out.explanation = "unrecognised license id" + std::string(r.unknown.size() > 1 ? "s " : " ") +
                      Join(r.unknown, ", ") + " in " + quoted;
  }
  return out;
}

void JudgeLicenseText(std::string_view text, bool is_name, const LicensePolicy& p,
                      std::vector<LicenseProblem>* fails, std::vector<std::string>* unknown) {
  const std::string t(text);
  auto expr = ParseLicenseExpression(text);
  if (!expr) {
    std::string what = is_name ? "license name '" + t + "' is not an SPDX expression"
                               : "unparseable license expression `" + t + "`";
    return unknown->push_back(what + " (" + expr.error().message + ")");
  }
  if (is_name) {
    for (const LicenseTerm* term : expr->Terms())
      if (!term->known && !term->ref)
        return unknown->push_back("license name '" + t + "' is not an SPDX id");
  }
  LicenseOutcome o = EvaluateLicense(*expr, p);
  if (o.verdict == LicenseVerdict::kFail)
    for (auto& problem : o.problems) fails->push_back(std::move(problem));
  else if (o.verdict == LicenseVerdict::kUnknown)
    unknown->push_back(o.explanation);
}

}  // namespace secgate::sbom
