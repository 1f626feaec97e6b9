// secgate-code format detection: the first MiB is probed for the top-level
// shape; SARIF of another version is refused by name, before any row is
// asked; then each row of CodeFormats() in order, the first yes wins.
#include "gates/code/readers/reader.h"
#include "gates/core/format_probe.h"
#include "gates/core/inputs.h"

namespace secgate::code {

using core::Error;
using core::Result;

namespace {

constexpr size_t kProbeBytes = 1 << 20;
constexpr const char* kProbePointers[] = {"/version", "/$schema", "/SchemaVersion",
                                          "/ArtifactName", "/0/Target"};

}  // namespace

const std::vector<CodeFormat>& CodeFormats() {
  // name, reader, sniff: in detection order.
  static const std::vector<CodeFormat> kFormats = {
      {"sarif", &ReadSarif, LooksLikeSarif},
      {"trivy", &ReadTrivyMisconfigurations, LooksLikeTrivyReport},
  };
  return kFormats;
}

const CodeFormat* FindCodeFormat(std::string_view name) { return core::FindRow(CodeFormats(), name); }

Result<const CodeFormat*> DetectCodeFormat(core::InputFile& in) {
  auto probed = core::ProbeHead(in, kProbeBytes, "a SARIF log or Trivy report");
  if (!probed) return probed.error();
  core::FormatProbe p = core::ProbeJson(*probed, probed->size() < kProbeBytes, in.path(),
                                        kProbePointers);
  if (p.ambiguous) return *p.ambiguous;
  const std::string version = p.str("/version");
  if (p.object() && p.has("runs") && !version.empty() && version != "2.1.0")
    return Error{in.path(), "SARIF " + version +
                                " is not supported (secgate-code reads SARIF 2.1.0; convert "
                                "older logs with the SARIF SDK's multitool)"};
  for (const auto& f : CodeFormats())
    if (f.sniff(p)) return &f;
  return Error{in.path(), "not a SARIF 2.1.0 log or Trivy report (" + core::DescribeShape(p) +
                              "); supported: " + core::RowNames(CodeFormats()) +
                              " (or name one with --input-format)"};
}

}  // namespace secgate::code
