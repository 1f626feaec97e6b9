// Grype JSON (`grype … -o json`, docs/input-formats.md §5): one finding per
// matches[] entry; relatedVulnerabilities[] ids are aliases (so the GHSA and
// CVE matches of one package merge) and their severities are extra ratings.
// ignoredMatches[] are Grype's own suppressions: read like matches and
// flagged (Finding::upstream_ignore, with the rule Grype applied), so the
// policy's vuln.upstream_ignores decides; never dropped here.
#include "gates/core/json_stream.h"
#include "gates/core/strings.h"
#include "gates/vuln/readers/common.h"
#include "gates/vuln/readers/reader.h"

namespace secgate::vuln {

using core::Error;
using core::Finding;
using core::Result;
using core::Severity;
using core::Status;
using nlohmann::json;

namespace {

// "github:language:javascript" -> "ghsa", "nvd:cpe" -> "nvd", "debian:distro:…" -> "debian".
std::string SourceFromNamespace(const std::string& ns) {
  std::string first = ns.substr(0, ns.find(':'));
  if (first == "github") return "ghsa";
  return first.empty() ? "grype" : first;
}

// Adds the CVSS entries of a vulnerability metadata object as ratings and
// returns the best base score (v3/v4 preferred over v2).
Result<double> ReadCvss(const json& meta, const std::string& where, const std::string& fallback,
                        std::vector<core::SeverityRating>* ratings) {
  SECGATE_ASSIGN_OR_RETURN(const json* arr, core::GetArray(meta, "cvss", where));
  double v3 = 0, v2 = 0;
  if (!arr) return 0.0;
  for (size_t i = 0; i < arr->size(); ++i) {
    const json& c = (*arr)[i];
    std::string w = where + "/cvss/" + std::to_string(i);
    SECGATE_RETURN_IF_ERROR(core::ExpectObject(c, w));
    std::string version, source;
    SECGATE_ASSIGN_OR_RETURN(version, core::GetString(c, "version", w));
    SECGATE_ASSIGN_OR_RETURN(source, core::GetString(c, "source", w));
    SECGATE_ASSIGN_OR_RETURN(const json* metrics, core::GetObject(c, "metrics", w));
    if (!metrics) continue;
    SECGATE_ASSIGN_OR_RETURN(std::optional<double> score,
                             core::GetCvssScore(*metrics, "baseScore", w + "/metrics"));
    if (!score || *score <= 0) continue;
    int major = version.rfind("2", 0) == 0 ? 2 : 3;
    (major == 2 ? v2 : v3) = std::max(major == 2 ? v2 : v3, *score);
    ratings->push_back({source.empty() ? fallback : source,
                        core::SeverityFromCvss(*score, major), *score});
  }
  return v3 > 0 ? v3 : v2;
}

Status ReadArtifact(const json& m, const std::string& where, Finding* f) {
  SECGATE_ASSIGN_OR_RETURN(const json* art, core::GetObject(m, "artifact", where));
  if (!art) return Error{where, "missing artifact"};
  const std::string w = where + "/artifact";
  const json& a = *art;
  SECGATE_ASSIGN_OR_RETURN(f->package.name, core::RequireString(a, "name", w));
  SECGATE_ASSIGN_OR_RETURN(f->package.version, core::GetString(a, "version", w));
  SECGATE_ASSIGN_OR_RETURN(f->package.ecosystem, core::GetString(a, "type", w));
  SECGATE_ASSIGN_OR_RETURN(f->package.purl, core::GetString(a, "purl", w));
  SECGATE_ASSIGN_OR_RETURN(const json* locs, core::GetArray(a, "locations", w));
  if (locs && !locs->empty()) {
    const json& l = (*locs)[0];
    SECGATE_RETURN_IF_ERROR(core::ExpectObject(l, w + "/locations/0"));
    SECGATE_ASSIGN_OR_RETURN(f->location.path, core::GetString(l, "path", w + "/locations/0"));
  }
  return core::Ok{};
}

// `*unrated` is set when the match has no severity.
Result<Finding> ParseMatch(const json& m, const std::string& where, bool* unrated) {
  SECGATE_RETURN_IF_ERROR(core::ExpectObject(m, where));
  SECGATE_ASSIGN_OR_RETURN(const json* vuln, core::GetObject(m, "vulnerability", where));
  if (!vuln) return Error{where, "missing vulnerability"};
  const json& v = *vuln;
  const std::string vw = where + "/vulnerability";
  Finding f;
  f.sources = {"grype"};
  std::string word, ns;
  SECGATE_ASSIGN_OR_RETURN(f.id, core::RequireString(v, "id", vw));
  // Grype omits severity when its database has none (NVD CPE matches, seen
  // with 0.96): UNKNOWN, so vuln.unknown_as decides; not an input error.
  SECGATE_ASSIGN_OR_RETURN(word, core::GetString(v, "severity", vw));
  SECGATE_ASSIGN_OR_RETURN(ns, core::GetString(v, "namespace", vw));
  SECGATE_ASSIGN_OR_RETURN(f.url, core::GetString(v, "dataSource", vw));
  *unrated = word.empty();
  SECGATE_ASSIGN_OR_RETURN(core::Severity sev, SeverityFromWord(word, vw + "/severity"));
  f.severity = sev;
  f.severity_source = SourceFromNamespace(ns);
  f.ratings.push_back({f.severity_source, f.severity, 0});
  SECGATE_ASSIGN_OR_RETURN(double score, ReadCvss(v, vw, f.severity_source, &f.ratings));
  f.score = score;
  f.ratings.front().score = score;
  SECGATE_ASSIGN_OR_RETURN(const json* fix, core::GetObject(v, "fix", vw));
  if (fix) {
    SECGATE_ASSIGN_OR_RETURN(f.fixed_versions, core::GetStringArray(*fix, "versions", vw + "/fix"));
  }
  SECGATE_ASSIGN_OR_RETURN(const json* related, core::GetArray(m, "relatedVulnerabilities", where));
  for (size_t i = 0; related && i < related->size(); ++i) {
    const json& r = (*related)[i];
    std::string rw = where + "/relatedVulnerabilities/" + std::to_string(i);
    SECGATE_RETURN_IF_ERROR(core::ExpectObject(r, rw));
    std::string id, rword, rns;
    SECGATE_ASSIGN_OR_RETURN(id, core::RequireString(r, "id", rw));
    SECGATE_ASSIGN_OR_RETURN(rword, core::GetString(r, "severity", rw));
    SECGATE_ASSIGN_OR_RETURN(rns, core::GetString(r, "namespace", rw));
    if (!core::EqualsIgnoreCase(id, f.id)) AddUnique(&f.aliases, id);
    SECGATE_ASSIGN_OR_RETURN(core::Severity rsev, SeverityFromWord(rword, rw + "/severity"));
    std::vector<core::SeverityRating> extra;
    SECGATE_ASSIGN_OR_RETURN(double rscore, ReadCvss(r, rw, SourceFromNamespace(rns), &extra));
    f.ratings.push_back({SourceFromNamespace(rns), rsev, rscore});
    for (auto& e : extra) f.ratings.push_back(std::move(e));
  }
  SECGATE_RETURN_IF_ERROR(ReadArtifact(m, where, &f));
  return f;
}

// "grype ignore rule (reason: …; vex-status: …)" from appliedIgnoreRules[0].
Result<std::string> IgnoreRuleText(const json& m, const std::string& where) {
  std::string text = "grype ignore rule";
  SECGATE_ASSIGN_OR_RETURN(const json* rules, core::GetArray(m, "appliedIgnoreRules", where));
  if (!rules || rules->empty() || !(*rules)[0].is_object()) return text;
  const json& rule = (*rules)[0];
  std::string detail;
  for (const char* key : {"vulnerability", "reason", "vex-status", "vex-justification", "fix-state"}) {
    auto f = rule.find(key);
    if (f != rule.end() && f->is_string() && !f->get<std::string>().empty())
      detail += (detail.empty() ? "" : "; ") + std::string(key) + ": " + f->get<std::string>();
  }
  return detail.empty() ? text : text + " (" + detail + ")";
}

}  // namespace

Status ReadGrype(core::InputFile& in, ReaderOutput* out) {
  core::JsonStreamer s;
  const std::string name = in.path();
  std::string target;
  int unrated = 0;
  s.Expect("/matches", {core::JsonType::kArray});
  s.Expect("/ignoredMatches", {core::JsonType::kArray});
  s.Expect("/descriptor", {core::JsonType::kObject});
  s.Expect("/source", {core::JsonType::kObject});
  s.OnRecord("/descriptor/name", [&](const std::string& p, json& v) -> Status {
    if (!v.is_string() || v.get<std::string>() != "grype")
      return Error{name + ":" + p, "not a Grype report: descriptor.name is " + v.dump()};
    return core::Ok{};
  });
  s.OnRecord("/source/target", [&](const std::string&, json& v) -> Status {
    if (v.is_string()) target = v.get<std::string>();
    else if (v.is_object() && v.contains("userInput") && v["userInput"].is_string())
      target = v["userInput"].get<std::string>();
    return core::Ok{};
  });
  s.OnRecord("/matches/*", [&](const std::string& p, json& v) -> Status {
    bool no_severity = false;
    SECGATE_ASSIGN_OR_RETURN(Finding f, ParseMatch(v, name + ":" + p, &no_severity));
    unrated += no_severity;
    out->findings.push_back(std::move(f));
    return core::Ok{};
  }, {"vulnerability", "relatedVulnerabilities", "artifact"});  // not matchDetails
  s.OnRecord("/ignoredMatches/*", [&](const std::string& p, json& v) -> Status {
    bool no_severity = false;
    SECGATE_ASSIGN_OR_RETURN(Finding f, ParseMatch(v, name + ":" + p, &no_severity));
    SECGATE_ASSIGN_OR_RETURN(std::string rule, IgnoreRuleText(v, name + ":" + p));
    f.upstream_ignore = std::move(rule);
    out->findings.push_back(std::move(f));
    return core::Ok{};
  }, {"vulnerability", "relatedVulnerabilities", "artifact", "appliedIgnoreRules"});
  SECGATE_RETURN_IF_ERROR(s.Parse(in));
  if (s.top_level_type() != core::JsonTopLevel::kObject || !s.HasTopLevelKey("matches"))
    return Error{name, "not a Grype report: expected an object with matches"};
  if (unrated > 0)
    out->notes.push_back(name + ": grype: " + std::to_string(unrated) +
                         (unrated == 1 ? " match has" : " matches have") +
                         " no severity: read as UNKNOWN (vuln.unknown_as decides)");
  for (auto& f : out->findings) {
    f.location.target = target;
    f.input = name;
  }
  return core::Ok{};
}

bool LooksLikeGrype(const FormatProbe& p) {
  return p.object() && p.has("matches") &&
         (p.str("/descriptor/name") == "grype" ||
          (p.seen("/matches/0/vulnerability") && p.seen("/matches/0/artifact")));
}

}  // namespace secgate::vuln
