#include "gates/cli/output.h"

#include <cstdlib>
#include <fstream>
#include <iostream>

#include "gates/core/report/selection.h"

namespace secgate::cli {

using core::Error;
using core::Result;

Result<std::vector<ReportSpec>> ParseReportSpecs(const std::vector<std::string>& specs) {
  std::vector<ReportSpec> out;
  int to_stdout = 0;
  for (const auto& spec : specs) {
    size_t eq = spec.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size())
      return Error{"--report", "expected FORMAT=PATH, got '" + spec + "'"};
    ReportSpec r{spec.substr(0, eq), spec.substr(eq + 1)};
    auto rep = core::MakeReporter(r.format, {});
    if (!rep) return Error{"--report", rep.error().message};
    if (r.path == "-" && ++to_stdout > 1)
      return Error{"--report", "only one report can go to stdout ('-'), got '" + spec + "'"};
    out.push_back(r);
  }
  return out;
}

bool GithubMode(const CommonOptions& o) {
  const char* actions = std::getenv("GITHUB_ACTIONS");
  bool under_actions = actions && std::string(actions) == "true";
  return (o.github || under_actions) && !o.no_github;
}

bool AnyReportOnStdout(const std::vector<ReportSpec>& specs) {
  for (const auto& r : specs)
    if (r.path == "-") return true;
  return false;
}

void NoteSarifCut(core::Verdict& v, const std::vector<ReportSpec>& specs) {
  bool sarif = false;
  for (const auto& r : specs) sarif |= r.format == "sarif";
  if (!sarif) return;
  core::ReportSelection sel = core::SelectWorst(v.findings, core::kSarifMaxResults);
  if (sel.omitted == 0) return;
  v.notes.push_back("SARIF: the " + std::to_string(sel.indices.size()) + " worst of " +
                    std::to_string(sel.total) + " results written, " +
                    std::to_string(sel.omitted) +
                    " left out (GitHub code scanning accepts at most " +
                    std::to_string(core::kSarifMaxResults) + " per run)");
}

bool WriteReports(const core::Verdict& v, const std::vector<ReportSpec>& specs,
                  const core::ReportOptions& o, const std::string& tool) {
  bool ok = true;
  for (const auto& r : specs) {
    auto rep = core::MakeReporter(r.format, o);
    if (!rep) {
      std::cerr << tool << ": error: " << rep.error().ToString() << "\n";
      ok = false;
      continue;
    }
    if (r.path == "-") {
      (*rep)->Write(v, std::cout);
      std::cout.flush();
      if (!std::cout) {
        std::cerr << tool << ": error: stdout: cannot write " << r.format << " report\n";
        ok = false;
      }
      continue;
    }
    std::ofstream out(r.path, std::ios::binary | std::ios::trunc);
    if (out) (*rep)->Write(v, out);
    out.close();
    if (!out) {
      std::cerr << tool << ": error: " << core::SanitizeForTerminal(r.path) << ": cannot write "
                << r.format << " report\n";
      ok = false;
    }
  }
  return ok;
}

bool WriteGithub(const core::Verdict& v, std::ostream& annotations, const std::string& tool) {
  auto github = core::MakeReporter("github", {});
  (*github)->Write(v, annotations);
  annotations.flush();
  const char* path = std::getenv("GITHUB_STEP_SUMMARY");
  if (!path || !*path) return true;
  // Append: other steps' tools write to the same file (never overwrite).
  std::ofstream out(path, std::ios::binary | std::ios::app);
  if (out) {
    out << "\n";  // Never run into the last line of what is already there.
    (*core::MakeReporter("markdown", core::ReportOptions{}))->Write(v, out);
  }
  out.close();
  if (!out) {
    std::cerr << tool << ": error: " << core::SanitizeForTerminal(path)
              << ": cannot append the job summary ($GITHUB_STEP_SUMMARY)\n";
    return false;
  }
  return true;
}

}  // namespace secgate::cli
