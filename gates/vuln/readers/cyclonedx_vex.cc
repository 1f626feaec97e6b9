// CycloneDX JSON 1.2–1.7 with vulnerabilities[] (VDR / VEX; docs/input-formats.md
// §14). One finding per vulnerability and affects[] ref; refs resolve to the
// components' purls (a BOM-Link "urn:cdx:…#ref" by its fragment; a dangling
// ref is kept as the package name). Every rating is kept; the reported
// severity is the rating of the vulnerability's own source, else the first
// rating with a severity. analysis.state/justification become the VEX fields
// that policy vuln.trust_vex reads. An SBOM without vulnerabilities is a
// clean input (inventory only).
#include <map>

#include "gates/core/json_stream.h"
#include "gates/core/strings.h"
#include "gates/core/purl.h"
#include "gates/core/spec_versions.h"
#include "gates/vuln/readers/common.h"
#include "gates/vuln/readers/reader.h"

namespace secgate::vuln {

using core::Error;
using core::Finding;
using core::Result;
using core::Status;
using nlohmann::json;

namespace {

using ComponentMap = std::map<std::string, core::Package>;

Status CollectComponent(const json& c, const std::string& where, ComponentMap* map) {
  SECGATE_RETURN_IF_ERROR(core::ExpectObject(c, where));
  std::string ref;
  core::Package p;
  SECGATE_ASSIGN_OR_RETURN(ref, core::GetString(c, "bom-ref", where));
  SECGATE_ASSIGN_OR_RETURN(p.name, core::GetString(c, "name", where));
  SECGATE_ASSIGN_OR_RETURN(p.version, core::GetString(c, "version", where));
  SECGATE_ASSIGN_OR_RETURN(p.purl, core::GetString(c, "purl", where));
  if (auto purl = core::ParsePurl(p.purl)) p.ecosystem = purl->type;
  if (!ref.empty()) (*map)[ref] = p;
  SECGATE_ASSIGN_OR_RETURN(const json* kids, core::GetArray(c, "components", where));
  for (size_t i = 0; kids && i < kids->size(); ++i)
    SECGATE_RETURN_IF_ERROR(
        CollectComponent((*kids)[i], where + "/components/" + std::to_string(i), map));
  return core::Ok{};
}

Result<std::string> SourceName(const json& obj, const std::string& where) {
  SECGATE_ASSIGN_OR_RETURN(const json* src, core::GetObject(obj, "source", where));
  std::string name;
  if (src) {
    SECGATE_ASSIGN_OR_RETURN(name, core::GetString(*src, "name", where + "/source"));
  }
  return core::AsciiLower(name);
}

Status ReadRatings(const json& v, const std::string& where, const std::string& own, Finding* f) {
  SECGATE_ASSIGN_OR_RETURN(const json* ratings, core::GetArray(v, "ratings", where));
  int chosen = -1;
  for (size_t i = 0; ratings && i < ratings->size(); ++i) {
    const json& r = (*ratings)[i];
    std::string w = where + "/ratings/" + std::to_string(i), word, method;
    SECGATE_RETURN_IF_ERROR(core::ExpectObject(r, w));
    SECGATE_ASSIGN_OR_RETURN(std::string source, SourceName(r, w));
    SECGATE_ASSIGN_OR_RETURN(word, core::GetString(r, "severity", w));
    SECGATE_ASSIGN_OR_RETURN(method, core::GetString(r, "method", w));
    SECGATE_ASSIGN_OR_RETURN(std::optional<double> score, core::GetCvssScore(r, "score", w));
    double sc = score ? *score : 0;
    core::Severity sev = core::Severity::kUnknown;
    if (!word.empty()) {
      SECGATE_ASSIGN_OR_RETURN(core::Severity parsed, SeverityFromWord(word, w + "/severity"));
      sev = parsed;
    } else if (method.rfind("CVSS", 0) == 0 && sc > 0) {
      sev = core::SeverityFromCvss(sc, method == "CVSSv2" ? 2 : 3);
    } else {
      continue;  // EPSS, KEV and other non-severity ratings
    }
    if (method.rfind("CVSS", 0) != 0) sc = 0;
    f->ratings.push_back({source.empty() ? "cyclonedx" : source, sev, sc});
    const auto& added = f->ratings.back();
    if (added.severity == core::Severity::kUnknown) continue;
    bool own_source = !own.empty() && added.source == own;
    if (chosen < 0 || (own_source && f->ratings[chosen].source != own))
      chosen = static_cast<int>(f->ratings.size()) - 1;
  }
  if (chosen >= 0) {
    f->severity = f->ratings[chosen].severity;
    f->severity_source = f->ratings[chosen].source;
    f->score = f->ratings[chosen].score;
  } else {
    f->severity_source = "cyclonedx";
  }
  // A score from a CVSS rating of the same severity is better than none.
  for (const auto& r : f->ratings)
    if (f->score == 0 && r.severity == f->severity && r.score > 0) f->score = r.score;
  return core::Ok{};
}

struct Pending {
  Finding proto;
  std::vector<std::string> refs;
};

Result<Pending> ParseVulnerability(const json& v, const std::string& where) {
  SECGATE_RETURN_IF_ERROR(core::ExpectObject(v, where));
  Pending p;
  Finding& f = p.proto;
  f.sources = {"cyclonedx"};
  SECGATE_ASSIGN_OR_RETURN(f.id, core::RequireString(v, "id", where));
  SECGATE_ASSIGN_OR_RETURN(std::string own, SourceName(v, where));
  std::string description;
  SECGATE_ASSIGN_OR_RETURN(description, core::GetString(v, "description", where));
  f.title = description.substr(0, description.find('\n')).substr(0, 200);
  SECGATE_ASSIGN_OR_RETURN(const json* refs, core::GetArray(v, "references", where));
  for (size_t i = 0; refs && i < refs->size(); ++i) {
    std::string w = where + "/references/" + std::to_string(i), id;
    SECGATE_RETURN_IF_ERROR(core::ExpectObject((*refs)[i], w));
    SECGATE_ASSIGN_OR_RETURN(id, core::GetString((*refs)[i], "id", w));
    if (!core::EqualsIgnoreCase(id, f.id)) AddUnique(&f.aliases, id);
  }
  SECGATE_RETURN_IF_ERROR(ReadRatings(v, where, own, &f));
  SECGATE_ASSIGN_OR_RETURN(const json* affects, core::GetArray(v, "affects", where));
  for (size_t i = 0; affects && i < affects->size(); ++i) {
    std::string w = where + "/affects/" + std::to_string(i), ref;
    SECGATE_RETURN_IF_ERROR(core::ExpectObject((*affects)[i], w));
    SECGATE_ASSIGN_OR_RETURN(ref, core::RequireString((*affects)[i], "ref", w));
    p.refs.push_back(ref);
  }
  SECGATE_ASSIGN_OR_RETURN(const json* analysis, core::GetObject(v, "analysis", where));
  if (analysis) {
    const std::string w = where + "/analysis";
    SECGATE_ASSIGN_OR_RETURN(f.vex_state, core::GetString(*analysis, "state", w));
    SECGATE_ASSIGN_OR_RETURN(f.vex_justification, core::GetString(*analysis, "justification", w));
  }
  return p;
}

core::Package Resolve(const std::string& ref, const ComponentMap& components) {
  std::string key = ref;
  if (ref.rfind("urn:cdx:", 0) == 0 && ref.find('#') != std::string::npos)
    key = ref.substr(ref.find('#') + 1);
  if (auto it = components.find(key); it != components.end()) return it->second;
  core::Package p;
  if (auto purl = core::ParsePurl(key)) {
    p.name = purl->namespace_.empty() ? purl->name : purl->namespace_ + "/" + purl->name;
    p.version = purl->version;
    p.ecosystem = purl->type;
    p.purl = key;
  } else {
    p.name = key;  // dangling ref (common in hand-written VEX)
  }
  return p;
}

}  // namespace

Status ReadCycloneDx(core::InputFile& in, ReaderOutput* out) {
  core::JsonStreamer s;
  const std::string name = in.path();
  ComponentMap components;
  std::vector<Pending> pending;
  bool is_cdx = false;
  s.Expect("/components", {core::JsonType::kArray});
  s.Expect("/vulnerabilities", {core::JsonType::kArray});
  s.Expect("/specVersion", {core::JsonType::kString});
  s.OnRecord("/bomFormat", [&](const std::string& p, json& v) -> Status {
    if (!v.is_string() || v.get<std::string>() != "CycloneDX")
      return Error{name + ":" + p, "not a CycloneDX document: bomFormat is " + v.dump()};
    is_cdx = true;
    return core::Ok{};
  });
  s.OnRecord("/specVersion", [&](const std::string& p, json& v) -> Status {
    if (v.is_string() && core::IsKnownCycloneDxVersion(v.get<std::string>())) return core::Ok{};
    return Error{name + ":" + p, core::UnsupportedCycloneDxVersion(v.dump())};
  });
  s.OnRecord("/metadata/component", [&](const std::string& p, json& v) -> Status {
    return CollectComponent(v, name + ":" + p, &components);
  });
  s.OnRecord("/components/*", [&](const std::string& p, json& v) -> Status {
    return CollectComponent(v, name + ":" + p, &components);
  });
  s.OnRecord("/vulnerabilities/*", [&](const std::string& p, json& v) -> Status {
    SECGATE_ASSIGN_OR_RETURN(Pending r, ParseVulnerability(v, name + ":" + p));
    pending.push_back(std::move(r));
    return core::Ok{};
  });
  SECGATE_RETURN_IF_ERROR(s.Parse(in));
  if (s.top_level_type() != core::JsonTopLevel::kObject || !is_cdx)
    return Error{name, "not a CycloneDX document: no bomFormat \"CycloneDX\""};
  if (!s.HasTopLevelKey("vulnerabilities"))
    out->notes.push_back(name + ": CycloneDX SBOM without vulnerabilities: nothing to gate");
  for (auto& p : pending) {
    if (p.refs.empty()) p.refs.push_back("");
    for (const auto& ref : p.refs) {
      Finding f = p.proto;
      if (!ref.empty()) f.package = Resolve(ref, components);
      f.location.target = ref;
      f.input = name;
      out->findings.push_back(std::move(f));
    }
  }
  return core::Ok{};
}

bool LooksLikeCycloneDx(const FormatProbe& p) {
  return p.object() && p.str("/bomFormat") == "CycloneDX";
}

}  // namespace secgate::vuln
