#include "gates/core/report/describe.h"

#include <algorithm>
#include <map>
#include <cstdio>

#include "gates/core/report/reporter.h"
#include "gates/core/strings.h"

namespace secgate::core {
namespace {

std::string Join(const std::vector<std::string>& items, const std::string& sep) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

std::string FirstNonEmpty(std::initializer_list<const std::string*> options) {
  for (const std::string* s : options)
    if (!s->empty()) return *s;
  return "";
}

}  // namespace

std::string FindingPlace(const Finding& f) {
  const Location& l = f.location;
  switch (f.gate) {
    case Gate::kSecrets: return FirstNonEmpty({&l.path, &l.target, &f.input});
    case Gate::kSbom: return FirstNonEmpty({&f.input, &l.path, &l.target});
    case Gate::kCode: return FirstNonEmpty({&l.path, &l.target, &f.input});
    case Gate::kVuln: break;
  }
  return FirstNonEmpty({&l.path, &l.target, &f.input});
}

std::string SecretLabel(const Finding& f) {
  if (!f.secret.present()) return "";
  std::string s = f.secret.prefix + "… (" + std::to_string(f.secret.length) + " chars";
  if (!f.fingerprint.empty()) s += ", fingerprint " + f.fingerprint;
  if (f.test_key) s += ", test key";
  if (!f.decoded.empty()) s += ", decoded " + f.decoded;
  return s + ")";
}

std::string FindingTitle(const EvaluatedFinding& e) {
  const Finding& f = e.finding;
  std::string sev(SeverityName(f.severity));
  if (e.severity_assumed) sev += ", counted as " + std::string(SeverityName(e.effective_severity));
  std::string head = f.gate == Gate::kSecrets ? "Secret " + f.id : f.id;
  std::string pkg = PackageLabel(f.package);
  return head + " (" + sev + ")" + (pkg.empty() ? "" : " in " + pkg);
}

std::string WaiverSentence(const Waiver& w) {
  std::string s = "waived by " + w.owner + " until " +
                  (w.expires ? w.expires->ToString() : std::string("?"));
  if (!w.ticket.empty()) s += " (" + w.ticket + ")";
  return s + ": " + w.reason;
}

std::string DescribeFinding(const Verdict& v, const EvaluatedFinding& e) {
  const Finding& f = e.finding;
  std::string sev(SeverityName(f.severity));
  if (f.score > 0) sev += ", CVSS " + FormatScore(f.score);
  std::string s;
  if (f.gate == Gate::kSecrets) {
    s = "Possible secret (rule " + f.id + ", " + sev + ")";
    std::string place = FindingPlace(f);
    if (!place.empty())
      s += " in " + place + (f.location.line > 0 ? ":" + std::to_string(f.location.line) : "");
    if (!f.location.commit.empty()) s += " at commit " + f.location.commit.substr(0, 12);
    if (f.secret.present()) s += ": " + SecretLabel(f);
  } else if (f.gate == Gate::kVuln && !f.package.name.empty()) {
    s = f.package.name + (f.package.version.empty() ? "" : " " + f.package.version) +
        " is vulnerable to " + f.id + " (" + sev + ")";
    if (!f.location.target.empty()) s += " in " + f.location.target;
    s += f.fixed_versions.empty() ? "; no fixed version yet"
                                  : "; fixed in " + Join(f.fixed_versions, ", ");
  } else {
    s = f.id + " (" + sev + ")";
    std::string pkg = PackageLabel(f.package);
    if (!pkg.empty()) s += " in " + pkg;
    if (!f.message.empty()) s += ": " + f.message;
    else if (!f.title.empty()) s += ": " + f.title;
  }
  switch (e.disposition) {
    case Disposition::kViolation:
      s += ". Fails the gate (at or above " + std::string(SeverityName(ThresholdOf(v, e))) + ")";
      break;
    case Disposition::kWaived:
      if (e.waiver >= 0 && e.waiver < static_cast<int>(v.waivers.size()))
        s += ". W" + WaiverSentence(v.waivers[e.waiver].waiver).substr(1);
      break;
    case Disposition::kBelowThreshold:
      s += ". Below the threshold (" + std::string(SeverityName(ThresholdOf(v, e))) + ")";
      if (!e.reason.empty()) s += ": " + e.reason;
      break;
    case Disposition::kIgnored:
      s += ". Ignored by policy" + (e.reason.empty() ? "" : ": " + e.reason);
      break;
  }
  if (e.expired_waiver >= 0 && e.expired_waiver < static_cast<int>(v.waivers.size())) {
    const Waiver& w = v.waivers[e.expired_waiver].waiver;
    s += ". Its waiver expired on " + (w.expires ? w.expires->ToString() : std::string("?")) +
         " (owner " + w.owner + ")";
  }
  return s + ".";
}

double SecurityScore(const EvaluatedFinding& e) {
  double score = e.finding.score;
  if (score <= 0 || score > 10) {
    Severity s = e.finding.severity == Severity::kUnknown ? e.effective_severity
                                                          : e.finding.severity;
    score = RepresentativeScore(s);
  }
  return std::clamp(score, 0.1, 10.0);
}

std::string FormatScore(double score) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.1f", score);
  return buf;
}

std::string ClassTitle(FindingClass c) {
  switch (c) {
    case FindingClass::kVulnerability: return "Vulnerabilities";
    case FindingClass::kSecret: return "Secrets";
    case FindingClass::kLicense: return "Licenses";
    case FindingClass::kSbom: return "SBOM findings";
    case FindingClass::kCode: return "Code findings";
  }
  return "Vulnerabilities";
}

std::string ClassWord(FindingClass c) {
  return AsciiLower(ClassTitle(c));
}

Severity ThresholdOf(const Verdict& v, const EvaluatedFinding& e) {
  return e.fail_on.value_or(v.fail_on);
}

std::string OtherThresholds(const Verdict& v) {
  std::map<FindingClass, Severity> other;
  for (const auto& e : v.findings)
    if (e.fail_on && *e.fail_on != v.fail_on) other[ClassOf(e.finding)] = *e.fail_on;
  std::string s;
  for (const auto& [cls, sev] : other) {
    s += (s.empty() ? "" : ", ") + ClassWord(cls) + ": " + std::string(SeverityName(sev));
  }
  return s.empty() ? "" : " (" + s + ")";
}

std::string VerdictName(const Verdict& v) {
  if (v.exit_code == ExitCode::kError) return "error";
  return v.exit_code == ExitCode::kFail ? "fail" : "pass";
}

}  // namespace secgate::core
