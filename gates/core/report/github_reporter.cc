#include "gates/core/report/github_reporter.h"

#include "gates/core/report/describe.h"
#include "gates/core/report/escape.h"

namespace secgate::core {
namespace {

// Annotations are one line each; a huge title or message is noise.
constexpr size_t kMaxTitle = 200;
constexpr size_t kMaxMessage = 2000;

struct Param {
  const char* key;
  std::string value;
};

void Command(std::ostream& out, const char* kind, const std::vector<Param>& params,
             const std::string& message) {
  out << "::" << kind;
  bool first = true;
  for (const auto& p : params) {
    if (p.value.empty()) continue;
    out << (first ? " " : ",") << p.key << "=" << GithubEscapeProperty(p.value);
    first = false;
  }
  out << "::" << GithubEscapeData(TruncateUtf8(ValidUtf8(message), kMaxMessage)) << "\n";
}

// The file an annotation attaches to: a real file only (a lockfile, the
// file holding a secret, the SBOM); a scan target such as an image name is
// not one.
std::string AnnotationFile(const Finding& f) {
  if (!f.location.path.empty()) return f.location.path;
  if (f.gate == Gate::kSbom) return f.input;
  return "";
}

std::string Line(int line) { return line > 0 ? std::to_string(line) : ""; }

std::string Count(size_t n, const std::string& word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

}  // namespace

void GithubReporter::Write(const Verdict& v, std::ostream& out) const {
  const std::string tool = v.tool.empty() ? "secgate" : v.tool;
  if (v.exit_code == ExitCode::kError) {
    Command(out, "error", {{"title", tool + " could not run"}}, v.error);
    return;
  }
  ReportSelection sel = SelectWorst(v.findings, max_, Disposition::kViolation);
  for (size_t i : sel.indices) {
    const EvaluatedFinding& e = v.findings[i];
    Command(out, "error",
            {{"file", AnnotationFile(e.finding)},
             {"line", Line(e.finding.location.line)},
             {"title", TruncateUtf8(FindingTitle(e), kMaxTitle)}},
            DescribeFinding(v, e));
  }

  std::vector<const WaiverDiagnostic*> flagged;
  for (WaiverStatus want : {WaiverStatus::kExpired, WaiverStatus::kExpiringSoon})
    for (const auto& d : v.waivers)
      if (d.status == want) flagged.push_back(&d);
  const std::string waiver_file = v.waivers_source == "none" ? "" : v.waivers_source;
  size_t warnings = std::min(flagged.size(), max_);
  for (size_t k = 0; k < warnings; ++k) {
    const WaiverDiagnostic& d = *flagged[k];
    const Waiver& w = d.waiver;
    std::string date = w.expires ? w.expires->ToString() : "?";
    std::string title = d.status == WaiverStatus::kExpired
                            ? "Waiver " + w.id + " expired on " + date
                            : "Waiver " + w.id + " expires in " + Count(d.days_left, "day");
    std::string reason = w.reason;
    if (!reason.empty() && reason.back() != '.') reason += '.';
    std::string message = "Owner " + w.owner + (w.ticket.empty() ? "" : ", ticket " + w.ticket) +
                          ". " + reason +
                          (d.status == WaiverStatus::kExpired
                               ? " It no longer waives anything: renew it or fix the finding."
                               : "");
    Command(out, "warning",
            {{"file", waiver_file}, {"line", Line(w.line)}, {"title", TruncateUtf8(title, kMaxTitle)}},
            message);
  }

  const Summary& s = v.summary;
  std::string roll = Count(s.findings, "finding") + ", " + Count(s.violations, "violation") +
                     ", " + std::to_string(s.waived) + " waived, " +
                     std::to_string(s.below_threshold) + " below threshold, " +
                     std::to_string(s.ignored) + " ignored";
  if (sel.omitted > 0) roll += "; " + std::to_string(sel.omitted) + " more violations not annotated";
  if (flagged.size() > warnings)
    roll += "; " + std::to_string(flagged.size() - warnings) + " more waiver warnings";
  Command(out, "notice", {{"title", tool + ": " + std::string(VerdictName(v) == "pass" ? "pass" : "fail")}},
          roll + " (see the job summary)");
}

}  // namespace secgate::core
