// SBOM format detection from content: the first MiB is parsed leniently
// (a truncated probe is fine) for the top-level shape, bomFormat and
// spdxVersion. The chosen reader then parses the whole input strictly.
#include "gates/core/json_stream.h"
#include "gates/sbom/readers/reader.h"

namespace secgate::sbom {

using core::Error;
using core::Result;
using nlohmann::json;

namespace {

constexpr size_t kProbeBytes = 1 << 20;

const SbomFormat kFormats[] = {{"cyclonedx", &ReadCycloneDx}, {"spdx", &ReadSpdx}};

std::string Describe(char top, const std::vector<std::string>& keys) {
  if (top == 0) return "not JSON";
  if (top == 'a') return "a JSON array";
  if (top == 's') return "a JSON scalar";
  std::string list;
  for (size_t i = 0; i < keys.size() && i < 6; ++i) list += (i ? ", " : "") + keys[i];
  if (keys.size() > 6) list += ", …";
  return "a JSON object with keys: " + (list.empty() ? std::string("none") : list);
}

}  // namespace

const SbomFormat* FindSbomFormat(std::string_view name) {
  for (const auto& f : kFormats)
    if (f.name == name) return &f;
  return nullptr;
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

  json bom_format, spdx_version;
  core::JsonStreamer s;
  s.OnRecord("/bomFormat", [&](const std::string&, json& v) -> core::Status {
    bom_format = v;
    return core::Ok{};
  });
  s.OnRecord("/spdxVersion", [&](const std::string&, json& v) -> core::Status {
    spdx_version = v;
    return core::Ok{};
  });
  core::Status st = s.ParseString(head, in.path());  // a truncated probe is expected
  if (s.ambiguous()) return st.error();  // a duplicate key: refused whatever the format
  if (s.top_level_type() == 'o') {
    if (bom_format.is_string() && bom_format.get<std::string>() == "CycloneDX")
      return FindSbomFormat("cyclonedx");
    if (spdx_version.is_string() && spdx_version.get<std::string>().rfind("SPDX-", 0) == 0)
      return FindSbomFormat("spdx");
  }
  return Error{in.path(), "not a CycloneDX or SPDX JSON document (" +
                              Describe(s.top_level_type(), s.top_level_keys()) + ")"};
}

}  // namespace secgate::sbom
