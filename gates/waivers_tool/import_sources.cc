// The table of `secgate-waivers import` sources: one row per format, in the
// order help and errors list them. Each row is defined in its importer's
// file (name, file names, content sniff and rank, converter); adding a
// format is that file, one line here and one line in CMakeLists.txt.
#include "gates/waivers_tool/import.h"

namespace secgate::waivers {

extern const ImportSource kTrivyIgnoreSource, kTrivyIgnoreYamlSource, kGrypeIgnoreSource,
    kOsvScannerSource, kAuditCiSource, kNsprcSource, kGitleaksIgnoreSource;

const std::vector<const ImportSource*>& ImportSources() {
  static const std::vector<const ImportSource*> kAll = {
      &kTrivyIgnoreSource, &kTrivyIgnoreYamlSource, &kGrypeIgnoreSource, &kOsvScannerSource,
      &kAuditCiSource,     &kNsprcSource,           &kGitleaksIgnoreSource,
  };
  return kAll;
}

}  // namespace secgate::waivers
