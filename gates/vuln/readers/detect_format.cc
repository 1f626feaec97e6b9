// Format detection from content (docs/input-formats.md §1): look at the first
// bytes only (up to kProbeBytes), collecting the top-level shape, keys and
// which telling pointers exist. The reader then parses the whole input and
// fails if the shape was misjudged, so detection can be quick without failing
// open. Tests are applied in the §1 order; the first match wins.
#include <optional>
#include <set>

#include "gates/core/json_stream.h"
#include "gates/vuln/readers/reader.h"

namespace secgate::vuln {

using core::Error;
using core::Result;
using nlohmann::json;

namespace {

constexpr size_t kProbeBytes = 1 << 20;

// Pointers whose presence (any type) or scalar value the tests below read.
constexpr const char* kProbePointers[] = {
    "/SchemaVersion", "/bomFormat", "/spdxVersion", "/auditReportVersion", "/descriptor/name",
    "/version", "/0/Target", "/0/name", "/0/vulns", "/0/skip_reason",
    "/matches/0/vulnerability", "/matches/0/artifact", "/results/0/source",
    "/results/0/packages", "/dependencies/0/name", "/dependencies/0/vulns",
    "/dependencies/0/skip_reason", "/type", "/data", "/value", "/children"};

struct Probe {
  char top = 0;  // 'o', 'a', or 0 when not JSON
  std::set<std::string> keys;
  std::set<std::string> present;  // probe pointers seen
  json values = json::object();   // their scalar values
  bool complete = false;          // the whole input parsed within the probe
  std::optional<core::Error> ambiguous;  // a duplicate key: refused whatever the format
  json doc;                       // the whole document when complete and small
};

void Collect(std::string_view text, const std::string& name, Probe* p) {
  core::JsonStreamer s;
  for (const char* ptr : kProbePointers) {
    std::string key = ptr;
    s.OnRecord(key, [p, key](const std::string&, json& v) -> core::Status {
      p->present.insert(key);
      if (!v.is_object() && !v.is_array()) p->values[key] = v;
      return core::Ok{};
    });
  }
  core::Status st = s.ParseString(text, name);
  if (s.ambiguous()) p->ambiguous = st.error();
  p->top = s.top_level_type();
  p->keys.clear();
  for (const auto& k : s.top_level_keys()) p->keys.insert(k);
  p->complete = st.ok();
}

Probe Examine(std::string_view head, bool whole, const std::string& name) {
  Probe p;
  Collect(head, name, &p);
  if (p.complete && whole && head.size() < (256 << 10)) {
    auto doc = core::ParseJsonStrict(head, name);
    if (doc) p.doc = std::move(*doc);
  }
  if (!p.complete && p.top == 'o') {
    // Either truncated by the probe (fine) or NDJSON: judge by the first line.
    size_t nl = head.find('\n');
    std::string_view rest = nl == std::string_view::npos ? "" : head.substr(nl + 1);
    size_t start = rest.find_first_not_of(" \t\r\n");
    if (start != std::string_view::npos && rest[start] == '{') {
      Probe line;
      Collect(head.substr(0, nl), name, &line);
      if (line.ambiguous) return line;
      if (line.complete && line.top == 'o') {
        line.complete = false;  // several documents: not a single JSON value
        return line;
      }
    }
  }
  return p;
}

bool IsEmptyArray(const Probe& p, const char* key) {
  return p.doc.is_object() && p.doc.contains(key) && p.doc[key].is_array() && p.doc[key].empty();
}

std::string Describe(const Probe& p) {
  if (p.top == 0) return "not JSON";
  if (p.top == 'a') return "a JSON array";
  if (p.top == 's') return "a JSON scalar";
  std::string keys;
  int n = 0;
  for (const auto& k : p.keys) {
    if (n++ == 6) {
      keys += ", …";
      break;
    }
    keys += (keys.empty() ? "" : ", ") + k;
  }
  return "a JSON object with keys: " + (keys.empty() ? std::string("none") : keys);
}

std::string StringValue(const Probe& p, const char* ptr) {
  auto it = p.values.find(ptr);
  return it != p.values.end() && it->is_string() ? it->get<std::string>() : "";
}

// The §1 table. Returns a format name, "" for no match, or "!<message>" for
// a document that is recognised but is not a vulnerability report.
std::string Classify(const Probe& p) {
  auto has = [&](const char* k) { return p.keys.count(k) > 0; };
  auto seen = [&](const char* ptr) { return p.present.count(ptr) > 0; };
  if (p.top == 'a') {
    if (seen("/0/Target")) return "trivy";
    if (seen("/0/name") && (seen("/0/vulns") || seen("/0/skip_reason"))) return "pip-audit";
    return "";
  }
  if (p.top != 'o') return "";
  if (StringValue(p, "/bomFormat") == "CycloneDX") return "cyclonedx";
  if (StringValue(p, "/spdxVersion").rfind("SPDX-", 0) == 0)
    return "!an SPDX document is not a vulnerability report (SPDX 2.x has no vulnerabilities; "
           "check it with secgate-sbom)";
  // Trivy between the legacy array and schema 2 wrote the image's ImageID,
  // RepoTags and RepoDigests beside Results, without SchemaVersion.
  if (has("SchemaVersion") || has("ArtifactName") || (has("Results") && has("ArtifactType")) ||
      has("ClusterName") ||
      (has("Results") && (has("ImageID") || has("RepoTags") || has("RepoDigests"))))
    return "trivy";
  if (has("matches") && (StringValue(p, "/descriptor/name") == "grype" ||
                         (seen("/matches/0/vulnerability") && seen("/matches/0/artifact"))))
    return "grype";
  if (has("auditReportVersion")) return "npm-audit-v2";
  if (has("advisories") && (has("metadata") || has("actions") || has("muted")))
    return "npm-audit-v1";
  if (has("vulnerabilities") && has("database")) return "cargo-audit";
  if (has("results") && !has("runs") &&
      (seen("/results/0/source") || seen("/results/0/packages") || IsEmptyArray(p, "results")))
    return "osv-scanner";
  if (has("dependencies") &&
      ((seen("/dependencies/0/name") &&
        (seen("/dependencies/0/vulns") || seen("/dependencies/0/skip_reason"))) ||
       IsEmptyArray(p, "dependencies")))
    return "pip-audit";
  if (StringValue(p, "/version") == "2.1.0" && has("runs"))
    return "!SARIF is an output format, not accepted as input (give the scanner's JSON report)";
  if (seen("/type") && seen("/data") && p.values.contains("/type")) return "yarn-classic";
  if (seen("/value") && seen("/children")) return "yarn4";
  if (has("error")) return "npm-audit-v2";  // a failed npm run: the reader reports the error
  return "";
}

}  // namespace

const std::vector<FormatInfo>& Formats() {
  static const std::vector<FormatInfo> kFormats = {
      {"trivy", &ReadTrivy, false},
      {"grype", &ReadGrype, false},
      {"npm-audit-v2", &ReadNpmAuditV2, false},
      {"npm-audit-v1", &ReadNpmAuditV1, false},
      {"pnpm-audit", &ReadNpmAuditV1, false},
      {"yarn-berry", &ReadNpmAuditV1, false},
      {"yarn-classic", &ReadYarnClassic, false},
      {"yarn4", &ReadYarn4, true},
      {"pip-audit", &ReadPipAudit, false},
      {"cargo-audit", &ReadCargoAudit, false},
      {"osv-scanner", &ReadOsvScanner, false},
      {"cyclonedx", &ReadCycloneDx, false},
  };
  return kFormats;
}

const FormatInfo* FindFormat(std::string_view name) {
  std::string wanted(name);
  for (char& c : wanted)
    if (c == '_') c = '-';
  for (const auto& f : Formats())
    if (f.name == wanted) return &f;
  return nullptr;
}

Result<const FormatInfo*> DetectFormat(core::InputFile& in) {
  auto probed = core::ProbeHead(in, kProbeBytes, "a scanner report");
  if (!probed) return probed.error();
  std::string_view head = *probed;
  Probe p = Examine(head, head.size() < kProbeBytes, in.path());
  if (p.ambiguous) return *p.ambiguous;
  std::string verdict = Classify(p);
  if (!verdict.empty() && verdict[0] == '!') return Error{in.path(), verdict.substr(1)};
  if (!verdict.empty()) return FindFormat(verdict);
  std::string known;
  for (const auto& f : Formats()) known += (known.empty() ? "" : ", ") + std::string(f.name);
  return Error{in.path(), "not a recognised scanner report (" + Describe(p) +
                              "); supported: " + known + " (or name one with --input-format)"};
}

}  // namespace secgate::vuln
