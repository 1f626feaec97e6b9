// SBOM readers: CycloneDX JSON (1.2-1.7) and SPDX JSON (2.2, 2.3), the
// format detected from content. A reader fills an SbomDocument; malformed
// input is an Error naming the file and a JSON pointer, never an empty SBOM.
//
//   auto fmt = DetectSbomFormat(input);          // Error for anything else
//   SbomDocument doc;
//   Status s = (*fmt)->read(input, &doc);
#pragma once

#include <string_view>
#include <vector>

#include "gates/core/error.h"
#include "gates/core/format_probe.h"
#include "gates/core/io.h"
#include "gates/sbom/model.h"

namespace secgate::sbom {

using SbomReadFn = core::Status (*)(core::InputFile& in, SbomDocument* out);

/// One row of the SBOM format table (detect_format.cc), in detection order.
struct SbomFormat {
  std::string_view name;  ///< "cyclonedx", "spdx".
  SbomReadFn read;
  core::SniffFn sniff;    ///< Says yes to this format's input (core/format_probe.h).
};

/// Looks at the first MiB: a top-level object whose "bomFormat" is
/// "CycloneDX", or whose "spdxVersion" starts with "SPDX-". Errors:
/// "file is empty", "not an SBOM: binary data", "not a CycloneDX or SPDX
/// JSON document (<what it is>)".
core::Result<const SbomFormat*> DetectSbomFormat(core::InputFile& in);

/// Every SBOM format, in detection order.
const std::vector<SbomFormat>& SbomFormats();
/// The format named `name`, or nullptr.
const SbomFormat* FindSbomFormat(std::string_view name);

/// A top-level object whose "bomFormat" is "CycloneDX".
bool LooksLikeCycloneDx(const core::FormatProbe& p);
/// A top-level object whose "spdxVersion" starts with "SPDX-".
bool LooksLikeSpdx(const core::FormatProbe& p);

core::Status ReadCycloneDx(core::InputFile& in, SbomDocument* out);
core::Status ReadSpdx(core::InputFile& in, SbomDocument* out);

}  // namespace secgate::sbom
