#include "gates/core/report/text_reporter.h"

#include <algorithm>
#include <cctype>
#include <sstream>

#include "gates/core/report/describe.h"
#include "gates/core/report/selection.h"

namespace secgate::core {
namespace {

const char* Colour(Severity s) {
  switch (s) {
    case Severity::kCritical: return "\033[1;31m";
    case Severity::kHigh: return "\033[31m";
    case Severity::kMedium: return "\033[33m";
    case Severity::kLow: return "\033[36m";
    case Severity::kUnknown: break;
  }
  return "\033[35m";
}

// Width of the first column: a severity ("CRITICAL") or a waiver status
// ("expiring"), and a space.
constexpr size_t kWordColumn = 9;
constexpr size_t kIdColumn = 20;

std::string Pad(std::string s, size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

std::string FindingLine(const Verdict& v, const EvaluatedFinding& e, bool color) {
  const Finding& f = e.finding;
  std::ostringstream line;
  std::string sev(SeverityUpperName(e.effective_severity));
  if (e.severity_assumed) sev = "UNKNOWN(" + sev + ")";
  line << "  " << (color ? Colour(e.effective_severity) : "") << Pad(sev, kWordColumn)
       << (color ? "\033[0m" : "") << " " << Pad(SanitizeForTerminal(f.id), kIdColumn);
  std::string pkg = SanitizeForTerminal(PackageLabel(f.package));
  if (!pkg.empty()) {
    line << " " << pkg;
    if (!f.fixed_versions.empty()) {
      line << " → ";
      for (size_t i = 0; i < f.fixed_versions.size(); ++i)
        line << (i ? ", " : "") << SanitizeForTerminal(f.fixed_versions[i]);
    } else if (f.gate == Gate::kVuln) {
      line << " (no fix)";
    }
  }
  std::string where = f.location.path.empty() ? f.location.target : f.location.path;
  if (!where.empty()) {
    line << "  " << SanitizeForTerminal(where);
    if (f.location.line > 0) line << ":" << f.location.line;
  }
  if (!f.location.commit.empty()) line << " @" << f.location.commit.substr(0, 12);
  if (f.secret.present())
    line << "  secret " << SanitizeForTerminal(f.secret.prefix) << "… (" << f.secret.length
         << " chars" << (f.test_key ? ", test key" : "")
         << (f.decoded.empty() ? "" : ", decoded " + f.decoded) << ")";
  if (!f.message.empty()) line << "  " << SanitizeForTerminal(f.message);
  if (e.waiver >= 0) {
    const Waiver& w = v.waivers[e.waiver].waiver;
    line << "  [waived by " << SanitizeForTerminal(w.owner) << " until "
         << (w.expires ? w.expires->ToString() : "?") << "]";
  } else if (e.disposition == Disposition::kIgnored) {
    line << "  [ignored: " << SanitizeForTerminal(e.reason) << "]";
  } else if (!e.reason.empty()) {
    line << "  [" << SanitizeForTerminal(e.reason) << "]";
  }
  if (e.expired_waiver >= 0) {
    const Waiver& w = v.waivers[e.expired_waiver].waiver;
    line << "  [waiver expired " << (w.expires ? w.expires->ToString() : "?") << ", owner "
         << SanitizeForTerminal(w.owner) << "]";
  }
  return line.str();
}

// One section: the findings of disposition `d` (and class `cls`).
void WriteSection(const Verdict& v, Disposition d, const std::string& title,
                  std::optional<FindingClass> cls, const ReportOptions& o, std::ostream& out) {
  bool capped = !o.verbose && (d == Disposition::kBelowThreshold || d == Disposition::kIgnored);
  size_t limit = capped ? static_cast<size_t>(std::max(0, std::min(o.max_rows, 10)))
                        : v.findings.size();
  ReportSelection sel = SelectWorst(v.findings, limit, d, cls);
  if (sel.total == 0) return;
  out << "\n" << title << " (" << sel.total << "):\n";
  for (size_t i : sel.indices) out << FindingLine(v, v.findings[i], o.color) << "\n";
  if (sel.omitted > 0) out << "  … and " << sel.omitted << " more (--verbose lists all)\n";
}

// "Classes: 1 vulnerability, 2 secrets" when the verdict mixes classes.
std::string ClassCounts(const Verdict& v) {
  std::string line;
  for (FindingClass c : ClassGroups(v)) {
    line += (line.empty() ? "" : ", ") + ClassWord(c) + " " + std::to_string(v.summary.by_class.at(c));
  }
  return line;
}

// "secgate-vuln 1.0: FAIL — 2 violations at or above high"; an error run
// says only the error. False when nothing more is written.
bool WriteHeadline(const Verdict& v, bool c, std::ostream& out) {
  const Summary& s = v.summary;
  std::string word = v.exit_code == ExitCode::kError  ? "ERROR"
                     : v.exit_code == ExitCode::kFail ? "FAIL"
                                                      : "PASS";
  const char* wc = v.exit_code == ExitCode::kPass ? "\033[1;32m" : "\033[1;31m";
  out << v.tool << " " << v.version << ": " << (c ? wc : "") << word << (c ? "\033[0m" : "");
  if (v.exit_code == ExitCode::kError) {
    out << ": " << SanitizeForTerminal(v.error) << "\n";
    return false;
  }
  out << " — " << s.violations << (s.violations == 1 ? " violation" : " violations")
      << " at or above " << SeverityName(v.fail_on) << OtherThresholds(v) << "\n";
  return true;
}

// Sections in disposition order (and by class, when the verdict mixes
// classes); quieter dispositions are capped.
void WriteSections(const Verdict& v, const ReportOptions& o, std::ostream& out) {
  const std::vector<FindingClass> groups = ClassGroups(v);
  const std::pair<Disposition, const char*> sections[] = {
      {Disposition::kViolation, "Violations"},
      {Disposition::kWaived, "Waived"},
      {Disposition::kBelowThreshold, "Below threshold"},
      {Disposition::kIgnored, "Ignored by policy"}};
  for (const auto& [d, title] : sections) {
    if (groups.empty()) WriteSection(v, d, title, std::nullopt, o, out);
    for (FindingClass cls : groups)
      WriteSection(v, d, std::string(title) + " — " + ClassTitle(cls), cls, o, out);
  }
}

// Every waiver that is not simply active: expired, expiring soon, unused or
// invalid.
void WriteWaivers(const Verdict& v, std::ostream& out) {
  std::vector<const WaiverDiagnostic*> flagged;
  for (const auto& d : v.waivers)
    if (d.status != WaiverStatus::kActive) flagged.push_back(&d);
  if (flagged.empty()) return;
  out << "\nWaivers:\n";
  for (const auto* d : flagged) {
    const Waiver& w = d->waiver;
    out << "  " << Pad(std::string(WaiverStatusName(d->status)), kWordColumn) << " "
        << SanitizeForTerminal(w.id) << " (owner " << SanitizeForTerminal(w.owner) << ", ";
    if (d->status == WaiverStatus::kExpired)
      out << "expired " << w.expires->ToString() << ": no longer waives";
    else if (d->status == WaiverStatus::kExpiringSoon)
      out << "expires " << w.expires->ToString() << ", in " << d->days_left << " days";
    else if (d->status == WaiverStatus::kUnused)
      out << "matched nothing in this run";
    else
      out << "invalid";
    out << ")\n";
  }
}

// The counts, then the inputs and the notes.
void WriteSummary(const Verdict& v, std::ostream& out) {
  const Summary& s = v.summary;
  out << "\nSummary: " << s.findings << " findings";
  if (s.findings_before_dedup != s.findings)
    out << " (" << s.findings_before_dedup << " before dedup)";
  out << " — critical " << s.by_severity.at(Severity::kCritical) << ", high "
      << s.by_severity.at(Severity::kHigh) << ", medium " << s.by_severity.at(Severity::kMedium)
      << ", low " << s.by_severity.at(Severity::kLow) << ", unknown "
      << s.by_severity.at(Severity::kUnknown) << "\n";
  out << "         " << s.violations << " violations, " << s.waived << " waived, "
      << s.below_threshold << " below threshold, " << s.ignored << " ignored\n";
  if (std::string classes = ClassCounts(v); !classes.empty())
    out << "Classes: " << classes << "\n";
  for (const auto& in : v.inputs) {
    out << "Input:   " << SanitizeForTerminal(in.path) << " (" << in.format << ", " << in.findings
        << " findings";
    for (const auto& [what, n] : in.skipped)
      out << ", " << n << " " << SanitizeForTerminal(what) << " not gated";
    out << ")\n";
  }
  for (const auto& n : v.notes) out << "Note:    " << SanitizeForTerminal(n) << "\n";
}

}  // namespace

void TextReporter::Write(const Verdict& v, std::ostream& out) const {
  if (!WriteHeadline(v, o_.color, out)) return;
  WriteSections(v, o_, out);
  WriteWaivers(v, out);
  WriteSummary(v, out);
}

}  // namespace secgate::core
