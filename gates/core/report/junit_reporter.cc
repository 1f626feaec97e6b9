#include "gates/core/report/junit_reporter.h"

#include <map>
#include <sstream>

#include "gates/core/report/describe.h"
#include "gates/core/report/escape.h"

namespace secgate::core {
namespace {

std::string Attr(const std::string& s) { return XmlEscape(s, /*attribute=*/true); }
std::string Body(const std::string& s) { return XmlEscape(s, /*attribute=*/false); }

struct Suite {
  std::string input;
  std::string cls;  ///< Class name when the verdict mixes classes, else "".
  std::vector<const EvaluatedFinding*> findings;
  int failures = 0, skipped = 0;
};

// Suites in the order of the verdict's inputs, then any input only the
// findings name (a gate that does not fill Verdict::inputs). When the
// verdict mixes classes, one suite per input and class.
std::vector<Suite> GroupByInput(const Verdict& v) {
  std::vector<Suite> suites;
  std::map<std::pair<std::string, std::string>, size_t> index;
  const bool by_class = !ClassGroups(v).empty();
  auto suite_for = [&](const std::string& input, const std::string& cls) -> Suite& {
    auto [it, added] = index.emplace(std::make_pair(input, cls), suites.size());
    if (added) suites.push_back(Suite{input, cls, {}, 0, 0});
    return suites[it->second];
  };
  for (const auto& in : v.inputs)
    if (!by_class || in.findings == 0) suite_for(in.path, "");
  for (const auto& e : v.findings) {
    Suite& s = suite_for(e.finding.input,
                         by_class ? std::string(ClassName(ClassOf(e.finding))) : "");
    s.findings.push_back(&e);
    s.failures += e.disposition == Disposition::kViolation;
    s.skipped += e.disposition == Disposition::kWaived;
  }
  if (suites.empty()) suite_for("", "");
  return suites;
}

std::string Details(const Verdict& v, const EvaluatedFinding& e) {
  const Finding& f = e.finding;
  std::ostringstream d;
  d << "id: " << f.id << "\n";
  for (const auto& a : f.aliases) d << "alias: " << a << "\n";
  d << "severity: " << SeverityName(f.severity);
  if (f.score > 0) d << " (CVSS " << FormatScore(f.score) << ")";
  d << "\n";
  if (!f.package.name.empty()) d << "package: " << PackageLabel(f.package) << "\n";
  if (!f.package.purl.empty()) d << "purl: " << f.package.purl << "\n";
  for (const auto& fix : f.fixed_versions) d << "fixed in: " << fix << "\n";
  std::string place = FindingPlace(f);
  if (!place.empty())
    d << "location: " << place
      << (f.location.line > 0 ? ":" + std::to_string(f.location.line) : "") << "\n";
  if (!f.location.target.empty() && f.location.target != place)
    d << "target: " << f.location.target << "\n";
  if (f.secret.present()) d << "secret: " << SecretLabel(f) << "\n";
  if (!f.title.empty()) d << "title: " << f.title << "\n";
  if (!f.url.empty()) d << "url: " << f.url << "\n";
  d << "fingerprint: " << f.fingerprint << "\n";
  d << DescribeFinding(v, e) << "\n";
  return d.str();
}

std::string CaseName(const EvaluatedFinding& e) {
  const Finding& f = e.finding;
  std::string pkg = PackageLabel(f.package);
  std::string name = f.id + (pkg.empty() ? "" : " " + pkg);
  if (f.gate == Gate::kSecrets && f.location.line > 0)
    name += " line " + std::to_string(f.location.line);
  return name;
}

void WriteCase(const Verdict& v, const EvaluatedFinding& e, const std::string& tool,
               std::ostream& out) {
  const Finding& f = e.finding;
  std::string place = FindingPlace(f);
  out << "    <testcase classname=\"" << Attr(place.empty() ? tool : place) << "\" name=\""
      << Attr(CaseName(e)) << "\"";
  switch (e.disposition) {
    case Disposition::kViolation:
      out << ">\n      <failure message=\"" << Attr(DescribeFinding(v, e)) << "\" type=\""
          << SeverityName(e.effective_severity) << "\">" << Body(Details(v, e))
          << "</failure>\n    </testcase>\n";
      return;
    case Disposition::kWaived:
      out << ">\n      <skipped message=\"" << Attr(DescribeFinding(v, e)) << "\"/>\n"
          << "    </testcase>\n";
      return;
    case Disposition::kBelowThreshold:
    case Disposition::kIgnored:
      out << "/>\n";
      return;
  }
}

void WriteError(const Verdict& v, const std::string& tool, std::ostream& out) {
  out << "<testsuites name=\"" << Attr(tool) << "\" tests=\"1\" failures=\"0\" errors=\"1\" "
      << "skipped=\"0\">\n"
      << "  <testsuite name=\"" << Attr(tool) << "\" tests=\"1\" failures=\"0\" errors=\"1\" "
      << "skipped=\"0\">\n"
      << "    <testcase classname=\"" << Attr(tool) << "\" name=\"run\">\n"
      << "      <error message=\"" << Attr(v.error) << "\" type=\"error\">" << Body(v.error)
      << "</error>\n    </testcase>\n  </testsuite>\n</testsuites>\n";
}

}  // namespace

void JunitReporter::Write(const Verdict& v, std::ostream& out) const {
  const std::string tool = v.tool.empty() ? "secgate" : v.tool;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  if (v.exit_code == ExitCode::kError) {
    WriteError(v, tool, out);
    return;
  }
  std::vector<Suite> suites = GroupByInput(v);
  int tests = 0, failures = 0, skipped = 0;
  for (const auto& s : suites) {
    tests += s.findings.empty() ? 1 : static_cast<int>(s.findings.size());
    failures += s.failures;
    skipped += s.skipped;
  }
  out << "<testsuites name=\"" << Attr(tool) << "\" tests=\"" << tests << "\" failures=\""
      << failures << "\" errors=\"0\" skipped=\"" << skipped << "\">\n";
  for (const auto& s : suites) {
    int n = s.findings.empty() ? 1 : static_cast<int>(s.findings.size());
    std::string name = tool + (s.input.empty() ? "" : ": " + s.input) +
                       (s.cls.empty() ? "" : " (" + s.cls + ")");
    out << "  <testsuite name=\"" << Attr(name) << "\" tests=\"" << n << "\" failures=\""
        << s.failures << "\" errors=\"0\" skipped=\"" << s.skipped << "\">\n";
    if (s.findings.empty()) {
      out << "    <testcase classname=\"" << Attr(s.input.empty() ? tool : s.input)
          << "\" name=\"" << Attr("no findings (" + std::string(GateName(v.gate)) + ")")
          << "\"/>\n";
    }
    for (const EvaluatedFinding* e : s.findings) WriteCase(v, *e, tool, out);
    // Classes another gate gates (Trivy misconfigurations): never silent.
    if (&s == &suites.front() && !v.not_gated.empty()) {
      std::string text;
      for (const auto& n : v.not_gated) text += n + "\n";
      out << "    <system-out>" << Body(text) << "</system-out>\n";
    }
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

}  // namespace secgate::core
