// Components by reference (CycloneDX bom-ref, SPDX SPDXID), shared by the
// SBOM readers. A reference names one component: a repeat that says the
// same thing (same identity, licenses, supplier, hashes) is read once and
// counted, a repeat that says something else is a malformed SBOM. Without
// this, the second entry of a reused reference — say an AGPL package
// carrying an MIT package's bom-ref — would never be judged.
//
//   RefIndex refs("bom-ref");
//   SECGATE_RETURN_IF_ERROR(refs.Add(std::move(c), file, doc));  // Error on a conflicting repeat
#pragma once

#include <string>
#include <unordered_map>

#include "gates/core/error.h"
#include "gates/sbom/model.h"

namespace secgate::sbom {

class RefIndex {
 public:
  /// `label` names the reference in errors ("bom-ref", "SPDXID").
  explicit RefIndex(std::string label) : label_(std::move(label)) {}

  /// Appends `c` to doc->components, unless its ref was read before: then an
  /// identical repeat increments doc->duplicate_refs, and a different one is
  /// the Error "<file>:<pointer>: bom-ref 'x' repeats <first pointer> with a
  /// different license, version". Components without a ref are always added.
  core::Status Add(Component c, const std::string& file, SbomDocument* doc);

 private:
  std::string label_;
  std::unordered_map<std::string, size_t> first_;  ///< ref -> index in components.
};

}  // namespace secgate::sbom
