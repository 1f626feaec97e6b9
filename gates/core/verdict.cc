#include "gates/core/verdict.h"

#include <algorithm>
#include <numeric>

#include "gates/core/strings.h"

namespace secgate::core {
namespace {

int DispositionRank(Disposition d) { return static_cast<int>(d); }

bool VexSaysNotAffected(const std::string& state) {
  return state == "not_affected" || state == "false_positive" || state == "resolved" ||
         state == "resolved_with_pedigree";
}

// Picks the severity the policy asks for among the finding's ratings.
void ApplySeveritySource(Finding* f, const std::string& source) {
  if (source == "reported" || f->ratings.empty()) return;
  if (source == "max") {
    for (const auto& r : f->ratings) {
      if (r.severity > f->severity) {
        f->severity = r.severity;
        f->severity_source = r.source;
        if (r.score > 0) f->score = r.score;
      }
    }
    return;
  }
  for (const auto& r : f->ratings) {
    if (EqualsIgnoreCase(r.source, source) && r.severity != Severity::kUnknown) {
      f->severity = r.severity;
      f->severity_source = r.source;
      if (r.score > 0) f->score = r.score;
      return;
    }
  }
}

bool InBaseline(const std::vector<Waiver>& baseline, const Finding& f) {
  for (const auto& w : baseline)
    if (!w.id.empty() && WaiverMatches(w, f)) return true;
  return false;
}

WaiverStatus StatusOf(const Waiver& w, long days_left, int matches, int expiring_days) {
  if (!w.valid) return WaiverStatus::kInvalid;
  if (days_left < 0) return WaiverStatus::kExpired;
  if (days_left <= expiring_days) return WaiverStatus::kExpiringSoon;
  if (matches == 0) return WaiverStatus::kUnused;
  return WaiverStatus::kActive;
}

}  // namespace

std::string_view DispositionName(Disposition d) {
  switch (d) {
    case Disposition::kViolation: return "violation";
    case Disposition::kWaived: return "waived";
    case Disposition::kBelowThreshold: return "below_threshold";
    case Disposition::kIgnored: return "ignored";
  }
  return "violation";
}

std::string_view WaiverStatusName(WaiverStatus s) {
  switch (s) {
    case WaiverStatus::kActive: return "active";
    case WaiverStatus::kExpiringSoon: return "expiring";
    case WaiverStatus::kExpired: return "expired";
    case WaiverStatus::kUnused: return "unused";
    case WaiverStatus::kInvalid: return "invalid";
  }
  return "active";
}

EvaluateOptions EvaluateOptions::ForVuln(const Policy& p) {
  EvaluateOptions o;
  o.gate = Gate::kVuln;
  o.fail_on = p.vuln.fail_on;
  o.unknown_as = p.vuln.unknown_as;
  o.ignore_unfixed = p.vuln.ignore_unfixed;
  o.ignore_dev = p.vuln.ignore_dev;
  o.trust_vex = p.vuln.trust_vex;
  o.honour_upstream_ignores = p.vuln.honour_upstream_ignores;
  o.limits = p.vuln.limits;
  o.severity_source = p.vuln.severity_source;
  o.expiring_days = p.waivers.expiring_days;
  // A Trivy report's secrets follow the secrets policy and its waivers;
  // its licenses follow vuln.fail_on and `gate: sbom` waivers (docs/vuln.md).
  o.class_fail_on[FindingClass::kSecret] = p.secrets.fail_on;
  o.other_waiver_gates = {Gate::kSecrets, Gate::kSbom};
  return o;
}

EvaluateOptions EvaluateOptions::ForSecrets(const Policy& p) {
  EvaluateOptions o;
  o.gate = Gate::kSecrets;
  o.fail_on = p.secrets.fail_on;
  o.test_keys = p.secrets.test_keys;
  o.unknown_as = Severity::kHigh;
  o.expiring_days = p.waivers.expiring_days;
  return o;
}

EvaluateOptions EvaluateOptions::ForSbom(const Policy& p) {
  EvaluateOptions o;
  o.gate = Gate::kSbom;
  o.fail_on = p.sbom.fail_on;
  o.unknown_as = Severity::kHigh;
  o.expiring_days = p.waivers.expiring_days;
  return o;
}

EvaluateOptions EvaluateOptions::ForCode(const Policy& p) {
  EvaluateOptions o;
  o.gate = Gate::kCode;
  o.fail_on = p.code.fail_on;
  o.unknown_as = p.code.unknown_as;
  o.honour_upstream_ignores = p.code.honour_upstream_ignores;
  o.limits = p.code.limits;
  o.expiring_days = p.waivers.expiring_days;
  for (const auto& [tool, t] : p.code.tools)
    if (t.fail_on) o.tool_fail_on[tool] = *t.fail_on;
  return o;
}

bool WorseFirst(const EvaluatedFinding& a, const EvaluatedFinding& b) {
  if (a.disposition != b.disposition)
    return DispositionRank(a.disposition) < DispositionRank(b.disposition);
  if (a.effective_severity != b.effective_severity)
    return a.effective_severity > b.effective_severity;
  if (a.finding.score != b.finding.score) return a.finding.score > b.finding.score;
  if (a.finding.id != b.finding.id) return a.finding.id < b.finding.id;
  if (a.finding.package.name != b.finding.package.name)
    return a.finding.package.name < b.finding.package.name;
  if (a.finding.location.path != b.finding.location.path)
    return a.finding.location.path < b.finding.location.path;
  return a.finding.location.line < b.finding.location.line;
}

namespace {

bool WaiverApplies(const Waiver& w, const EvaluateOptions& o) {
  if (w.gate == o.gate) return true;
  return std::find(o.other_waiver_gates.begin(), o.other_waiver_gates.end(), w.gate) !=
         o.other_waiver_gates.end();
}

// The first valid, unexpired waiver that matches wins; an expired one that
// matches is remembered so the output can say so.
void FindWaivers(const std::vector<const Waiver*>& mine, const Verdict& v, const Finding& fd,
                 int* active, int* expired) {
  *active = *expired = -1;
  for (size_t i = 0; i < mine.size(); ++i) {
    const Waiver& w = *mine[i];
    if (!w.valid || !WaiverMatches(w, fd)) continue;
    if (v.waivers[i].days_left < 0) {
      if (*expired < 0) *expired = static_cast<int>(i);
    } else if (*active < 0) {
      *active = static_cast<int>(i);
    }
  }
}

// The reason a policy rule ignores `e` before any waiver is consulted, or "".
std::string PolicyIgnore(const EvaluatedFinding& e, const EvaluateOptions& o) {
  const Finding& fd = e.finding;
  if (!fd.ignore_reason.empty()) return fd.ignore_reason;
  if (!fd.upstream_ignore.empty() && o.honour_upstream_ignores)
    return "ignored upstream: " + fd.upstream_ignore + " (upstream_ignores: honour)";
  if (o.trust_vex && VexSaysNotAffected(fd.vex_state))
    return "VEX: " + fd.vex_state +
           (fd.vex_justification.empty() ? "" : " (" + fd.vex_justification + ")");
  if (o.ignore_unfixed && o.gate == Gate::kVuln && fd.gate == Gate::kVuln &&
      fd.fixed_versions.empty())
    return "no fixed version (vuln.ignore_unfixed)";
  if (o.ignore_dev && fd.dev_only) return "dev dependency (vuln.ignore_dev)";
  if (!fd.allowlisted.empty()) return "allowlisted by " + fd.allowlisted;
  if (fd.test_key && o.test_keys == "ignore") return "test key (secrets.test_keys: ignore)";
  if (e.severity_assumed && !o.unknown_as) return "unknown severity (unknown_as: ignore)";
  return "";
}

// A threshold of `fd`'s own: its class's (class_fail_on) or its tool's
// (tool_fail_on, code findings); nullopt = the gate's fail_on.
std::optional<Severity> OwnFailOn(const Finding& fd, const EvaluateOptions& o) {
  if (auto it = o.class_fail_on.find(ClassOf(fd)); it != o.class_fail_on.end()) return it->second;
  if (fd.gate == Gate::kCode && !fd.sources.empty() && !o.tool_fail_on.empty()) {
    auto it = o.tool_fail_on.find(AsciiLower(fd.sources.front()));
    if (it != o.tool_fail_on.end()) return it->second;
  }
  return std::nullopt;
}

// Gives one finding its disposition (docs/design.md "Dispositions"): policy
// ignores, then a waiver, then the baseline, then the threshold.
void Dispose(EvaluatedFinding* e, const EvaluateOptions& o, int active, int expired, Verdict* v) {
  const Finding& fd = e->finding;
  const std::optional<Severity> own = OwnFailOn(fd, o);
  const Severity fail_on = own ? *own : o.fail_on;
  if (own) e->fail_on = own;
  if (std::string why = PolicyIgnore(*e, o); !why.empty()) {
    e->disposition = Disposition::kIgnored;
    e->reason = std::move(why);
  } else if (active >= 0) {
    e->disposition = Disposition::kWaived;
    e->waiver = active;
    v->waivers[active].matches++;
  } else if (InBaseline(o.baseline, fd)) {
    e->disposition = Disposition::kIgnored;
    e->reason = "in baseline";
  } else if (fd.test_key && o.test_keys == "report") {
    e->disposition = Disposition::kBelowThreshold;
    e->reason = "test key (secrets.test_keys: report)";
  } else if (e->effective_severity < fail_on) {
    e->disposition = Disposition::kBelowThreshold;
  } else if (!fd.warn_only.empty()) {
    e->disposition = Disposition::kBelowThreshold;
    e->reason = fd.warn_only;
  } else {
    e->disposition = Disposition::kViolation;
  }
  if (expired >= 0 && e->disposition != Disposition::kWaived) {
    e->expired_waiver = expired;
    v->waivers[expired].matches++;
  }
}

// vuln.limits: a severity whose violation count is within its limit is
// tolerated. Only the gate's own class counts: vuln.limits never tolerates
// a secret found in a Trivy report.
void ApplyLimits(const std::map<Severity, int>& limits, Verdict* v) {
  auto counted = [v](const EvaluatedFinding& e, Severity sev) {
    return e.disposition == Disposition::kViolation && e.effective_severity == sev &&
           ClassOf(e.finding) == NativeClass(v->gate);
  };
  for (const auto& [sev, limit] : limits) {
    int count = 0;
    for (const auto& e : v->findings) count += counted(e, sev);
    if (count == 0 || count > limit) continue;
    for (auto& e : v->findings) {
      if (counted(e, sev)) {
        e.disposition = Disposition::kBelowThreshold;
        e.reason = "tolerated: " + std::to_string(count) + " of at most " +
                   std::to_string(limit) + " " + std::string(SeverityName(sev)) + " (limits)";
      }
    }
  }
}

// Drops the other gates' waivers that matched nothing here, renumbering the
// findings' waiver indices.
void DropForeignUnmatched(Gate gate, Verdict* v) {
  std::vector<int> renumber(v->waivers.size(), -1);
  std::vector<WaiverDiagnostic> kept;
  for (size_t i = 0; i < v->waivers.size(); ++i) {
    if (v->waivers[i].waiver.gate != gate && v->waivers[i].matches == 0) continue;
    renumber[i] = static_cast<int>(kept.size());
    kept.push_back(std::move(v->waivers[i]));
  }
  v->waivers = std::move(kept);
  for (auto& e : v->findings) {
    if (e.waiver >= 0) e.waiver = renumber[e.waiver];
    if (e.expired_waiver >= 0) e.expired_waiver = renumber[e.expired_waiver];
  }
}

// stable_sort(WorseFirst) on an index, then the permutation applied in place
// by following its cycles: sorting the findings themselves (about 1 KB each)
// takes a buffer as large as the vector (another GiB at a million findings).
void SortWorstFirst(std::vector<EvaluatedFinding>* findings) {
  std::vector<EvaluatedFinding>& f = *findings;
  std::vector<size_t> order(f.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&f](size_t a, size_t b) { return WorseFirst(f[a], f[b]); });
  // Position i receives the finding at order[i]; order[j] == j marks done.
  for (size_t i = 0; i < f.size(); ++i) {
    if (order[i] == i) continue;
    EvaluatedFinding first = std::move(f[i]);
    size_t j = i;
    while (order[j] != i) {
      const size_t from = order[j];
      f[j] = std::move(f[from]);
      order[j] = j;
      j = from;
    }
    f[j] = std::move(first);
    order[j] = j;
  }
}

void Count(Verdict* v) {
  Summary& s = v->summary;
  s.findings = static_cast<int>(v->findings.size());
  for (Severity sev : {Severity::kCritical, Severity::kHigh, Severity::kMedium, Severity::kLow,
                       Severity::kUnknown})
    s.by_severity[sev] = 0;
  for (const auto& e : v->findings) {
    s.by_severity[e.finding.severity]++;
    s.by_class[ClassOf(e.finding)]++;
    switch (e.disposition) {
      case Disposition::kViolation: s.violations++; break;
      case Disposition::kWaived: s.waived++; break;
      case Disposition::kBelowThreshold: s.below_threshold++; break;
      case Disposition::kIgnored: s.ignored++; break;
    }
  }
  s.findings_before_dedup = s.findings;
}

}  // namespace

