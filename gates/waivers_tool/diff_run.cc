// `secgate-waivers diff` as a command: reads the verdict files and the git
// range its options name, compares (diff.h) and writes the chosen format.
#include <cstdlib>
#include <ostream>

#include "gates/waivers_tool/context.h"
#include "gates/waivers_tool/diff.h"
#include "gates/waivers_tool/git_changes.h"

namespace secgate::waivers {

core::ExitCode RunDiff(const DiffConfig& c, std::ostream& err) {
  DiffReport report;
  report.policy = c.policy.pr;
  if (c.base.empty() != c.head.empty())
    return ReportError({c.base.empty() ? "--base" : "--head",
                        "give --base and --head together (JSON verdicts of the base and the head)"},
                       err);
  if (c.base.empty() && c.git.empty())
    return ReportError({"diff", "nothing to compare: give --base and --head, --git BASE..HEAD, or both"},
                       err);
  if (c.format != "text" && c.format != "markdown" && c.format != "json")
    return ReportError({"--format", "unknown format '" + c.format +
                                        "' (expected text, markdown or json)"},
                       err);
  if (!c.base.empty()) {
    auto base = ReadResultFiles(c.base);
    if (!base) return ReportError(base.error(), err);
    auto head = ReadResultFiles(c.head);
    if (!head) return ReportError(head.error(), err);
    auto d = CompareVerdicts(*base, *head);
    if (!d) return ReportError(d.error(), err);
    report.verdicts = std::move(*d);
  }
  if (!c.git.empty()) {
    GitChangesConfig g;
    g.range = c.git;
    g.waiver_file = c.waivers.empty() ? kDefaultWaiverFile : c.waivers;
    auto changes = ReadGitChanges(g, c.policy.waivers, c.today);
    if (!changes) return ReportError(changes.error(), err);
    report.exemptions = std::move(changes->changes);
    report.range = c.git;
  }
  std::string text;
  if (c.format == "json") {
    text = RenderDiffJson(report);
  } else if (c.format == "markdown") {
    MarkdownOptions mo;
    const char* server = std::getenv("GITHUB_SERVER_URL");
    const char* repo = std::getenv("GITHUB_REPOSITORY");
    const char* run = std::getenv("GITHUB_RUN_ID");
    if (server && repo && run && *server && *repo && *run)
      mo.summary_url = std::string(server) + "/" + repo + "/actions/runs/" + run;
    text = RenderDiffMarkdown(report, mo);
  } else {
    text = RenderDiffText(report);
  }
  if (core::Status s = WriteOutput(c.output, text); !s) return ReportError(s.error(), err);
  return report.exit_code();
}

}  // namespace secgate::waivers
