// Trivy JSON reports: schema 2 (`trivy image|fs|repo|sbom --format json`),
// reports without SchemaVersion, Kubernetes reports (`Resources[]` or the
// older `Vulnerabilities[]` of resources), and the top-level array written
// before Trivy 0.20. Vulnerabilities, secrets and licenses become findings
// (trivy_classes.h); failed misconfigurations are counted and named in a
// note, not gated here (secgate-code gates them: issue 17).
#include <algorithm>
#include <unordered_map>

#include "gates/core/json_stream.h"
#include "gates/vuln/readers/common.h"
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

// CVSS base score per source ("nvd" -> 7.5).
using Scores = std::unordered_map<std::string, double>;

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

// The advisory, the package and its fix. Trivy always writes
// VulnerabilityID (the advisory database's key), legacy reports included: a
// record without one is malformed, not a finding to guess (docs/vuln.md).
Status ReadIdentity(const json& v, const std::string& where, Finding* f) {
  SECGATE_ASSIGN_OR_RETURN(f->id, core::GetString(v, "VulnerabilityID", where));
  if (f->id.empty()) return Error{where, "missing VulnerabilityID (Trivy always writes one)"};
  SECGATE_ASSIGN_OR_RETURN(f->related, core::GetStringArray(v, "VendorIDs", where));
  SECGATE_ASSIGN_OR_RETURN(f->package.name, core::RequireString(v, "PkgName", where));
  SECGATE_ASSIGN_OR_RETURN(f->package.version, core::GetString(v, "InstalledVersion", where));
  SECGATE_ASSIGN_OR_RETURN(std::string fixed, core::GetString(v, "FixedVersion", where));
  f->fixed_versions = SplitFixed(fixed);
  SECGATE_ASSIGN_OR_RETURN(f->location.path, core::GetString(v, "PkgPath", where));
  SECGATE_ASSIGN_OR_RETURN(f->title, core::GetString(v, "Title", where));
  SECGATE_ASSIGN_OR_RETURN(f->url, core::GetString(v, "PrimaryURL", where));
  return core::Ok{};
}

// Severity ("UNKNOWN" when Trivy has none, never absent) and the source
// Trivy took it from.
Status ReadSeverity(const json& v, const std::string& where, Finding* f) {
  SECGATE_ASSIGN_OR_RETURN(std::string word, core::GetString(v, "Severity", where));
  SECGATE_ASSIGN_OR_RETURN(f->severity_source, core::GetString(v, "SeveritySource", where));
  SECGATE_ASSIGN_OR_RETURN(f->severity, TrivySeverity(word, where));
  if (f->severity_source.empty()) f->severity_source = "trivy";
  return core::Ok{};
}

Status ReadPurl(const json& v, const std::string& where, Finding* f) {
  SECGATE_ASSIGN_OR_RETURN(const json* id, core::GetObject(v, "PkgIdentifier", where));
  if (!id) return core::Ok{};
  const std::string w = where + "/PkgIdentifier";
  SECGATE_RETURN_IF_ERROR(core::RefuseCaseVariants(*id, kPkgIdentifierKeys, w));
  SECGATE_ASSIGN_OR_RETURN(f->package.purl, core::GetString(*id, "PURL", w));
  return core::Ok{};
}

