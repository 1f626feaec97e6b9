// libFuzzer target: the CycloneDX reader and the checks over what it reads.
// Never crash or hang; an accepted document is a CycloneDX one and every
// finding names a component or the document.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "gates/core/policy.h"
#include "gates/sbom/checks.h"
#include "gates/sbom/readers/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace secgate;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  static const sbom::SbomRules rules = [] {
    core::SbomPolicy p;
    p.licenses_deny = {"GPL-3.0-only"};
    p.licenses_unknown = "fail";
    p.banned = {"pkg:npm/colors@>=1.4.1", "pkg:pypi/x@vers:pypi/>=1.0a1|<2"};
    p.require_component = {"name", "version", "purl", "supplier", "license", "hashes"};
    p.require_document = {"timestamp", "author"};
    return *sbom::CompileRules(p);
  }();
  sbom::SbomDocument doc;
  if (!sbom::ReadCycloneDx(*secgate::core::InputFile::FromMemory(text, "fuzz.json"), &doc).ok()) return 0;
  if (doc.format != "cyclonedx") std::abort();
  for (const auto& f : sbom::CheckDocument(doc, "fuzz.json", rules))
    // A finding names the document ("fuzz.json") or one of its components
    // ("fuzz.json#<bom-ref, SPDXID or pointer>"); its path is the file.
    if (f.id.empty() || f.fingerprint.empty() || f.location.path != "fuzz.json" ||
        (f.location.target != "fuzz.json" && f.location.target.rfind("fuzz.json#", 0) != 0)) {
      std::fprintf(stderr, "cyclonedx_fuzz: finding without id/fingerprint/location\n");
      std::abort();
    }
  return 0;
}
