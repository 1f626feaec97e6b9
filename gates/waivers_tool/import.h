// `secgate-waivers import FILE...`: converts the ignore files teams already
// have into secgate waivers. Each source format is one ImportSource row
// (name, file names, content sniff, converter), defined in its own file and
// listed once in import_sources.cc:
//   import_trivy.cc     .trivyignore, .trivyignore.yaml
//   import_grype.cc     .grype.yaml ignore rules
//   import_osv.cc       osv-scanner.toml [[IgnoredVulns]] (toml++)
//   import_npm.cc       audit-ci allowlists, .nsprc
//   import_gitleaks.cc  .gitleaksignore
// Reasons and expiry dates are kept where the source has them; a missing
// owner, reason or expiry becomes a "TODO: …" placeholder, which core treats
// as missing, so the output lints as invalid until someone fills it in.
// Every entry carries a comment naming the file and line it came from.
//
//   auto source = DetectImportSource(".trivyignore", text);
//   auto drafts = ImportText(**source, text, {.path = ".trivyignore", .today = "2026-01-01"});
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gates/core/date.h"
#include "gates/core/error.h"
#include "gates/core/exit_code.h"
#include "gates/core/waiver_writer.h"

namespace secgate::waivers {

struct ImportContext {
  std::string path;   ///< Shown in comments and errors.
  std::string today;  ///< YYYY-MM-DD: the `created` date of every entry.
};

using ImportResult = core::Result<std::vector<core::DraftWaiver>>;

/// One format `secgate-waivers import` reads: a row of ImportSources().
struct ImportSource {
  std::string_view name;                     ///< The --format value: "osv-scanner".
  std::vector<std::string_view> file_names;  ///< Base names that identify it.
  /// Content detection: sources are asked in ascending rank; the first whose
  /// sniff says yes is the format (nullptr: never detected from content).
  int sniff_rank;
  bool (*sniff)(std::string_view text);
  /// Converts one file's text. Errors name the file and line.
  ImportResult (*read)(std::string_view text, const ImportContext& ctx);
};

/// Every source, in the order help and errors list them.
const std::vector<const ImportSource*>& ImportSources();
/// The source with this --format name, or nullptr.
const ImportSource* ImportSourceByName(std::string_view name);
/// Every source name, comma-separated, for help and errors.
std::string ImportSourceNames();

/// The source from the file name, else from the content. Error when neither
/// says: "<path>: unknown ignore-file format (…)".
core::Result<const ImportSource*> DetectImportSource(const std::string& path,
                                                     std::string_view text);

/// Checks the text is UTF-8, then converts it with `source`.
ImportResult ImportText(const ImportSource& source, std::string_view text,
                        const ImportContext& ctx);

// Helpers shared by the converters.

/// A new draft: created today, a comment "imported from <path>:<line> (<tool>)".
core::DraftWaiver NewDraft(const ImportContext& ctx, int line, std::string_view tool);
/// Fills what the source did not say with TODO placeholders.
void FillPlaceholders(core::DraftWaiver* d);
/// "2024-05-01", "2024-05-01T00:00:00Z" (date part) → "2024-05-01"; nullopt
/// when it is not a real calendar date.
std::optional<std::string> NormalizeDate(std::string_view text);
/// Sets d->expires from a source date, or leaves a TODO with the raw text.
void SetExpiry(core::DraftWaiver* d, std::string_view raw);
/// The key of the first line that starts (at column 0) with a top-level key
/// of a YAML ignore file — grype's "ignore:" or one of .trivyignore.yaml's
/// "vulnerabilities:", "misconfigurations:", "secrets:", "licenses:" — or "".
std::string_view YamlIgnoreFileKey(std::string_view text);
/// The first non-blank character of `text`, or '\0'.
char FirstNonBlank(std::string_view text);

struct ImportConfig {
  std::vector<std::string> files;  ///< Required.
  std::string format;              ///< --format; "" = detect per file.
  std::string output = "-";
  core::Date today;
};

/// Converts every file into one waiver file (duplicates dropped).
core::ExitCode RunImport(const ImportConfig& config, std::ostream& err);

}  // namespace secgate::waivers
