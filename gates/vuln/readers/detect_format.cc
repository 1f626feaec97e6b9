// Format detection from content (docs/input-formats.md §1): look at the first
// bytes only (up to kProbeBytes), collecting the top-level shape, keys and
// which telling pointers exist. The reader then parses the whole input and
// fails if the shape was misjudged, so detection can be quick without failing
// open. Documents that are not reports (SPDX, SARIF) are refused first; then
// each row of Formats() is asked in order (its reader file's LooksLike…),
// and the first yes wins; then the rows' last-resort sniffs.
#include "gates/core/inputs.h"
#include "gates/core/json_stream.h"
#include "gates/vuln/readers/reader.h"

namespace secgate::vuln {

using core::Error;
using core::Result;
using core::FormatProbe;
using core::SniffFn;

namespace {

constexpr size_t kProbeBytes = 1 << 20;

// Pointers whose presence (any type) or scalar value the tests below read.
constexpr const char* kProbePointers[] = {
    "/SchemaVersion", "/bomFormat", "/spdxVersion", "/auditReportVersion", "/descriptor/name",
    "/version", "/0/Target", "/0/name", "/0/vulns", "/0/skip_reason",
    "/matches/0/vulnerability", "/matches/0/artifact", "/results/0/source",
    "/results/0/packages", "/dependencies/0/name", "/dependencies/0/vulns",
    "/dependencies/0/skip_reason", "/type", "/data", "/value", "/children"};

// Documents that are recognised but are not vulnerability reports: refused
// with a message saying what to do instead, before any format is tried.
struct NotAReport {
  SniffFn sniff;
  const char* message;
};

bool LooksLikeSpdx(const FormatProbe& p) {
  return p.object() && p.str("/spdxVersion").rfind("SPDX-", 0) == 0;
}

bool LooksLikeSarif(const FormatProbe& p) {
  return p.object() && p.str("/version") == "2.1.0" && p.has("runs");
}

constexpr NotAReport kNotReports[] = {
    {LooksLikeSpdx,
     "an SPDX document is not a vulnerability report (SPDX 2.x has no vulnerabilities; check it "
     "with secgate-sbom)"},
    {LooksLikeSarif,
     "SARIF is an output format, not accepted as input (give the scanner's JSON report)"},
};

}  // namespace

const std::vector<FormatInfo>& Formats() {
  // name, reader, sniff, last-resort sniff, empty input is clean
  static const std::vector<FormatInfo> kFormats = {
      {"cyclonedx", &ReadCycloneDx, LooksLikeCycloneDx},
      {"trivy", &ReadTrivy, LooksLikeTrivy},
      {"grype", &ReadGrype, LooksLikeGrype},
      {"npm-audit-v2", &ReadNpmAuditV2, LooksLikeNpmAuditV2, LooksLikeNpmError},
      {"npm-audit-v1", &ReadNpmAuditV1, LooksLikeNpmAuditV1},
      {"pnpm-audit", &ReadNpmAuditV1},   // npm 6's shape
      {"yarn-berry", &ReadNpmAuditV1},   // `yarn npm audit` (2/3): npm 6's shape
      {"cargo-audit", &ReadCargoAudit, LooksLikeCargoAudit},
      {"osv-scanner", &ReadOsvScanner, LooksLikeOsvScanner},
      {"pip-audit", &ReadPipAudit, LooksLikePipAudit},
      {"yarn-classic", &ReadYarnClassic, LooksLikeYarnClassic},
      {"yarn4", &ReadYarn4, LooksLikeYarn4, nullptr, true},
  };
  return kFormats;
}

const FormatInfo* FindFormat(std::string_view name) { return core::FindRow(Formats(), name); }

Result<const FormatInfo*> DetectFormat(core::InputFile& in) {
  auto probed = core::ProbeHead(in, kProbeBytes, "a scanner report");
  if (!probed) return probed.error();
  std::string_view head = *probed;
  FormatProbe p = core::ProbeJson(head, head.size() < kProbeBytes, in.path(), kProbePointers);
  if (p.ambiguous) return *p.ambiguous;
  for (const NotAReport& n : kNotReports)
    if (n.sniff(p)) return Error{in.path(), n.message};
  for (const auto& f : Formats())
    if (f.sniff && f.sniff(p)) return &f;
  for (const auto& f : Formats())
    if (f.last_resort && f.last_resort(p)) return &f;
  return Error{in.path(), "not a recognised scanner report (" + core::DescribeShape(p) +
                              "); supported: " + core::RowNames(Formats()) +
                              " (or name one with --input-format)"};
}

}  // namespace secgate::vuln
