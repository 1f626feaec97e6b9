// libFuzzer target for secgate-waivers import: every ignore-file parser
// (trivyignore, .trivyignore.yaml, grype, osv-scanner TOML, audit-ci, .nsprc,
// .gitleaksignore) and format detection, on arbitrary bytes. The first byte
// picks the parser (or detection); the rest is the file. Besides not
// crashing, whatever a parser accepts must emit YAML that core parses back.
#include <cstddef>
#include <cstdint>
#include <string>

#include "gates/core/waiver.h"
#include "gates/core/yaml_util.h"
#include "gates/waivers_tool/import.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  // The first byte picks a registered source, or (one past the last)
  // detection: the picks follow the registry, so a new source is fuzzed too.
  const auto& sources = secgate::waivers::ImportSources();
  std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  size_t pick = data[0] % (sources.size() + 1);
  secgate::waivers::ImportContext ctx{"fuzz", "2026-01-01"};
  auto source = pick == sources.size()
                    ? secgate::waivers::DetectImportSource("fuzz", text)
                    : secgate::core::Result<const secgate::waivers::ImportSource*>(sources[pick]);
  if (!source) return 0;
  auto drafts = secgate::waivers::ImportText(**source, text, ctx);
  if (!drafts) return 0;
  std::string yaml = secgate::core::WaiverFileYaml(*drafts);
  if (yaml.size() > secgate::core::kMaxYamlBytes) return 0;
  auto parsed = secgate::core::ParseWaiverFile(yaml, "out.yaml", {}, secgate::core::Date{2099, 12, 31});
  if (!parsed || parsed->waivers.size() != drafts->size()) __builtin_trap();
  return 0;
}
