// SBOM format detection from content: the first MiB is parsed leniently
// (a truncated probe is fine) for the top-level shape, bomFormat and
// spdxVersion. The chosen reader then parses the whole input strictly.
#include "gates/core/format_probe.h"
#include "gates/core/inputs.h"
#include "gates/sbom/readers/reader.h"

namespace secgate::sbom {

using core::Error;
using core::Result;

namespace {

constexpr size_t kProbeBytes = 1 << 20;

constexpr const char* kProbePointers[] = {"/bomFormat", "/spdxVersion"};

}  // namespace

const std::vector<SbomFormat>& SbomFormats() {
  // name, reader, sniff: the whole list of SBOM formats, in detection order.
  static const std::vector<SbomFormat> kFormats = {
      {"cyclonedx", &ReadCycloneDx, LooksLikeCycloneDx},
      {"spdx", &ReadSpdx, LooksLikeSpdx},
  };
  return kFormats;
}

const SbomFormat* FindSbomFormat(std::string_view name) {
  return core::FindRow(SbomFormats(), name);
}

Result<const SbomFormat*> DetectSbomFormat(core::InputFile& in) {
  auto probed = core::ProbeHead(in, kProbeBytes, "an SBOM");
  if (!probed) return probed.error();
  std::string_view head = *probed;
  size_t first = head.find_first_not_of(" \t\r\n");
  std::string_view start = head.substr(first);
  if (start.substr(0, 12) == "SPDXVersion:")
    return Error{in.path(), "SPDX tag-value documents are not supported (use SPDX JSON)"};
  if (start.substr(0, 1) == "<")
    return Error{in.path(), "XML documents are not supported (use CycloneDX JSON)"};

  core::FormatProbe p = core::ProbeJson(head, false, in.path(), kProbePointers);
  if (p.ambiguous) return *p.ambiguous;  // a duplicate key: refused whatever the format
  for (const auto& f : SbomFormats())
    if (f.sniff(p)) return &f;
  return Error{in.path(),
               "not a CycloneDX or SPDX JSON document (" + core::DescribeShape(p) + ")"};
}

}  // namespace secgate::sbom
