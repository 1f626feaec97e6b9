#include "gates/core/format_probe.h"

#include "gates/core/json_stream.h"

namespace secgate::core {

using nlohmann::json;

namespace {

void Collect(std::string_view text, const std::string& name,
             std::span<const char* const> pointers, FormatProbe* p) {
  JsonStreamer s;
  for (const char* ptr : pointers) {
    std::string key = ptr;
    s.OnRecord(key, [p, key](const std::string&, json& v) -> Status {
      p->present.insert(key);
      if (!v.is_object() && !v.is_array()) p->values[key] = v;
      return Ok{};
    });
  }
  Status st = s.ParseString(text, name);
  if (s.ambiguous()) p->ambiguous = st.error();
  switch (s.top_level_type()) {
    case JsonTopLevel::kObject: p->top = FormatProbe::Top::kObject; break;
    case JsonTopLevel::kArray: p->top = FormatProbe::Top::kArray; break;
    case JsonTopLevel::kScalar: p->top = FormatProbe::Top::kScalar; break;
    case JsonTopLevel::kNone: p->top = FormatProbe::Top::kNotJson; break;
  }
  p->key_order = s.top_level_keys();
  p->keys = std::set<std::string>(p->key_order.begin(), p->key_order.end());
  p->complete = st.ok();
}

}  // namespace

FormatProbe ProbeJson(std::string_view head, bool whole, const std::string& name,
                      std::span<const char* const> pointers) {
  FormatProbe p;
  Collect(head, name, pointers, &p);
  if (p.complete && whole && head.size() < (256 << 10)) {
    auto doc = ParseJsonStrict(head, name);
    if (doc) p.doc = std::move(*doc);
  }
  if (!p.complete && p.object()) {
    // Either truncated by the probe (fine) or NDJSON: judge by the first line.
    size_t nl = head.find('\n');
    std::string_view rest = nl == std::string_view::npos ? "" : head.substr(nl + 1);
    size_t start = rest.find_first_not_of(" \t\r\n");
    if (start != std::string_view::npos && rest[start] == '{') {
      FormatProbe line;
      Collect(head.substr(0, nl), name, pointers, &line);
      if (line.ambiguous) return line;
      if (line.complete && line.object()) {
        line.complete = false;  // several documents: not a single JSON value
        return line;
      }
    }
  }
  return p;
}

std::string DescribeShape(const FormatProbe& p) {
  if (p.top == FormatProbe::Top::kNotJson) return "not JSON";
  if (p.array()) return "a JSON array";
  if (p.top == FormatProbe::Top::kScalar) return "a JSON scalar";
  std::string keys;
  int n = 0;
  for (const auto& k : p.key_order) {
    if (n++ == 6) {
      keys += ", …";
      break;
    }
    keys += (keys.empty() ? "" : ", ") + k;
  }
  return "a JSON object with keys: " + (keys.empty() ? std::string("none") : keys);
}

}  // namespace secgate::core
