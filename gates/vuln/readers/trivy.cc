// Trivy JSON reports: schema 2 (`trivy image|fs|repo|sbom --format json`),
// reports without SchemaVersion, Kubernetes reports (`Resources[]` or the
// older `Vulnerabilities[]` of resources), and the top-level array written
// before Trivy 0.20. Vulnerabilities, secrets and licenses become findings
// (trivy_classes.h); failed misconfigurations are counted and named in a
// note, not gated here (secgate-code gates them: issue 17).
#include <unordered_map>

#include "gates/core/json_stream.h"
#include "gates/vuln/readers/reader.h"
#include "gates/vuln/readers/trivy_classes.h"

namespace secgate::vuln {

using core::Error;
using core::Finding;
using core::Result;
using core::Severity;
using core::Status;
using nlohmann::json;

namespace {

struct ResultInfo {
  std::string target, type, cls, resource;
};

// "/Results/3/Vulnerabilities/0" -> "/Results/3"
std::string ResultPrefix(const std::string& ptr) {
  size_t cut = ptr.rfind('/');
  cut = ptr.rfind('/', cut - 1);
  return ptr.substr(0, cut);
}

std::vector<std::string> SplitFixed(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < s.size()) {
    size_t comma = s.find(',', start);
    if (comma == std::string::npos) comma = s.size();
    std::string part = s.substr(start, comma - start);
    while (!part.empty() && part.front() == ' ') part.erase(part.begin());
    while (!part.empty() && part.back() == ' ') part.pop_back();
    if (!part.empty()) out.push_back(part);
    start = comma + 1;
  }
  return out;
}

std::string ExtractGhsa(const std::string& url) {
  static const std::string kPrefix = "https://github.com/advisories/";
  if (url.rfind(kPrefix, 0) != 0) return "";
  std::string id = url.substr(kPrefix.size());
  return id.size() == 19 && id.rfind("GHSA-", 0) == 0 ? id : "";
}

// The members ParseVulnerability reads; Description, DataSource, CweIDs,
// dates, layers etc. are validated and skipped by the streamer.
const std::vector<std::string> kVulnerabilityFields = {
    "VulnerabilityID", "VendorIDs", "PkgName",  "InstalledVersion", "FixedVersion",
    "PkgPath",         "Title",     "PrimaryURL", "Severity",       "SeveritySource",
    "PkgIdentifier",   "CVSS",      "VendorSeverity", "References"};

// Keys whose case variants are refused: Trivy is read by Go's encoding/json,
// which matches keys case-insensitively, so "vulnerabilities" IS read as
// Vulnerabilities by Trivy's own consumers (and by `trivy convert`).
const std::vector<std::string> kTopLevelKeys = {
    "SchemaVersion", "ArtifactName", "ArtifactType", "Results", "Resources",
    "ClusterName",   "Vulnerabilities", "Misconfigurations", "ImageID", "RepoTags", "RepoDigests"};
const std::vector<std::string> kResultKeys = {"Target", "Type", "Class", "Vulnerabilities",
                                              "Misconfigurations", "Secrets", "Licenses"};
const std::vector<std::string> kResourceKeys = {"Namespace", "Kind", "Name", "Results"};
const std::vector<std::string> kPkgIdentifierKeys = {"PURL"};
const std::vector<std::string> kCvssKeys = {"V40Score", "V3Score", "V2Score"};

Result<Finding> ParseVulnerability(const json& v, const std::string& where) {
  SECGATE_RETURN_IF_ERROR(core::ExpectObject(v, where));
  Finding f;
  f.gate = core::Gate::kVuln;
  f.sources = {"trivy"};
  SECGATE_ASSIGN_OR_RETURN(f.id, core::GetString(v, "VulnerabilityID", where));
  // Trivy always writes VulnerabilityID (the advisory database's key) and
  // Severity ("UNKNOWN" when it has none), legacy reports included: a record
  // without one is malformed, not a finding to guess (docs/vuln.md).
  if (f.id.empty()) return Error{where, "missing VulnerabilityID (Trivy always writes one)"};
  SECGATE_ASSIGN_OR_RETURN(std::vector<std::string> vendor_ids,
                           core::GetStringArray(v, "VendorIDs", where));
  f.related = std::move(vendor_ids);
  SECGATE_ASSIGN_OR_RETURN(f.package.name, core::GetString(v, "PkgName", where));
  if (f.package.name.empty()) return Error{where, "missing PkgName"};
  SECGATE_ASSIGN_OR_RETURN(f.package.version, core::GetString(v, "InstalledVersion", where));
  std::string fixed, severity, pkg_path;
  SECGATE_ASSIGN_OR_RETURN(fixed, core::GetString(v, "FixedVersion", where));
  f.fixed_versions = SplitFixed(fixed);
  SECGATE_ASSIGN_OR_RETURN(pkg_path, core::GetString(v, "PkgPath", where));
  f.location.path = pkg_path;
  SECGATE_ASSIGN_OR_RETURN(f.title, core::GetString(v, "Title", where));
  SECGATE_ASSIGN_OR_RETURN(f.url, core::GetString(v, "PrimaryURL", where));
  SECGATE_ASSIGN_OR_RETURN(severity, core::GetString(v, "Severity", where));
  SECGATE_ASSIGN_OR_RETURN(f.severity_source, core::GetString(v, "SeveritySource", where));
  if (severity.empty()) return Error{where, "missing Severity (Trivy always writes one)"};
  auto sev = core::ParseSeverityWord(severity);
  if (!sev) return Error{where + "/Severity", "unknown severity '" + severity + "'"};
  f.severity = *sev;
  if (f.severity_source.empty()) f.severity_source = "trivy";

  if (auto it = v.find("PkgIdentifier"); it != v.end() && !it->is_null()) {
    SECGATE_RETURN_IF_ERROR(core::ExpectObject(*it, where + "/PkgIdentifier"));
    if (Status s = core::RefuseCaseVariants(*it, kPkgIdentifierKeys, where + "/PkgIdentifier"); !s)
      return s.error();
    SECGATE_ASSIGN_OR_RETURN(std::string purl,
                             core::GetString(*it, "PURL", where + "/PkgIdentifier"));
    f.package.purl = purl;
  }
  // CVSS scores per source; the reported source's v3 score (else NVD's)
  // becomes the finding's score.
  std::unordered_map<std::string, double> scores;
  if (auto it = v.find("CVSS"); it != v.end() && !it->is_null()) {
    SECGATE_RETURN_IF_ERROR(core::ExpectObject(*it, where + "/CVSS"));
    for (const auto& [source, c] : it->items()) {
      std::string w = where + "/CVSS/" + source;
      SECGATE_RETURN_IF_ERROR(core::ExpectObject(c, w));
      SECGATE_RETURN_IF_ERROR(core::RefuseCaseVariants(c, kCvssKeys, w));
      for (const std::string& key : kCvssKeys) {
        // Out-of-range scores are errors (found by vuln_trivy_fuzz: 25.3
        // reached the verdict as a score).
        SECGATE_ASSIGN_OR_RETURN(std::optional<double> n, core::GetCvssScore(c, key.c_str(), w));
        if (n && *n > 0 && !scores.count(source)) scores[source] = *n;
      }
    }
  }
  if (auto it = v.find("VendorSeverity"); it != v.end() && !it->is_null()) {
    SECGATE_RETURN_IF_ERROR(core::ExpectObject(*it, where + "/VendorSeverity"));
    for (const auto& [source, n] : it->items()) {
      std::string w = where + "/VendorSeverity/" + source;
      if (!n.is_number_integer() && !n.is_number_unsigned())
        return Error{w, "expected integer 0-4, got " + core::JsonTypeName(n)};
      auto s = core::SeverityFromTrivyInt(n.get<long>());
      if (!s) return Error{w, "expected integer 0-4, got " + std::to_string(n.get<long>())};
      f.ratings.push_back({source, *s, scores.count(source) ? scores[source] : 0});
    }
  }
  if (scores.count(f.severity_source)) f.score = scores[f.severity_source];
  else if (scores.count("nvd")) f.score = scores["nvd"];
  if (f.severity == Severity::kUnknown && f.score > 0) {
    f.severity = core::SeverityFromCvss(f.score);
    f.severity_source = "cvss";
  }
  SECGATE_ASSIGN_OR_RETURN(std::vector<std::string> refs,
                           core::GetStringArray(v, "References", where));
  for (const auto& r : refs) {
    std::string ghsa = ExtractGhsa(r);
    if (!ghsa.empty() && ghsa != f.id) {
      bool dup = false;
      for (const auto& a : f.aliases) dup |= a == ghsa;
      if (!dup) f.aliases.push_back(ghsa);
    }
  }
  if (std::string ghsa = ExtractGhsa(f.url); !ghsa.empty() && ghsa != f.id) {
    bool dup = false;
    for (const auto& a : f.aliases) dup |= a == ghsa;
    if (!dup) f.aliases.push_back(ghsa);
  }
  return f;
}

// What the record callbacks of one parse share.
struct TrivyState {
  std::string name;
  ReaderOutput* out;
  std::vector<std::pair<size_t, std::string>> owners;  // finding index -> result prefix
  std::unordered_map<size_t, std::string> matches;     // secret index -> Trivy's redacted Match
  std::string artifact;                                // ArtifactName
};

// Secrets and licenses of the results under `base` become findings;
// misconfigurations that did not pass are counted.
void RegisterClasses(core::JsonStreamer& s, const std::string& base, TrivyState& st) {
  s.KnownKeys(base + "/Misconfigurations/*", {"Status"});
  s.KnownKeys(base + "/Secrets/*", TrivySecretFields());
  s.KnownKeys(base + "/Licenses/*", TrivyLicenseFields());
  s.OnRecord(base + "/Misconfigurations/*", [&st](const std::string& p, json& v) -> Status {
    SECGATE_ASSIGN_OR_RETURN(std::string status, core::GetString(v, "Status", st.name + ":" + p));
    if (status != "PASS" && status != "EXCEPTION") st.out->skipped["misconfigurations"]++;
    return core::Ok{};
  }, {"Status"});
  s.OnRecord(base + "/Secrets/*", [&st](const std::string& p, json& v) -> Status {
    std::string match;
    auto f = ParseTrivySecret(v, st.name + ":" + p, &match);
    if (!f) return f.error();
    st.matches[st.out->findings.size()] = std::move(match);
    st.owners.emplace_back(st.out->findings.size(), ResultPrefix(p));
    st.out->findings.push_back(std::move(*f));
    return core::Ok{};
  }, TrivySecretFields());
  s.OnRecord(base + "/Licenses/*", [&st](const std::string& p, json& v) -> Status {
    auto f = ParseTrivyLicense(v, st.name + ":" + p);
    if (!f) return f.error();
    st.owners.emplace_back(st.out->findings.size(), ResultPrefix(p));
    st.out->findings.push_back(std::move(*f));
    return core::Ok{};
  }, TrivyLicenseFields());
}

// Where a finding was found, once every result's Target is known.
void Locate(Finding* f, const ResultInfo& r, const std::string& resource, const TrivyState& st,
            size_t idx) {
  std::string label = resource.empty() ? r.target : resource + ": " + r.target;
  switch (core::ClassOf(*f)) {
    case core::FindingClass::kSecret:
      // A secret result's Target is the file; the artifact is the image or repository.
      f->location.path = r.target;
      f->location.target = resource.empty() ? st.artifact : resource;
      FinishTrivySecret(f, st.matches.at(idx));
      break;
    case core::FindingClass::kLicense:
      f->location.target = label;
      FinishTrivyLicense(f);
      break;
    default:
      f->location.target = label;
      f->package.ecosystem = r.type;
      if (r.cls == "lang-pkgs" && f->location.path.empty()) f->location.path = r.target;
  }
  f->input = st.name;
}

}  // namespace