std::vector<FindingClass> ClassGroups(const Verdict& v) {
  bool foreign = false;
  for (const auto& [cls, n] : v.summary.by_class) foreign |= n > 0 && cls != NativeClass(v.gate);
  std::vector<FindingClass> out;
  if (!foreign) return out;
  for (FindingClass c : {FindingClass::kVulnerability, FindingClass::kSecret,
                         FindingClass::kLicense, FindingClass::kSbom, FindingClass::kCode}) {
    auto it = v.summary.by_class.find(c);
    if (it != v.summary.by_class.end() && it->second > 0) out.push_back(c);
  }
  return out;
}

Verdict Evaluate(std::vector<Finding> findings, const EvaluateOptions& o,
                 const WaiverFile& waivers, const Date& today) {
  Verdict v;
  v.gate = o.gate;
  v.today = today;
  v.fail_on = o.fail_on;
  v.waivers_source = waivers.source;
  v.waivers_sha256 = waivers.sha256;
  // This gate's waivers (and those of other_waiver_gates); the others are
  // not "unused" here.
  std::vector<const Waiver*> mine;
  for (const auto& w : waivers.waivers) {
    if (!WaiverApplies(w, o)) continue;
    WaiverDiagnostic d;
    d.waiver = w;
    d.days_left = w.expires ? DaysBetween(today, *w.expires) : -1;
    v.waivers.push_back(d);
    mine.push_back(&w);
  }
  v.findings.reserve(findings.size());
  for (auto& f : findings) {
    EvaluatedFinding e;
    e.finding = std::move(f);
    ApplySeveritySource(&e.finding, o.severity_source);
    e.effective_severity = e.finding.severity;
    if (e.finding.severity == Severity::kUnknown) {
      e.severity_assumed = true;
      if (o.unknown_as) e.effective_severity = *o.unknown_as;
    }
    int active = -1, expired = -1;
    // Under honour, a finding its scanner suppressed counts toward no
    // waiver, exactly as when readers left it out.
    if (e.finding.upstream_ignore.empty() || !o.honour_upstream_ignores)
      FindWaivers(mine, v, e.finding, &active, &expired);
    Dispose(&e, o, active, expired, &v);
    v.findings.push_back(std::move(e));
  }
  std::vector<Finding>().swap(findings);  // moved from, but ~1 KB each: release before the sort
  ApplyLimits(o.limits, &v);
  for (auto& d : v.waivers)
    d.status = StatusOf(d.waiver, d.days_left, d.matches, o.expiring_days);
  DropForeignUnmatched(o.gate, &v);
  SortWorstFirst(&v.findings);
  Count(&v);
  v.exit_code = v.summary.violations > 0 ? ExitCode::kFail : ExitCode::kPass;
  return v;
}

}  // namespace secgate::core
