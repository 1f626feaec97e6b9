#include "gates/waivers_tool/report.h"

#include <ostream>

#include "gates/waivers_tool/context.h"

namespace secgate::waivers {

const std::vector<WaiverReportFormat>& WaiverReportFormats() {
  static const std::vector<WaiverReportFormat> kFormats = {
      {"text", RenderText},
      {"markdown", RenderMarkdown},
      {"html", RenderHtml},
      {"json", RenderJson},
  };
  return kFormats;
}

const WaiverReportFormat* FindWaiverReportFormat(const std::string& name) {
  for (const auto& f : WaiverReportFormats())
    if (name == f.name) return &f;
  return nullptr;
}

std::string WaiverReportFormatNames() {
  const auto& all = WaiverReportFormats();
  std::string out;
  for (size_t i = 0; i < all.size(); ++i)
    out += std::string(i == 0 ? "" : i + 1 == all.size() ? " or " : ", ") + all[i].name;
  return out;
}

std::string AddedText(const ReportEntry& e, const WaiverReport& r) {
  const EntryHistory& h = e.history;
  if (!h.committed) return r.history_note.empty() ? "not committed" : r.history_note;
  return h.added.author + " <" + h.added.email + "> on " + h.added.date + " (" +
         h.added.id.substr(0, 10) + ")";
}

std::string ChangedText(const ReportEntry& e) {
  const EntryHistory& h = e.history;
  if (!h.committed) return "not committed";
  std::string s = h.changed.author + " <" + h.changed.email + "> on " + h.changed.date + " (" +
                  h.changed.id.substr(0, 10) + ")";
  if (h.uncommitted_changes) s += ", plus changes not committed";
  return s;
}

std::string FindingText(const core::Finding& f) {
  std::string s = f.id;
  if (!f.package.purl.empty()) s += " in " + f.package.purl;
  else if (!f.package.name.empty())
    s += " in " + f.package.name + (f.package.version.empty() ? "" : "@" + f.package.version);
  std::string where = !f.location.path.empty() ? f.location.path : f.location.target;
  if (!where.empty()) s += " (" + where + ")";
  return s;
}

core::ExitCode RunReport(const ReportConfig& c, std::ostream& err) {
  const WaiverReportFormat* format = FindWaiverReportFormat(c.format);
  if (!format)
    return ReportError(
        {"--format", "expected " + WaiverReportFormatNames() + ", got '" + c.format + "'"}, err);
  if (c.fail_on != "expired" && c.fail_on != "expiring" && c.fail_on != "never")
    return ReportError({"--fail-on", "expected expired, expiring or never, got '" + c.fail_on + "'"},
                       err);
  auto loaded = LoadWaivers(c.waivers, c.policy, c.today);
  if (!loaded) return ReportError(loaded.error(), err);
  auto results = ReadResultFiles(c.results);
  if (!results) return ReportError(results.error(), err);
  auto blame = BlameFile(loaded->path, loaded->text);
  if (!blame) return ReportError(blame.error(), err);
  WaiverReport r = BuildReport(*loaded, *results, c.policy, c.today, *blame);

  const std::string text = format->render(r);
  if (auto s = WriteOutput(c.output, text); !s) return ReportError(s.error(), err);

  int failing = 0;
  if (c.fail_on != "never") failing = r.by_status["expired"] + r.by_status["invalid"];
  if (c.fail_on == "expiring") failing += r.by_status["expiring"];
  if (failing > 0) {
    err << kTool << ": " << failing << " waiver" << (failing == 1 ? "" : "s")
        << " failing --fail-on " << c.fail_on << "\n";
    return core::ExitCode::kFail;
  }
  return core::ExitCode::kPass;
}

}  // namespace secgate::waivers
