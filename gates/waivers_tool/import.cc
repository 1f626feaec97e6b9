#include "gates/waivers_tool/import.h"

#include <cctype>
#include <ostream>
#include <set>

#include "gates/cli/common.h"
#include "gates/core/io.h"
#include "gates/waivers_tool/context.h"
#include "gates/waivers_tool/entry_lines.h"

namespace secgate::waivers {

namespace {

struct FormatInfo {
  ImportFormat format;
  const char* name;
};

constexpr FormatInfo kFormats[] = {
    {ImportFormat::kTrivyIgnore, "trivyignore"}, {ImportFormat::kTrivyYaml, "trivyignore-yaml"},
    {ImportFormat::kGrype, "grype"},             {ImportFormat::kOsvScanner, "osv-scanner"},
    {ImportFormat::kAuditCi, "audit-ci"},        {ImportFormat::kNsprc, "nsprc"},
    {ImportFormat::kGitleaks, "gitleaksignore"},
};

std::string BaseName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool LooksLikeGitleaks(std::string_view text) {
  int entries = 0;
  for (const auto& line : SplitLines(text)) {
    if (IsBlankOrComment(line)) continue;
    size_t colon = line.rfind(':');
    if (colon == std::string::npos || colon + 1 == line.size()) return false;
    for (size_t i = colon + 1; i < line.size(); ++i)
      if (!std::isdigit(static_cast<unsigned char>(line[i]))) return false;
    if (line.find(':') == colon || line.find(' ') != std::string::npos) return false;
    ++entries;
  }
  return entries > 0;
}

std::optional<ImportFormat> FromContent(std::string_view text) {
  size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return std::nullopt;
  if (text[first] == '{')
    return text.find("\"allowlist\"") != std::string_view::npos ? ImportFormat::kAuditCi
                                                                : ImportFormat::kNsprc;
  if (text.find("[[IgnoredVulns]]") != std::string_view::npos ||
      text.find("[[PackageOverrides]]") != std::string_view::npos)
    return ImportFormat::kOsvScanner;
  for (const auto& line : SplitLines(text)) {
    if (line.rfind("ignore:", 0) == 0) return ImportFormat::kGrype;
    for (const char* k : {"vulnerabilities:", "misconfigurations:", "secrets:", "licenses:"})
      if (line.rfind(k, 0) == 0) return ImportFormat::kTrivyYaml;
  }
  if (LooksLikeGitleaks(text)) return ImportFormat::kGitleaks;
  // .trivyignore: every content line starts with an advisory-looking id.
  for (const auto& line : SplitLines(text)) {
    if (IsBlankOrComment(line)) continue;
    size_t start = line.find_first_not_of(" \t");
    if (!std::isalnum(static_cast<unsigned char>(line[start])) || line.find('-') == std::string::npos)
      return std::nullopt;
  }
  return ImportFormat::kTrivyIgnore;
}

}  // namespace

std::string_view ImportFormatName(ImportFormat f) {
  for (const auto& i : kFormats)
    if (i.format == f) return i.name;
  return "?";
}

std::optional<ImportFormat> ImportFormatByName(std::string_view name) {
  for (const auto& i : kFormats)
    if (name == i.name) return i.format;
  return std::nullopt;
}

std::string ImportFormatNames() {
  std::string s;
  for (const auto& i : kFormats) s += (s.empty() ? "" : ", ") + std::string(i.name);
  return s;
}

core::Result<ImportFormat> DetectImportFormat(const std::string& path, std::string_view text) {
  std::string base = BaseName(path);
  if (base == ".trivyignore") return ImportFormat::kTrivyIgnore;
  if (base == ".trivyignore.yaml" || base == ".trivyignore.yml") return ImportFormat::kTrivyYaml;
  if (base == ".grype.yaml" || base == ".grype.yml" || base == "grype.yaml")
    return ImportFormat::kGrype;
  if (base == "osv-scanner.toml") return ImportFormat::kOsvScanner;
  if (base == "audit-ci.json" || base == "audit-ci.jsonc" || base == ".audit-ci.json")
    return ImportFormat::kAuditCi;
  if (base == ".nsprc") return ImportFormat::kNsprc;
  if (base == ".gitleaksignore") return ImportFormat::kGitleaks;
  if (auto f = FromContent(text)) return *f;
  return core::Error{path, "unknown ignore-file format (expected one of: " + ImportFormatNames() +
                               "; name it with --format)"};
}

core::Result<std::vector<DraftWaiver>> ImportText(ImportFormat format, std::string_view text,
                                                  const ImportContext& ctx) {
  if (std::string bad = core::CheckUtf8(text); !bad.empty()) return core::Error{ctx.path, bad};
  switch (format) {
    case ImportFormat::kTrivyIgnore: return ImportTrivyIgnore(text, ctx);
    case ImportFormat::kTrivyYaml: return ImportTrivyYaml(text, ctx);
    case ImportFormat::kGrype: return ImportGrype(text, ctx);
    case ImportFormat::kOsvScanner: return ImportOsvScanner(text, ctx);
    case ImportFormat::kAuditCi: return ImportAuditCi(text, ctx);
    case ImportFormat::kNsprc: return ImportNsprc(text, ctx);
    case ImportFormat::kGitleaks: return ImportGitleaks(text, ctx);
  }
  return core::Error{ctx.path, "unknown format"};
}

DraftWaiver NewDraft(const ImportContext& ctx, int line, std::string_view tool) {
  DraftWaiver d;
  d.created = ctx.today;
  d.comments.push_back("imported from " + ctx.path + (line > 0 ? ":" + std::to_string(line) : "") +
                       " (" + std::string(tool) + ")");
  return d;
}

void FillPlaceholders(DraftWaiver* d) {
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

void SetExpiry(DraftWaiver* d, std::string_view raw) {
  if (raw.empty()) return;
  if (auto date = NormalizeDate(raw)) {
    d->expires = *date;
  } else {
    d->expires = "TODO: expiry";
    d->comments.push_back("expiry '" + std::string(raw) + "' is not a YYYY-MM-DD date");
  }
}

core::ExitCode RunImport(const ImportConfig& c, std::ostream& err) {
  std::optional<ImportFormat> forced;
  if (!c.format.empty()) {
    forced = ImportFormatByName(c.format);
    if (!forced)
      return ReportError({"--format", "unknown format '" + c.format + "' (expected one of: " +
                                          ImportFormatNames() + ")"},
                         err);
  }
  std::vector<DraftWaiver> all;
  std::set<std::string> keys;
  int dropped = 0;
  for (const auto& path : c.files) {
    auto text = cli::ReadSmallFile(path);
    if (!text) return ReportError(text.error(), err);
    auto format = forced ? core::Result<ImportFormat>(*forced) : DetectImportFormat(path, *text);
    if (!format) return ReportError(format.error(), err);
    auto drafts = ImportText(*format, *text, {path, c.today.ToString()});
    if (!drafts) return ReportError(drafts.error(), err);
    err << kTool << ": import: " << path << " (" << ImportFormatName(*format) << "): "
        << drafts->size() << " waiver" << (drafts->size() == 1 ? "" : "s") << "\n";
    for (auto& d : *drafts) {
      if (!keys.insert(DraftKey(d)).second) {
        ++dropped;
        continue;
      }
      all.push_back(std::move(d));
    }
  }
  if (dropped) err << kTool << ": import: " << dropped << " duplicate entries dropped\n";
  std::string yaml = WaiverFileYaml(
      all, {"secgate waiver file imported by secgate-waivers import.",
            "Replace every TODO (owner, reason, expiry) and run: secgate-waivers lint"});
  if (auto s = WriteOutput(c.output, yaml); !s) return ReportError(s.error(), err);
  return core::ExitCode::kPass;
}

}  // namespace secgate::waivers
