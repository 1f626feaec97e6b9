#include "gates/waivers_tool/import.h"

#include <algorithm>
#include <ostream>
#include <set>

#include "gates/core/io.h"
#include "gates/waivers_tool/context.h"
#include "gates/waivers_tool/entry_lines.h"

namespace secgate::waivers {

namespace {

std::string BaseName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

const ImportSource* ImportSourceByName(std::string_view name) {
  for (const ImportSource* s : ImportSources())
    if (s->name == name) return s;
  return nullptr;
}

std::string ImportSourceNames() {
  std::string names;
  for (const ImportSource* s : ImportSources())
    names += (names.empty() ? "" : ", ") + std::string(s->name);
  return names;
}

core::Result<const ImportSource*> DetectImportSource(const std::string& path,
                                                     std::string_view text) {
  std::string base = BaseName(path);
  for (const ImportSource* s : ImportSources())
    for (std::string_view name : s->file_names)
      if (base == name) return s;
  std::vector<const ImportSource*> by_rank = ImportSources();
  std::stable_sort(by_rank.begin(), by_rank.end(),
                   [](auto* a, auto* b) { return a->sniff_rank < b->sniff_rank; });
  for (const ImportSource* s : by_rank)
    if (s->sniff != nullptr && s->sniff(text)) return s;
  return core::Error{path, "unknown ignore-file format (expected one of: " + ImportSourceNames() +
                               "; name it with --format)"};
}

ImportResult ImportText(const ImportSource& source, std::string_view text,
                        const ImportContext& ctx) {
  if (std::string bad = core::CheckUtf8(text); !bad.empty()) return core::Error{ctx.path, bad};
  return source.read(text, ctx);
}

std::string_view YamlIgnoreFileKey(std::string_view text) {
  static constexpr std::string_view kKeys[] = {"ignore:", "vulnerabilities:", "misconfigurations:",
                                               "secrets:", "licenses:"};
  for (const auto& line : SplitLines(text))
    for (std::string_view k : kKeys)
      if (line.rfind(k, 0) == 0) return k;
  return {};
}

char FirstNonBlank(std::string_view text) {
  size_t first = text.find_first_not_of(" \t\r\n");
  return first == std::string_view::npos ? '\0' : text[first];
}

core::DraftWaiver NewDraft(const ImportContext& ctx, int line, std::string_view tool) {
  core::DraftWaiver d;
  d.created = ctx.today;
  d.comments.push_back("imported from " + ctx.path + (line > 0 ? ":" + std::to_string(line) : "") +
                       " (" + std::string(tool) + ")");
  return d;
}

void FillPlaceholders(core::DraftWaiver* d) {
  if (d->id.empty()) d->id = "TODO: id";
  if (d->reason.empty()) d->reason = "TODO: reason (the source gave none)";
  if (d->owner.empty()) d->owner = "TODO: owner";
  if (d->expires.empty()) d->expires = "TODO: expiry";
}

std::optional<std::string> NormalizeDate(std::string_view text) {
  if (text.size() < 10) return std::nullopt;
  if (text.size() > 10 && text[10] != 'T' && text[10] != ' ' && text[10] != 't')
    return std::nullopt;
  auto d = core::ParseDate(text.substr(0, 10));
  if (!d) return std::nullopt;
  return d->ToString();
}

void SetExpiry(core::DraftWaiver* d, std::string_view raw) {
  if (raw.empty()) return;
  if (auto date = NormalizeDate(raw)) {
    d->expires = *date;
  } else {
    d->expires = "TODO: expiry";
    d->comments.push_back("expiry '" + std::string(raw) + "' is not a YYYY-MM-DD date");
  }
}

core::ExitCode RunImport(const ImportConfig& c, std::ostream& err) {
  const ImportSource* forced = nullptr;
  if (!c.format.empty()) {
    forced = ImportSourceByName(c.format);
    if (forced == nullptr)
      return ReportError({"--format", "unknown format '" + c.format + "' (expected one of: " +
                                          ImportSourceNames() + ")"},
                         err);
  }
  std::vector<core::DraftWaiver> all;
  std::set<std::string> keys;
  int dropped = 0;
  for (const auto& path : c.files) {
    auto text = core::ReadConfigFile(path);
    if (!text) return ReportError(text.error(), err);
    auto source = forced ? core::Result<const ImportSource*>(forced) : DetectImportSource(path, *text);
    if (!source) return ReportError(source.error(), err);
    auto drafts = ImportText(**source, *text, {path, c.today.ToString()});
    if (!drafts) return ReportError(drafts.error(), err);
    err << kTool << ": import: " << path << " (" << (*source)->name << "): "
        << drafts->size() << " waiver" << (drafts->size() == 1 ? "" : "s") << "\n";
    for (auto& d : *drafts) {
      if (!keys.insert(core::DraftKey(d)).second) {
        ++dropped;
        continue;
      }
      all.push_back(std::move(d));
    }
  }
  if (dropped) err << kTool << ": import: " << dropped << " duplicate entries dropped\n";
  std::string yaml = core::WaiverFileYaml(
      all, {"secgate waiver file imported by secgate-waivers import.",
            "Replace every TODO (owner, reason, expiry) and run: secgate-waivers lint"});
  if (auto s = WriteOutput(c.output, yaml); !s) return ReportError(s.error(), err);
  return core::ExitCode::kPass;
}

}  // namespace secgate::waivers
