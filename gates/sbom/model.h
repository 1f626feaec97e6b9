// The gate-internal SBOM model: what the readers (readers/cyclonedx.cc,
// readers/spdx.cc) extract from a document and the checks (checks.h) judge.
// Readers fill it and know nothing of policy; it holds no findings.
//
//   SbomDocument doc;
//   Status s = ReadCycloneDx(input, &doc);
//   for (const Component& c : doc.components) ...
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace secgate::sbom {

/// One license statement as the document wrote it.
struct LicenseEntry {
  enum class Kind {
    kId,          ///< CycloneDX license.id (an SPDX id).
    kName,        ///< CycloneDX license.name (free text).
    kExpression,  ///< An SPDX expression (CycloneDX expression, SPDX fields).
    kNoAssertion, ///< SPDX NOASSERTION: nobody said.
    kNone,        ///< SPDX NONE: no license at all.
  };
  Kind kind = Kind::kExpression;
  std::string text;
};

struct Component {
  std::string ref;      ///< bom-ref or SPDXID; may be empty (CycloneDX 1.2).
  std::string pointer;  ///< JSON pointer inside the file ("/components/3/components/0").
  std::string name, group, version;
  std::string purl;                    ///< "" when none.
  std::vector<std::string> other_ids;  ///< cpe, swid tag id, SPDX SECURITY/PERSISTENT-ID refs.
  std::string supplier;                ///< Supplier / manufacturer / publisher name.
  std::vector<LicenseEntry> licenses;  ///< Empty = no license information.
  int hashes = 0;                      ///< Hash / checksum entries.

  /// "group/name" when a group is set, else name.
  std::string DisplayName() const { return group.empty() ? name : group + "/" + name; }
};

struct SbomDocument {
  std::string format;        ///< "cyclonedx" or "spdx".
  std::string spec_version;  ///< "1.6", "SPDX-2.3".
  std::string name;          ///< Subject (CycloneDX metadata.component) or SPDX name.
  std::string timestamp;     ///< metadata.timestamp / creationInfo.created; "" if absent.
  std::vector<std::string> authors;  ///< Authors, tools, creators ("Tool: trivy").
  std::vector<Component> components;
  /// Dependency edges (CycloneDX dependencies, SPDX relationships), by ref.
  std::vector<std::pair<std::string, std::string>> dependencies;
  /// SPDX hasExtractedLicensingInfos: LicenseRef id -> name.
  std::map<std::string, std::string> extracted_licenses;
  int vulnerabilities = 0;   ///< CycloneDX vulnerabilities[] (gated by secgate-vuln).
  int duplicate_refs = 0;    ///< Components skipped because their ref repeated.
};

}  // namespace secgate::sbom
