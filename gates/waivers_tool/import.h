// `secgate-waivers import FILE...`: converts the ignore files teams already
// have into secgate waivers. One file per source format:
//   import_trivy.cc     .trivyignore, .trivyignore.yaml
//   import_grype.cc     .grype.yaml ignore rules
//   import_osv.cc       osv-scanner.toml [[IgnoredVulns]] (toml.h)
//   import_npm.cc       audit-ci allowlists, .nsprc
//   import_gitleaks.cc  .gitleaksignore
// Reasons and expiry dates are kept where the source has them; a missing
// owner, reason or expiry becomes a "TODO: …" placeholder, which core treats
// as missing, so the output lints as invalid until someone fills it in.
// Every entry carries a comment naming the file and line it came from.
//
//   auto fmt = DetectImportFormat(".trivyignore", text);
//   auto drafts = ImportText(*fmt, text, {.path = ".trivyignore", .today = "2026-01-01"});
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gates/core/date.h"
#include "gates/core/error.h"
#include "gates/core/exit_code.h"
#include "gates/waivers_tool/yaml_writer.h"

namespace secgate::waivers {

enum class ImportFormat { kTrivyIgnore, kTrivyYaml, kGrype, kOsvScanner, kAuditCi, kNsprc, kGitleaks };

/// "trivyignore", "trivyignore-yaml", "grype", "osv-scanner", "audit-ci",
/// "nsprc", "gitleaksignore".
std::string_view ImportFormatName(ImportFormat f);
std::optional<ImportFormat> ImportFormatByName(std::string_view name);
/// Every format name, comma-separated, for help and errors.
std::string ImportFormatNames();

/// The format from the file name, else from the content. Error when neither
/// says: "<path>: unknown ignore-file format (…)".
core::Result<ImportFormat> DetectImportFormat(const std::string& path, std::string_view text);

struct ImportContext {
  std::string path;   ///< Shown in comments and errors.
  std::string today;  ///< YYYY-MM-DD: the `created` date of every entry.
};

/// Converts one file's text. Errors name the file and line.
core::Result<std::vector<DraftWaiver>> ImportText(ImportFormat format, std::string_view text,
                                                  const ImportContext& ctx);

// The per-format converters (same contract as ImportText).
core::Result<std::vector<DraftWaiver>> ImportTrivyIgnore(std::string_view, const ImportContext&);
core::Result<std::vector<DraftWaiver>> ImportTrivyYaml(std::string_view, const ImportContext&);
core::Result<std::vector<DraftWaiver>> ImportGrype(std::string_view, const ImportContext&);
core::Result<std::vector<DraftWaiver>> ImportOsvScanner(std::string_view, const ImportContext&);
core::Result<std::vector<DraftWaiver>> ImportAuditCi(std::string_view, const ImportContext&);
core::Result<std::vector<DraftWaiver>> ImportNsprc(std::string_view, const ImportContext&);
core::Result<std::vector<DraftWaiver>> ImportGitleaks(std::string_view, const ImportContext&);

// Helpers shared by the converters.

/// A new draft: created today, a comment "imported from <path>:<line> (<tool>)".
DraftWaiver NewDraft(const ImportContext& ctx, int line, std::string_view tool);
/// Fills what the source did not say with TODO placeholders.
void FillPlaceholders(DraftWaiver* d);
/// "2024-05-01", "2024-05-01T00:00:00Z" (date part) → "2024-05-01"; nullopt
/// when it is not a real calendar date.
std::optional<std::string> NormalizeDate(std::string_view text);
/// Sets d->expires from a source date, or leaves a TODO with the raw text.
void SetExpiry(DraftWaiver* d, std::string_view raw);

struct ImportConfig {
  std::vector<std::string> files;  ///< Required.
  std::string format;              ///< --format; "" = detect per file.
  std::string output = "-";
  core::Date today;
};

/// Converts every file into one waiver file (duplicates dropped).
core::ExitCode RunImport(const ImportConfig& config, std::ostream& err);

}  // namespace secgate::waivers
