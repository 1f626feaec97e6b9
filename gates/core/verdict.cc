#include "gates/core/verdict.h"

#include <algorithm>

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

/// The disposition of one finding, in order of precedence: VEX, the
/// policy's ignore rules (unfixed, dev, unknown severity, secrets
/// allowlist and test keys), an active waiver (index `active`), the
/// baseline, then the threshold.
void Dispose(const EvaluateOptions& o, int active, EvaluatedFinding* e, Verdict* v) {
  const Finding& fd = e->finding;
  if (o.trust_vex && VexSaysNotAffected(fd.vex_state)) {
    e->disposition = Disposition::kIgnored;
    e->reason = "VEX: " + fd.vex_state +
                (fd.vex_justification.empty() ? "" : " (" + fd.vex_justification + ")");
  } else if (o.ignore_unfixed && o.gate == Gate::kVuln && fd.fixed_versions.empty()) {
    e->disposition = Disposition::kIgnored;
    e->reason = "no fixed version (vuln.ignore_unfixed)";
  } else if (o.ignore_dev && fd.dev_only) {
    e->disposition = Disposition::kIgnored;
    e->reason = "dev dependency (vuln.ignore_dev)";
  } else if (!fd.allowlisted.empty()) {
    e->disposition = Disposition::kIgnored;
    e->reason = "allowlisted by " + fd.allowlisted;
  } else if (fd.test_key && o.test_keys == "ignore") {
    e->disposition = Disposition::kIgnored;
    e->reason = "test key (secrets.test_keys: ignore)";
  } else if (e->severity_assumed && !o.unknown_as) {
    e->disposition = Disposition::kIgnored;
    e->reason = "unknown severity (unknown_as: ignore)";
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
  } else if (e->effective_severity < o.fail_on) {
    e->disposition = Disposition::kBelowThreshold;
  } else {
    e->disposition = Disposition::kViolation;
  }
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
  o.limits = p.vuln.limits;
  o.severity_source = p.vuln.severity_source;
  o.expiring_days = p.waivers.expiring_days;
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

Verdict Evaluate(std::vector<Finding> findings, const EvaluateOptions& o,
                 const WaiverFile& waivers, const Date& today) {
  Verdict v;
  v.gate = o.gate;
  v.today = today;
  v.fail_on = o.fail_on;
  v.waivers_source = waivers.source;
  v.waivers_sha256 = waivers.sha256;
  // This gate's waivers only; the others are not "unused" here.
  std::vector<const Waiver*> mine;
  for (const auto& w : waivers.waivers) {
    if (w.gate != o.gate) continue;
    WaiverDiagnostic d;
    d.waiver = w;
    d.days_left = w.expires ? DaysBetween(today, *w.expires) : -1;
    v.waivers.push_back(d);
    mine.push_back(&w);
  }

  for (auto& f : findings) {
    EvaluatedFinding e;
    e.finding = std::move(f);
    ApplySeveritySource(&e.finding, o.severity_source);
    Finding& fd = e.finding;
    e.effective_severity = fd.severity;
    if (fd.severity == Severity::kUnknown) {
      e.severity_assumed = true;
      if (o.unknown_as) e.effective_severity = *o.unknown_as;
    }
    // Waivers: the first valid, unexpired waiver that matches wins; an
    // expired one that matches is remembered so the output can say so.
    int active = -1, expired = -1;
    for (size_t i = 0; i < mine.size(); ++i) {
      const Waiver& w = *mine[i];
      if (!w.valid || !WaiverMatches(w, fd)) continue;
      if (v.waivers[i].days_left < 0) {
        if (expired < 0) expired = static_cast<int>(i);
      } else if (active < 0) {
        active = static_cast<int>(i);
      }
    }
    Dispose(o, active, &e, &v);
    if (expired >= 0 && e.disposition != Disposition::kWaived) {
      e.expired_waiver = expired;
      v.waivers[expired].matches++;
    }
    v.findings.push_back(std::move(e));
  }

  // vuln.limits: a severity whose violation count is within its limit is tolerated.
  for (const auto& [sev, limit] : o.limits) {
    int count = 0;
    for (const auto& e : v.findings)
      count += e.disposition == Disposition::kViolation && e.effective_severity == sev;
    if (count == 0 || count > limit) continue;
    for (auto& e : v.findings) {
      if (e.disposition == Disposition::kViolation && e.effective_severity == sev) {
        e.disposition = Disposition::kBelowThreshold;
        e.reason = "tolerated: " + std::to_string(count) + " of at most " +
                   std::to_string(limit) + " " + std::string(SeverityName(sev)) + " (limits)";
      }
    }
  }

  for (auto& d : v.waivers)
    d.status = StatusOf(d.waiver, d.days_left, d.matches, o.expiring_days);

  std::stable_sort(v.findings.begin(), v.findings.end(), WorseFirst);
  Summary& s = v.summary;
  s.findings = static_cast<int>(v.findings.size());
  for (Severity sev : {Severity::kCritical, Severity::kHigh, Severity::kMedium, Severity::kLow,
                       Severity::kUnknown})
    s.by_severity[sev] = 0;
  for (const auto& e : v.findings) {
    s.by_severity[e.finding.severity]++;
    switch (e.disposition) {
      case Disposition::kViolation: s.violations++; break;
      case Disposition::kWaived: s.waived++; break;
      case Disposition::kBelowThreshold: s.below_threshold++; break;
      case Disposition::kIgnored: s.ignored++; break;
    }
  }
  s.findings_before_dedup = s.findings;
  v.exit_code = s.violations > 0 ? ExitCode::kFail : ExitCode::kPass;
  return v;
}

}  // namespace secgate::core
