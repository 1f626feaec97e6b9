// Vulnerability readers: one per scanner format. A reader turns one input
// into findings and knows nothing of policy or output. Unknown or malformed
// input is an Error, never "zero findings".
//
//   ReaderOutput out;
//   Status s = ReadTrivy(*input_file, &out);
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "gates/core/error.h"
#include "gates/core/finding.h"
#include "gates/core/format_probe.h"
#include "gates/core/io.h"

namespace secgate::vuln {

using core::FormatProbe;
using core::SniffFn;

struct ReaderOutput {
  std::vector<core::Finding> findings;
  /// Things read but not gated here: "misconfigurations": 3, "secrets": 1 ...
  std::map<std::string, int> skipped;
  std::vector<std::string> notes;  ///< "pip-audit skipped 2 packages: …"
  /// Classes read but gated by another gate, one sentence each
  /// ("r.json: 3 misconfigurations not gated here: run secgate-code"):
  /// every report shows them (Verdict::not_gated).
  std::vector<std::string> not_gated;
  /// Trivy: the report's misconfigurations (gate code), read for
  /// secgate-code, which reads Trivy reports through this reader.
  std::vector<core::Finding> code_findings;
  /// Trivy: failures a result's MisconfSummary counts beyond those it lists
  /// (`trivy k8s` writes such summaries); secgate-code notes the difference.
  int unlisted_misconfigurations = 0;
  int passed_misconfigurations = 0;  ///< Trivy: checks with Status PASS.
};

using ReadFn = core::Status (*)(core::InputFile& in, ReaderOutput* out);

/// One row of the format table: a reader, and how to recognise its input.
/// Adding a scanner format is its reader file (Read… and LooksLike…), one
/// row in Formats() and one line in gates/vuln/CMakeLists.txt.
struct FormatInfo {
  std::string_view name;  ///< Value of --input-format ("trivy", "grype", …).
  ReadFn read;
  /// Says yes to this format's input; nullptr = only by --input-format
  /// (a variant whose output is another row's shape, e.g. pnpm-audit).
  SniffFn sniff = nullptr;
  /// A weaker sniff tried only after every row's `sniff` said no (npm's
  /// error output, which has no telling key of its own).
  SniffFn last_resort = nullptr;
  /// True when a clean run of the tool writes nothing at all (yarn 4), so an
  /// empty input is a pass when the format is named explicitly.
  bool empty_is_clean = false;
};

/// Every supported format, in detection order (sniffs are tried in this
/// order; the first yes wins).
const std::vector<FormatInfo>& Formats();
/// The format named `name`, or nullptr.
const FormatInfo* FindFormat(std::string_view name);

/// Detects the format from the first bytes of the input (it reads ahead
/// without consuming). Error "<file>: not a recognised scanner report (…)"
/// when nothing matches, "<file>: file is empty" for an empty input.
core::Result<const FormatInfo*> DetectFormat(core::InputFile& in);

// Sniffs, one per format file (probe.h).
bool LooksLikeTrivy(const FormatProbe& p);
bool LooksLikeGrype(const FormatProbe& p);
bool LooksLikeNpmAuditV2(const FormatProbe& p);
/// npm's own error output ({"error": …}): the v2 reader reports the error.
bool LooksLikeNpmError(const FormatProbe& p);
bool LooksLikeNpmAuditV1(const FormatProbe& p);
bool LooksLikeYarnClassic(const FormatProbe& p);
bool LooksLikeYarn4(const FormatProbe& p);
bool LooksLikePipAudit(const FormatProbe& p);
bool LooksLikeCargoAudit(const FormatProbe& p);
bool LooksLikeOsvScanner(const FormatProbe& p);
bool LooksLikeCycloneDx(const FormatProbe& p);

// One function per format (one file each). Each reads the whole input and
// returns an Error naming the file and JSON pointer (or line) for anything
// malformed, of the wrong type, missing or unknown (e.g. a severity word).
core::Status ReadTrivy(core::InputFile& in, ReaderOutput* out);
/// Grype JSON (grype.cc).
core::Status ReadGrype(core::InputFile& in, ReaderOutput* out);
/// npm audit, npm 7+ (auditReportVersion 2).
core::Status ReadNpmAuditV2(core::InputFile& in, ReaderOutput* out);
/// npm audit, npm 6 shape; also pnpm audit and yarn 2/3 `yarn npm audit`.
core::Status ReadNpmAuditV1(core::InputFile& in, ReaderOutput* out);
/// yarn classic `yarn audit --json` (NDJSON).
core::Status ReadYarnClassic(core::InputFile& in, ReaderOutput* out);
/// yarn 4 `yarn npm audit --json` (NDJSON; empty = clean).
core::Status ReadYarn4(core::InputFile& in, ReaderOutput* out);
/// pip-audit -f json (object or legacy array).
core::Status ReadPipAudit(core::InputFile& in, ReaderOutput* out);
/// cargo-audit --json.
core::Status ReadCargoAudit(core::InputFile& in, ReaderOutput* out);
/// osv-scanner --format json.
core::Status ReadOsvScanner(core::InputFile& in, ReaderOutput* out);
/// CycloneDX 1.2-1.7 (SBOM, VDR, VEX).
core::Status ReadCycloneDx(core::InputFile& in, ReaderOutput* out);

}  // namespace secgate::vuln
