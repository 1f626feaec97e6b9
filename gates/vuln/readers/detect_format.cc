// Format detection from content (input-formats.md §1): look at the first
// bytes only (up to kProbeBytes), collecting the top-level shape, keys and a
// few telling values. The reader then parses the whole input and fails if
// the shape was misjudged, so detection can be quick without failing open.
#include <set>

#include "gates/core/json_stream.h"
#include "gates/vuln/readers/reader.h"

namespace secgate::vuln {

using core::Error;
using core::Result;
using nlohmann::json;

namespace {

constexpr size_t kProbeBytes = 1 << 20;

struct Probe {
  char top = 0;  // 'o', 'a', or 0 when not JSON
  std::set<std::string> keys;
  json values = json::object();  // small scalars of interest, by pointer
  bool first_element_has_target = false;
  bool ndjson = false;           // several JSON values, one per line
  json first_line;               // first NDJSON line, when ndjson
};

Probe Examine(std::string_view head, bool complete, const std::string& name) {
  Probe p;
  core::JsonStreamer s;
  for (const char* ptr : {"/SchemaVersion", "/bomFormat", "/spdxVersion", "/auditReportVersion",
                          "/descriptor/name", "/version", "/0/Target"}) {
    std::string key = ptr;
    s.OnRecord(key, [&p, key](const std::string&, json& v) -> core::Status {
      if (!v.is_object() && !v.is_array()) p.values[key] = v;
      return core::Ok{};
    });
  }
  core::Status st = s.ParseString(head, name);
  p.top = s.top_level_type();
  for (const auto& k : s.top_level_keys()) p.keys.insert(k);
  p.first_element_has_target = p.values.contains("/0/Target");
  if (!st.ok() && p.top == 'o') {
    // Either truncated by the probe (fine) or several objects one per line.
    size_t nl = head.find('\n');
    if (nl != std::string_view::npos) {
      std::string_view first = head.substr(0, nl);
      json line = json::parse(first, nullptr, false);
      if (!line.is_discarded() && line.is_object()) {
        std::string_view rest = head.substr(nl + 1);
        size_t start = rest.find_first_not_of(" \t\r\n");
        if (start != std::string_view::npos && rest[start] == '{') {
          p.ndjson = true;
          p.first_line = std::move(line);
        }
      }
    }
  }
  (void)complete;
  return p;
}

std::string Describe(const Probe& p) {
  if (p.top == 0) return "not JSON";
  if (p.ndjson) return "JSON lines";
  if (p.top == 'a') return "a JSON array";
  std::string keys;
  int n = 0;
  for (const auto& k : p.keys) {
    if (n++ == 6) { keys += ", …"; break; }
    keys += (keys.empty() ? "" : ", ") + k;
  }
  return "a JSON object with keys: " + (keys.empty() ? std::string("none") : keys);
}

}  // namespace

const std::vector<FormatInfo>& Formats() {
  static const std::vector<FormatInfo> kFormats = {
      {"trivy", &ReadTrivy, false},
  };
  return kFormats;
}

const FormatInfo* FindFormat(std::string_view name) {
  for (const auto& f : Formats())
    if (f.name == name) return &f;
  return nullptr;
}

Result<const FormatInfo*> DetectFormat(core::InputFile& in) {
  std::string_view head = in.Head(kProbeBytes);
  if (head.empty()) {
    if (in.read_error()) return Error{in.path(), "read error"};
    return Error{in.path(), "file is empty"};
  }
  size_t first = head.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return Error{in.path(), "file is empty (only white space)"};
  if (head.find('\0') != std::string_view::npos)
    return Error{in.path(), "not a scanner report: binary data"};
  Probe p = Examine(head, head.size() < kProbeBytes, in.path());

  auto has = [&](const char* k) { return p.keys.count(k) > 0; };
  if (p.top == 'o' && !p.ndjson) {
    if (has("SchemaVersion") || has("ArtifactName") || (has("Results") && has("ArtifactType")) ||
        has("ClusterName"))
      return FindFormat("trivy");
  }
  if (p.top == 'a' && p.first_element_has_target) return FindFormat("trivy");
  std::string known;
  for (const auto& f : Formats()) known += (known.empty() ? "" : ", ") + std::string(f.name);
  return Error{in.path(), "not a recognised scanner report (" + Describe(p) +
                              "); supported: " + known + " (or name one with --input-format)"};
}

}  // namespace secgate::vuln