// CVSS: each source's first positive score of V40Score, V3Score, V2Score.
Result<Scores> ReadCvssScores(const json& v, const std::string& where) {
  Scores scores;
  SECGATE_ASSIGN_OR_RETURN(const json* cvss, core::GetObject(v, "CVSS", where));
  if (!cvss) return scores;
  for (const auto& [source, c] : cvss->items()) {
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
  return scores;
}

// VendorSeverity: one rating per source (Trivy's integer 0-4), with that
// source's CVSS score.
Status ReadVendorRatings(const json& v, const std::string& where, const Scores& scores,
                         Finding* f) {
  SECGATE_ASSIGN_OR_RETURN(const json* vendors, core::GetObject(v, "VendorSeverity", where));
  if (!vendors) return core::Ok{};
  for (const auto& [source, n] : vendors->items()) {
    std::string w = where + "/VendorSeverity/" + source;
    if (!n.is_number_integer() && !n.is_number_unsigned())
      return Error{w, "expected integer 0-4, got " + core::JsonTypeName(n)};
    auto s = core::SeverityFromTrivyInt(n.get<long>());
    if (!s) return Error{w, "expected integer 0-4, got " + std::to_string(n.get<long>())};
    auto score = scores.find(source);
    f->ratings.push_back({source, *s, score != scores.end() ? score->second : 0});
  }
  return core::Ok{};
}

// The reported source's score (else NVD's) is the finding's score; an
// UNKNOWN severity with a score takes the score's severity.
void ChooseScore(const Scores& scores, Finding* f) {
  if (auto own = scores.find(f->severity_source); own != scores.end()) f->score = own->second;
  else if (auto nvd = scores.find("nvd"); nvd != scores.end()) f->score = nvd->second;
  if (f->severity == Severity::kUnknown && f->score > 0) {
    f->severity = core::SeverityFromCvss(f->score);
    f->severity_source = "cvss";
  }
}

// The GHSA of a github.com/advisories URL is an alias, once, unless it is the id.
void AddGhsaAlias(const std::string& url, Finding* f) {
  std::string ghsa = GhsaFromUrl(url);
  if (ghsa.empty() || ghsa == f->id) return;
  if (std::find(f->aliases.begin(), f->aliases.end(), ghsa) == f->aliases.end())
    f->aliases.push_back(ghsa);
}

// Aliases from References[], then from PrimaryURL.
Status ReadAliases(const json& v, const std::string& where, Finding* f) {
  SECGATE_ASSIGN_OR_RETURN(std::vector<std::string> refs,
                           core::GetStringArray(v, "References", where));
  for (const auto& r : refs) AddGhsaAlias(r, f);
  AddGhsaAlias(f->url, f);
  return core::Ok{};
}

Result<Finding> ParseVulnerability(const json& v, const std::string& where) {
  SECGATE_RETURN_IF_ERROR(core::ExpectObject(v, where));
  Finding f;
  f.gate = core::Gate::kVuln;
  f.sources = {"trivy"};
  SECGATE_RETURN_IF_ERROR(ReadIdentity(v, where, &f));
  SECGATE_RETURN_IF_ERROR(ReadSeverity(v, where, &f));
  SECGATE_RETURN_IF_ERROR(ReadPurl(v, where, &f));
  SECGATE_ASSIGN_OR_RETURN(Scores scores, ReadCvssScores(v, where));
  SECGATE_RETURN_IF_ERROR(ReadVendorRatings(v, where, scores, &f));
  ChooseScore(scores, &f);
  SECGATE_RETURN_IF_ERROR(ReadAliases(v, where, &f));
  return f;
}

// What the record callbacks of one parse share.
struct TrivyState {
  std::string name;
  ReaderOutput* out = nullptr;
  std::vector<std::pair<size_t, std::string>> owners;  // finding index -> result prefix
  std::unordered_map<size_t, std::string> matches;     // secret index -> Trivy's redacted Match
  std::string artifact;                                // ArtifactName
  // Result prefix -> its Target, Type, Class; resource prefix + "#res" -> the
  // k8s workload ("default/Deployment/app").
  std::unordered_map<std::string, ResultInfo> results;
  std::vector<std::pair<size_t, std::string>> code_owners;  // code finding -> result prefix
  std::unordered_map<std::string, int> listed_failures;     // result prefix -> FAIL records
  std::unordered_map<std::string, long> summary_failures;   // result prefix -> MisconfSummary
};

// Secrets and licenses of the results under `base` become findings;
// misconfigurations that did not pass are counted.
void RegisterClasses(core::JsonStreamer& s, const std::string& base, TrivyState& st) {
  s.KnownKeys(base + "/Misconfigurations/*", TrivyMisconfigurationFields());
  s.KnownKeys(base + "/Secrets/*", TrivySecretFields());
  s.KnownKeys(base + "/Licenses/*", TrivyLicenseFields());
  s.OnRecord(base + "/Misconfigurations/*", [&st](const std::string& p, json& v) -> Status {
    SECGATE_ASSIGN_OR_RETURN(std::optional<Finding> f,
                             ParseTrivyMisconfiguration(v, st.name + ":" + p));
    if (!f) {
      st.out->passed_misconfigurations++;
      return core::Ok{};
    }
    if (f->upstream_ignore.empty()) {
      st.out->skipped["misconfigurations"]++;
      st.listed_failures[ResultPrefix(p)]++;
    }
    st.code_owners.emplace_back(st.out->code_findings.size(), ResultPrefix(p));
    st.out->code_findings.push_back(std::move(*f));
    return core::Ok{};
  }, TrivyMisconfigurationFields());
  s.OnRecord(base + "/MisconfSummary/Failures", [&st](const std::string& p, json& v) -> Status {
    if (!v.is_number_integer() || v.get<long long>() < 0)
      return Error{st.name + ":" + p, "expected a count, got " + v.dump()};
    st.summary_failures[p.substr(0, p.rfind("/MisconfSummary"))] = v.get<long>();
    return core::Ok{};
  });
  s.OnRecord(base + "/Secrets/*", [&st](const std::string& p, json& v) -> Status {
    std::string match;
    SECGATE_ASSIGN_OR_RETURN(Finding f, ParseTrivySecret(v, st.name + ":" + p, &match));
    st.matches[st.out->findings.size()] = std::move(match);
    st.owners.emplace_back(st.out->findings.size(), ResultPrefix(p));
    st.out->findings.push_back(std::move(f));
    return core::Ok{};
  }, TrivySecretFields());
  s.OnRecord(base + "/Licenses/*", [&st](const std::string& p, json& v) -> Status {
    SECGATE_ASSIGN_OR_RETURN(Finding f, ParseTrivyLicense(v, st.name + ":" + p));
    st.owners.emplace_back(st.out->findings.size(), ResultPrefix(p));
    st.out->findings.push_back(std::move(f));
    return core::Ok{};
  }, TrivyLicenseFields());
}

// The top level: case variants of its keys are refused, ArtifactName is
// kept, and a SchemaVersion must be 2.
void RegisterHeader(core::JsonStreamer& s, TrivyState& st) {
  s.KnownKeys("", kTopLevelKeys);
  s.Expect("/Results", {core::JsonType::kArray});
  s.Expect("/Resources", {core::JsonType::kArray});
  s.Expect("/SchemaVersion", {core::JsonType::kNumber});
  s.Expect("/ArtifactName", {core::JsonType::kString});
  s.OnRecord("/ArtifactName", [&st](const std::string&, json& v) -> Status {
    if (v.is_string()) st.artifact = v.get<std::string>();
    return core::Ok{};
  });
  s.OnRecord("/SchemaVersion", [&st](const std::string& p, json& v) -> Status {
    if (!v.is_number_integer() || v.get<long>() != 2)
      return Error{st.name + ":" + p,
                   "unsupported Trivy SchemaVersion " + v.dump() + " (expected 2)"};
    return core::Ok{};
  });
}

// Each result at `base`: its Target, Type and Class (kept to locate its
// findings once the parse ends) and its findings of every class.
void RegisterResult(core::JsonStreamer& s, const std::string& base, TrivyState& st) {
  s.KnownKeys(base, kResultKeys);
  s.KnownKeys(base + "/Vulnerabilities/*", kVulnerabilityFields);
  for (const char* list : {"/Vulnerabilities", "/Misconfigurations", "/Secrets", "/Licenses"})
    s.Expect(base + list, {core::JsonType::kArray});
  for (const char* key : {"Target", "Type", "Class"}) {
    std::string k = key;
    s.Expect(base + "/" + k, {core::JsonType::kString});
    s.OnRecord(base + "/" + k, [&st, k](const std::string& p, json& v) -> Status {
      if (!v.is_string()) return core::Ok{};  // null: Trivy's "none", like absent
      ResultInfo& r = st.results[p.substr(0, p.rfind('/'))];
      (k == "Target" ? r.target : k == "Type" ? r.type : r.cls) = v.get<std::string>();
      return core::Ok{};
    });
  }
  s.OnRecord(base + "/Vulnerabilities/*", [&st](const std::string& p, json& v) -> Status {
    SECGATE_ASSIGN_OR_RETURN(Finding f, ParseVulnerability(v, st.name + ":" + p));
    st.owners.emplace_back(st.out->findings.size(), ResultPrefix(p));
    st.out->findings.push_back(std::move(f));
    return core::Ok{};
  }, kVulnerabilityFields);
  RegisterClasses(s, base, st);
}

// Kubernetes resources name the workload each result belongs to.
void RegisterResources(core::JsonStreamer& s, TrivyState& st) {
  for (const char* res : {"/Resources/*", "/Vulnerabilities/*", "/Misconfigurations/*"}) {
    s.KnownKeys(res, kResourceKeys);
    for (const char* key : {"Namespace", "Kind", "Name"}) {
      s.OnRecord(std::string(res) + "/" + key, [&st](const std::string& p, json& v) -> Status {
        if (!v.is_string()) return core::Ok{};
        std::string& resource = st.results[p.substr(0, p.rfind('/')) + "#res"].resource;
        resource += (resource.empty() ? "" : "/") + v.get<std::string>();
        return core::Ok{};
      });
    }
  }
}

// The document parsed; is it a Trivy report?
Status CheckShape(const core::JsonStreamer& s, const TrivyState& st) {
  if (s.top_level_type() == core::JsonTopLevel::kObject) {
    bool shape = false;
    for (const char* key : {"SchemaVersion", "Results", "ArtifactName", "Resources", "ClusterName"})
      shape |= s.HasTopLevelKey(key);
    if (!shape)
      return Error{st.name, "not a Trivy report: no SchemaVersion, ArtifactName or Results"};
  } else if (s.top_level_type() == core::JsonTopLevel::kArray) {
    // Before 0.20 the report was an array of results, each with a Target.
    long targets = 0;
    for (const auto& [prefix, r] : st.results)
      targets += prefix.find('/', 1) == std::string::npos && !r.target.empty();
    if (s.top_level_size() == 0 || targets != s.top_level_size())
      return Error{st.name, "not a Trivy report: expected an array of results with Target"};
  } else {
    return Error{st.name, "not a Trivy report: expected a JSON object or array"};
  }
  return core::Ok{};
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

// Misconfigurations get their result's Target; MisconfSummary failures
// beyond the listed ones are counted for secgate-code's note.
void LocateMisconfigurations(TrivyState& st) {
  for (auto& [idx, prefix] : st.code_owners) {
    auto it = st.results.find(prefix);
    const std::string target = it == st.results.end() ? "" : it->second.target;
    FinishTrivyMisconfiguration(&st.out->code_findings[idx], target, st.artifact);
  }
  for (const auto& [prefix, failures] : st.summary_failures) {
    auto listed = st.listed_failures.find(prefix);
    long n = failures - (listed == st.listed_failures.end() ? 0 : listed->second);
    if (n > 0) st.out->unlisted_misconfigurations += static_cast<int>(n);
  }
}

// Every finding located in its result (and k8s resource); the note naming
// the misconfigurations left to secgate-code.
void LocateFindings(TrivyState& st) {
  for (auto& [idx, prefix] : st.owners) {
    // k8s: "/Resources/2/Results/0" -> resource "/Resources/2"
    std::string res_prefix = ResultPrefix(prefix + "/x");
    res_prefix = res_prefix.substr(0, res_prefix.rfind('/'));
    std::string resource;
    if (auto it = st.results.find(res_prefix + "#res"); it != st.results.end())
      resource = it->second.resource;
    Locate(&st.out->findings[idx], st.results[prefix], resource, st, idx);
  }
  if (auto it = st.out->skipped.find("misconfigurations"); it != st.out->skipped.end())
    st.out->not_gated.push_back(st.name + ": " + std::to_string(it->second) +
                                " misconfigurations not gated here: run secgate-code");
}

}  // namespace

Status ReadTrivy(core::InputFile& in, ReaderOutput* out) {
  core::JsonStreamer s;
  TrivyState st;
  st.name = in.path();
  st.out = out;
  RegisterHeader(s, st);
  // Where Results arrays live: plain reports, k8s reports (two shapes), and
  // the legacy top-level array whose elements are results.
  for (const char* base : {"/Results/*", "/Resources/*/Results/*", "/Vulnerabilities/*/Results/*",
                           "/Misconfigurations/*/Results/*", "/*"})
    RegisterResult(s, base, st);
  RegisterResources(s, st);
  SECGATE_RETURN_IF_ERROR(s.Parse(in));
  SECGATE_RETURN_IF_ERROR(CheckShape(s, st));
  LocateFindings(st);
  LocateMisconfigurations(st);
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
