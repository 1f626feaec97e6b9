// The SBOM specification versions secgate reads, shared by the readers of
// secgate-sbom (gates/sbom/readers) and secgate-vuln (CycloneDX VEX), so
// both gates accept and refuse the same documents. A version not listed is
// an error (exit 2): its fields may mean something the readers do not know.
//
//   if (!IsKnownCycloneDxVersion(v)) return Error{..., UnsupportedCycloneDxVersion(v.dump())};
#pragma once

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>

namespace secgate::core {

/// CycloneDX JSON exists from 1.2 on (1.0 and 1.1 were XML only).
inline constexpr std::string_view kCycloneDxVersions[] = {"1.2", "1.3", "1.4",
                                                          "1.5", "1.6", "1.7"};
/// SPDX JSON exists from 2.2 on; SPDX 3 is JSON-LD without spdxVersion.
inline constexpr std::string_view kSpdxVersions[] = {"SPDX-2.2", "SPDX-2.3"};

inline bool IsKnownCycloneDxVersion(std::string_view v) {
  return std::find(std::begin(kCycloneDxVersions), std::end(kCycloneDxVersions), v) !=
         std::end(kCycloneDxVersions);
}

inline bool IsKnownSpdxVersion(std::string_view v) {
  return std::find(std::begin(kSpdxVersions), std::end(kSpdxVersions), v) !=
         std::end(kSpdxVersions);
}

/// "unsupported CycloneDX specVersion \"2.0\" (expected 1.2-1.7)"; `shown`
/// is the value as JSON.
inline std::string UnsupportedCycloneDxVersion(const std::string& shown) {
  return "unsupported CycloneDX specVersion " + shown + " (expected 1.2-1.7)";
}

/// "unsupported spdxVersion \"SPDX-9.9\" (expected SPDX-2.2 or SPDX-2.3)".
inline std::string UnsupportedSpdxVersion(const std::string& shown) {
  return "unsupported spdxVersion " + shown + " (expected SPDX-2.2 or SPDX-2.3)";
}

}  // namespace secgate::core