Status ReadTrivy(core::InputFile& in, ReaderOutput* out) {
  core::JsonStreamer s;
  std::unordered_map<std::string, ResultInfo> results;
  TrivyState st{in.path(), out, {}, {}, {}};
  auto& owners = st.owners;
  const std::string& name = st.name;

  // Where Results arrays live: plain reports, k8s reports (two shapes), and
  // the legacy top-level array whose elements are results.
  const std::vector<std::string> bases = {"/Results/*", "/Resources/*/Results/*",
                                          "/Vulnerabilities/*/Results/*",
                                          "/Misconfigurations/*/Results/*", "/*"};
  s.KnownKeys("", kTopLevelKeys);
  s.Expect("/Results", {core::JsonType::kArray});
  s.Expect("/Resources", {core::JsonType::kArray});
  s.Expect("/SchemaVersion", {core::JsonType::kNumber});
  s.Expect("/ArtifactName", {core::JsonType::kString});
  s.OnRecord("/ArtifactName", [&](const std::string&, json& v) -> Status {
    if (v.is_string()) st.artifact = v.get<std::string>();
    return core::Ok{};
  });
  s.OnRecord("/SchemaVersion", [&](const std::string& p, json& v) -> Status {
    if (!v.is_number_integer() || v.get<long>() != 2)
      return Error{name + ":" + p, "unsupported Trivy SchemaVersion " + v.dump() + " (expected 2)"};
    return core::Ok{};
  });
  for (const std::string& base : bases) {
    s.KnownKeys(base, kResultKeys);
    s.KnownKeys(base + "/Vulnerabilities/*", kVulnerabilityFields);
    s.Expect(base + "/Vulnerabilities", {core::JsonType::kArray});
    s.Expect(base + "/Misconfigurations", {core::JsonType::kArray});
    s.Expect(base + "/Secrets", {core::JsonType::kArray});
    s.Expect(base + "/Licenses", {core::JsonType::kArray});
    for (const char* key : {"Target", "Type", "Class"}) {
      std::string k = key;
      s.Expect(base + "/" + k, {core::JsonType::kString});
      s.OnRecord(base + "/" + k, [&, k](const std::string& p, json& v) -> Status {
        if (!v.is_string()) return core::Ok{};  // null: Trivy's "none", like absent
        ResultInfo& r = results[p.substr(0, p.rfind('/'))];
        (k == "Target" ? r.target : k == "Type" ? r.type : r.cls) = v.get<std::string>();
        return core::Ok{};
      });
    }
    s.OnRecord(base + "/Vulnerabilities/*", [&](const std::string& p, json& v) -> Status {
      auto f = ParseVulnerability(v, name + ":" + p);
      if (!f) return f.error();
      owners.emplace_back(out->findings.size(), ResultPrefix(p));
      out->findings.push_back(std::move(*f));
      return core::Ok{};
    }, kVulnerabilityFields);
    RegisterClasses(s, base, st);
  }
  // Kubernetes resources name the workload each result belongs to.
  for (const char* res : {"/Resources/*", "/Vulnerabilities/*", "/Misconfigurations/*"}) {
    s.KnownKeys(res, kResourceKeys);
    for (const char* key : {"Namespace", "Kind", "Name"}) {
      std::string k = key;
      s.OnRecord(std::string(res) + "/" + k, [&, k](const std::string& p, json& v) -> Status {
        if (!v.is_string()) return core::Ok{};
        std::string prefix = p.substr(0, p.rfind('/'));
        results[prefix + "#res"].resource += (results[prefix + "#res"].resource.empty() ? "" : "/") + v.get<std::string>();
        return core::Ok{};
      });
    }
  }
  if (Status st = s.Parse(in); !st) return st;
  if (s.top_level_type() == core::JsonTopLevel::kObject) {
    bool shape = false;
    for (const char* key : {"SchemaVersion", "Results", "ArtifactName", "Resources", "ClusterName"})
      shape |= s.HasTopLevelKey(key);
    if (!shape)
      return Error{name, "not a Trivy report: no SchemaVersion, ArtifactName or Results"};
  } else if (s.top_level_type() == core::JsonTopLevel::kArray) {
    // Before 0.20 the report was an array of results, each with a Target.
    long targets = 0;
    for (const auto& [prefix, r] : results)
      targets += prefix.find('/', 1) == std::string::npos && !r.target.empty();
    if (s.top_level_size() == 0 || targets != s.top_level_size())
      return Error{name, "not a Trivy report: expected an array of results with Target"};
  } else {
    return Error{name, "not a Trivy report: expected a JSON object or array"};
  }

  for (auto& [idx, prefix] : owners) {
    // k8s: "/Resources/2/Results/0" -> resource "/Resources/2"
    std::string res_prefix = ResultPrefix(prefix + "/x");
    res_prefix = res_prefix.substr(0, res_prefix.rfind('/'));
    std::string resource;
    if (auto it = results.find(res_prefix + "#res"); it != results.end()) resource = it->second.resource;
    Locate(&out->findings[idx], results[prefix], resource, st, idx);
  }
  if (auto it = out->skipped.find("misconfigurations"); it != out->skipped.end())
    out->not_gated.push_back(name + ": " + std::to_string(it->second) +
                         " misconfigurations not gated here: run secgate-code");
  return core::Ok{};
}

// Trivy: the legacy top-level array of results, or the schema 2 object
// (SchemaVersion, ArtifactName…). Trivy between the two wrote the image's
// ImageID, RepoTags and RepoDigests beside Results, without SchemaVersion;
// `trivy k8s` writes ClusterName.
bool LooksLikeTrivy(const FormatProbe& p) {
  if (p.array()) return p.seen("/0/Target");
  if (!p.object()) return false;
  return p.has("SchemaVersion") || p.has("ArtifactName") ||
         (p.has("Results") && p.has("ArtifactType")) || p.has("ClusterName") ||
         (p.has("Results") && (p.has("ImageID") || p.has("RepoTags") || p.has("RepoDigests")));
}

}  // namespace secgate::vuln
