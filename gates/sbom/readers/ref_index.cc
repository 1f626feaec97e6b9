#include "gates/sbom/readers/ref_index.h"

#include <vector>

namespace secgate::sbom {

namespace {

bool SameLicenses(const std::vector<LicenseEntry>& a, const std::vector<LicenseEntry>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].kind != b[i].kind || a[i].text != b[i].text) return false;
  return true;
}

// The fields the checks judge that differ between a and b, "" when none.
std::string Differences(const Component& a, const Component& b) {
  std::vector<const char*> diff;
  if (a.name != b.name || a.group != b.group) diff.push_back("name");
  if (a.version != b.version) diff.push_back("version");
  if (a.purl != b.purl || a.other_ids != b.other_ids) diff.push_back("purl or other id");
  if (!SameLicenses(a.licenses, b.licenses)) diff.push_back("license");
  if (a.supplier != b.supplier) diff.push_back("supplier");
  if (a.hashes != b.hashes) diff.push_back("hashes");
  std::string out;
  for (const char* d : diff) out += (out.empty() ? "" : ", ") + std::string(d);
  return out;
}

}  // namespace

core::Status RefIndex::Add(Component c, const std::string& file, SbomDocument* doc) {
  if (!c.ref.empty()) {
    auto [it, added] = first_.emplace(c.ref, doc->components.size());
    if (!added) {
      const Component& first = doc->components[it->second];
      std::string diff = Differences(first, c);
      if (!diff.empty())
        return core::Error{file + ":" + c.pointer, label_ + " '" + c.ref + "' repeats " +
                                                       first.pointer + " with a different " +
                                                       diff};
      doc->duplicate_refs++;
      return core::Ok{};
    }
  }
  doc->components.push_back(std::move(c));
  return core::Ok{};
}

}  // namespace secgate::sbom
