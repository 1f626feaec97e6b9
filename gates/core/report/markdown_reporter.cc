#include "gates/core/report/markdown_reporter.h"

#include <sstream>

#include "gates/core/report/describe.h"
#include "gates/core/report/escape.h"
#include "gates/core/report/selection.h"

namespace secgate::core {
namespace {

constexpr size_t kMaxCell = 300;  // Bytes of one value in a table cell.
constexpr Severity kSeverities[] = {Severity::kCritical, Severity::kHigh, Severity::kMedium,
                                    Severity::kLow, Severity::kUnknown};
constexpr Disposition kDispositions[] = {Disposition::kViolation, Disposition::kWaived,
                                         Disposition::kBelowThreshold, Disposition::kIgnored};

std::string Cell(const std::string& s) { return MarkdownEscape(TruncateUtf8(s, kMaxCell)); }
std::string Code(const std::string& s) { return MarkdownCodeSpan(TruncateUtf8(s, kMaxCell)); }

std::string Plural(int n, const std::string& word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::string Heading(const Verdict& v) {
  std::string tool = MarkdownEscape(v.tool.empty() ? "secgate" : v.tool);
  if (v.exit_code == ExitCode::kError) return "### ⚠️ " + tool + ": ERROR\n\n";
  if (v.exit_code == ExitCode::kFail) return "### ❌ " + tool + ": FAIL\n\n";
  return "### ✅ " + tool + ": PASS\n\n";
}

void WriteCounts(const Verdict& v, std::ostream& out) {
  const Summary& s = v.summary;
  out << "**" << Plural(s.violations, "violation") << "** at or above **"
      << SeverityName(v.fail_on) << "**" << MarkdownEscape(OtherThresholds(v)) << " — "
      << Plural(s.findings, "finding");
  if (s.findings_before_dedup != s.findings)
    out << " (" << s.findings_before_dedup << " before dedup)";
  out << ": " << s.waived << " waived, " << s.below_threshold << " below threshold, "
      << s.ignored << " ignored.\n\n";
  std::string classes;
  for (FindingClass c : ClassGroups(v))
    classes += (classes.empty() ? "" : ", ") + ClassTitle(c) + " " +
               std::to_string(s.by_class.at(c));
  if (!classes.empty()) out << "By class: " << classes << ".\n\n";
  if (v.findings.empty()) return;
  // Rows by disposition, columns by reported severity (as summary.by_severity).
  int grid[4][5] = {};
  for (const auto& e : v.findings)
    grid[static_cast<int>(e.disposition)][4 - static_cast<int>(e.finding.severity)]++;
  out << "| | critical | high | medium | low | unknown | total |\n"
      << "|---|---:|---:|---:|---:|---:|---:|\n";
  int column_total[5] = {};
  for (Disposition d : kDispositions) {
    int row = 0;
    out << "| " << DispositionName(d);
    for (int c = 0; c < 5; ++c) {
      int n = grid[static_cast<int>(d)][c];
      row += n;
      column_total[c] += n;
      out << " | " << n;
    }
    out << " | " << row << " |\n";
  }
  out << "| **total**";
  for (int c = 0; c < 5; ++c) out << " | **" << column_total[c] << "**";
  out << " | **" << s.findings << "** |\n\n";
}

std::string What(const Finding& f) {
  if (f.secret.present())
    return Code(f.secret.prefix + "…") + " (" + std::to_string(f.secret.length) + " chars, " +
           Code(f.fingerprint) + (f.test_key ? ", test key" : "") +
           (f.decoded.empty() ? "" : ", decoded " + f.decoded) + ")";
  std::string pkg = PackageLabel(f.package);
  if (!pkg.empty()) return Cell(pkg);
  return Cell(f.title.empty() ? f.message : f.title);
}

std::string Fix(const Finding& f) {
  if (f.gate != Gate::kVuln) return Cell(f.secret.present() ? f.title : f.message);
  std::string s;
  for (const auto& v : f.fixed_versions) s += (s.empty() ? "" : ", ") + Code(v);
  return s.empty() ? "no fix yet" : s;
}

std::string Id(const Finding& f) {
  bool linkable = IsPlainHttpUrl(f.url) && f.url.find_first_of("()") == std::string::npos &&
                  f.url.size() <= kMaxCell;
  return linkable ? "[" + Code(f.id) + "](" + f.url + ")" : Code(f.id);
}

// The violations table, of one class when the verdict mixes classes.
void WriteViolations(const Verdict& v, int max_rows, std::optional<FindingClass> cls,
                     std::ostream& out) {
  ReportSelection sel = SelectWorst(v.findings, max_rows < 0 ? 0 : max_rows,
                                    Disposition::kViolation, cls);
  if (sel.total == 0) return;
  const FindingClass kind = cls ? *cls : NativeClass(v.gate);
  out << "#### Violations" << (cls ? ": " + ClassTitle(*cls) : "") << " (" << sel.total << ")\n\n"
      << "| Severity | ID | " << (kind == FindingClass::kSecret ? "Secret" : "Package")
      << " | " << (kind == FindingClass::kVulnerability ? "Fixed in" : "Details")
      << " | Location |\n"
      << "|---|---|---|---|---|\n";
  for (size_t i : sel.indices) {
    const EvaluatedFinding& e = v.findings[i];
    const Finding& f = e.finding;
    std::string sev(SeverityName(f.severity));
    if (e.severity_assumed) sev += " (as " + std::string(SeverityName(e.effective_severity)) + ")";
    std::string place = FindingPlace(f);
    if (f.location.line > 0) place += ":" + std::to_string(f.location.line);
    out << "| " << sev << " | " << Id(f) << " | " << What(f) << " | " << Fix(f) << " | "
        << Cell(place) << " |\n";
  }
  if (sel.omitted > 0)
    out << "\n…and " << sel.omitted << " more " << (sel.omitted == 1 ? "violation" : "violations")
        << " (see the full report).\n";
  out << "\n";
}

void WriteWaivers(const Verdict& v, WaiverStatus status, int max_rows, std::ostream& out) {
  std::vector<const WaiverDiagnostic*> list;
  for (const auto& d : v.waivers)
    if (d.status == status) list.push_back(&d);
  if (list.empty()) return;
  bool expired = status == WaiverStatus::kExpired;
  out << "#### " << (expired ? "Expired waivers" : "Waivers expiring soon") << " ("
      << list.size() << ")\n\n"
      << "| ID | Owner | " << (expired ? "Expired" : "Expires") << " | "
      << (expired ? "Matches" : "Days left") << " | Ticket | Reason |\n"
      << "|---|---|---|---:|---|---|\n";
  int shown = 0;
  for (const WaiverDiagnostic* d : list) {
    if (shown++ >= max_rows) break;
    const Waiver& w = d->waiver;
    out << "| " << Code(w.id) << " | " << Cell(w.owner) << " | "
        << (w.expires ? w.expires->ToString() : "?") << " | "
        << (expired ? d->matches : d->days_left) << " | " << Cell(w.ticket) << " | "
        << Cell(w.reason) << " |\n";
  }
  if (static_cast<int>(list.size()) > max_rows)
    out << "\n…and " << (list.size() - max_rows) << " more.\n";
  if (expired) out << "\nAn expired waiver no longer waives: renew it or fix the finding.\n";
  out << "\n";
}

void WriteFooter(const Verdict& v, std::ostream& out) {
  for (const auto& in : v.inputs) {
    out << "- Input " << Code(in.path) << " (" << Cell(in.format) << ", "
        << Plural(in.findings, "finding");
    for (const auto& [what, n] : in.skipped) out << ", " << n << " " << Cell(what) << " not gated";
    out << ")\n";
  }
  for (const auto& n : v.notes) out << "- Note: " << Cell(n) << "\n";
  if (!v.inputs.empty() || !v.notes.empty()) out << "\n";
}

}  // namespace

void MarkdownReporter::Write(const Verdict& v, std::ostream& out) const {
  std::ostringstream md;
  md << Heading(v);
  if (v.exit_code == ExitCode::kError) {
    md << "The gate could not run, so it fails closed: " << MarkdownEscape(v.error) << "\n\n";
  } else {
    WriteCounts(v, md);
    const std::vector<FindingClass> groups = ClassGroups(v);
    if (groups.empty()) WriteViolations(v, o_.max_rows, std::nullopt, md);
    for (FindingClass cls : groups) WriteViolations(v, o_.max_rows, cls, md);
    WriteWaivers(v, WaiverStatus::kExpiringSoon, o_.max_rows, md);
    WriteWaivers(v, WaiverStatus::kExpired, o_.max_rows, md);
    WriteFooter(v, md);
  }
  std::string text = md.str();
  if (text.size() > max_bytes_) {
    const std::string note = "\n_Summary truncated to stay under " +
                             std::to_string(max_bytes_) + " bytes; see the full report._\n";
    size_t keep = max_bytes_ > note.size() ? max_bytes_ - note.size() : 0;
    size_t line_end = text.rfind('\n', keep);
    text.resize(line_end == std::string::npos ? 0 : line_end + 1);
    text += note;
  }
  out << text;
}

}  // namespace secgate::core
