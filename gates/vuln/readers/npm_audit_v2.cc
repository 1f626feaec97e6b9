// npm audit, npm 7 and later (`npm audit --json`, auditReportVersion 2;
// docs/input-formats.md §6). Findings are the advisory objects inside each
// package's via[]; a via[] string only names the dependency a package
// inherits from (a "carrier") and is not counted. The id is the GHSA parsed
// from via[].url; npm's numeric id (unstable) is kept only as alias NPM-<n>.
// Installed versions are not in the report, so findings have none.
// metadata.vulnerabilities counts the entries (vulnerable packages) by their
// severity and must match them (totals.h), and every entry must lead to an
// advisory: its own via[] objects, or carriers naming entries that do.
#include <map>
#include <set>

#include "gates/core/json_stream.h"
#include "gates/core/strings.h"
#include "gates/vuln/readers/common.h"
#include "gates/vuln/readers/reader.h"
#include "gates/vuln/readers/totals.h"

namespace secgate::vuln {

using core::Error;
using core::Finding;
using core::Result;
using core::Status;
using nlohmann::json;

namespace {

struct EntryInfo {
  std::string key;                 // map key = package name
  std::vector<std::string> nodes;  // install paths
  std::vector<std::string> fixes;  // from fixAvailable
};

Status ReadFixAvailable(const json& e, const std::string& where, EntryInfo* info) {
  auto it = e.find("fixAvailable");
  if (it == e.end() || it->is_null()) return core::Ok{};
  if (it->is_boolean()) {
    if (it->get<bool>()) info->fixes.push_back("available");
    return core::Ok{};
  }
  if (!it->is_object())
    return Error{where + "/fixAvailable",
                 "expected boolean or object, got " + core::JsonTypeName(*it)};
  std::string name, version;
  SECGATE_ASSIGN_OR_RETURN(name, core::GetString(*it, "name", where + "/fixAvailable"));
  SECGATE_ASSIGN_OR_RETURN(version, core::GetString(*it, "version", where + "/fixAvailable"));
  if (!version.empty()) info->fixes.push_back(name == info->key ? version : name + "@" + version);
  return core::Ok{};
}

Result<Finding> ParseVia(const json& via, const std::string& where, const EntryInfo& entry) {
  Finding f;
  f.sources = {"npm-audit"};
  std::string word, url, numeric;
  SECGATE_ASSIGN_OR_RETURN(f.package.name, core::RequireString(via, "name", where));
  SECGATE_ASSIGN_OR_RETURN(word, core::RequireString(via, "severity", where));
  SECGATE_ASSIGN_OR_RETURN(url, core::GetString(via, "url", where));
  SECGATE_ASSIGN_OR_RETURN(f.title, core::GetString(via, "title", where));
  SECGATE_ASSIGN_OR_RETURN(core::Severity sev, SeverityFromWord(word, where + "/severity"));
  if (auto it = via.find("source"); it != via.end() && !it->is_null()) {
    if (!it->is_number_integer() && !it->is_number_unsigned())
      return Error{where + "/source", "expected number, got " + core::JsonTypeName(*it)};
    numeric = "NPM-" + std::to_string(it->get<long long>());
  }
  std::string ghsa = GhsaFromUrl(url);
  f.id = ghsa.empty() ? numeric : ghsa;
  if (f.id.empty()) return Error{where, "missing advisory id (no GHSA url and no source)"};
  if (!ghsa.empty() && !numeric.empty()) f.aliases.push_back(numeric);
  SECGATE_ASSIGN_OR_RETURN(const json* cvss, core::GetObject(via, "cvss", where));
  if (cvss) {
    SECGATE_ASSIGN_OR_RETURN(std::optional<double> n,
                             core::GetCvssScore(*cvss, "score", where + "/cvss"));
    if (n) f.score = *n;
  }
  f.severity = sev;
  f.severity_source = ghsa.empty() ? "npm" : "ghsa";
  f.ratings.push_back({f.severity_source, f.severity, f.score});
  f.url = url;
  f.package.ecosystem = "npm";
  if (f.package.name == entry.key) {
    if (!entry.nodes.empty()) f.location.path = entry.nodes.front();
    f.fixed_versions = entry.fixes;
  }
  return f;
}

struct EntryLinks {
  std::string where;                  // the entry's pointer
  bool has_advisory = false;          // an object in via[]
  std::vector<std::string> carriers;  // via[] strings
};

struct V2State {
  std::string name;  // file
  std::set<std::pair<std::string, std::string>> seen;  // (id, package) in this input
  Tally read;                                          // entries by severity, and "total"
  std::map<std::string, EntryLinks> entries;           // by package name
};

Status ParseEntry(const json& e, const std::string& where, V2State* st, ReaderOutput* out) {
  SECGATE_RETURN_IF_ERROR(core::ExpectObject(e, where));
  EntryInfo info;
  std::string word;
  // The map key may contain '/' (scoped packages), so read the name.
  SECGATE_ASSIGN_OR_RETURN(info.key, core::RequireString(e, "name", where));
  SECGATE_ASSIGN_OR_RETURN(word, core::RequireString(e, "severity", where));
  SECGATE_RETURN_IF_ERROR(SeverityFromWord(word, where + "/severity"));  // a known word
  SECGATE_ASSIGN_OR_RETURN(info.nodes, core::GetStringArray(e, "nodes", where));
  SECGATE_RETURN_IF_ERROR(ReadFixAvailable(e, where, &info));
  SECGATE_ASSIGN_OR_RETURN(const json* via, core::GetArray(e, "via", where));
  if (!via) return Error{where, "missing via"};
  st->read[core::AsciiLower(word)]++;
  st->read["total"]++;
  EntryLinks& links = st->entries[info.key];
  links.where = where;
  for (size_t i = 0; i < via->size(); ++i) {
    const json& v = (*via)[i];
    std::string vw = where + "/via/" + std::to_string(i);
    if (v.is_string()) {  // a carrier: the advisory is counted where it lives
      links.carriers.push_back(v.get<std::string>());
      continue;
    }
    if (!v.is_object()) return Error{vw, "expected string or object, got " + core::JsonTypeName(v)};
    links.has_advisory = true;
    SECGATE_ASSIGN_OR_RETURN(Finding f, ParseVia(v, vw, info));
    if (!st->seen.insert({f.id, f.package.name}).second) continue;
    f.input = st->name;
    out->findings.push_back(std::move(f));
  }
  return core::Ok{};
}

// Every entry reaches an advisory through carriers (else it was flagged
// with nothing to show for it); a carrier naming no entry is noted.
Status CheckCarriers(const V2State& st, ReaderOutput* out) {
  std::map<std::string, std::vector<std::string>> carried_by;  // carrier -> entries naming it
  std::set<std::string> reached;
  std::vector<std::string> work;
  for (const auto& [key, links] : st.entries) {
    for (const auto& c : links.carriers) carried_by[c].push_back(key);
    if (links.has_advisory && reached.insert(key).second) work.push_back(key);
  }
  while (!work.empty()) {
    std::string key = std::move(work.back());
    work.pop_back();
    for (const auto& dependent : carried_by[key])
      if (reached.insert(dependent).second) work.push_back(dependent);
  }
  for (const auto& [key, links] : st.entries) {
    for (const auto& c : links.carriers)
      if (!st.entries.count(c) && reached.count(key))
        out->notes.push_back(st.name + ": npm audit: via[] of " + key + " names " + c +
                             ", which the report does not list (" + key +
                             " has advisories of its own)");
    if (!reached.count(key))
      return Error{links.where, "no advisory in via[] and no carrier leads to one (via names " +
                                    (links.carriers.empty() ? "nothing" : links.carriers.front()) +
                                    ")"};
  }
  return core::Ok{};
}

// metadata.vulnerabilities matches the entries. A note when the advisories
// read are not as many as the packages npm counted.
Status CheckV2Totals(const json& stated_json, const V2State& st, ReaderOutput* out) {
  SECGATE_RETURN_IF_ERROR(CheckCarriers(st, out));
  if (stated_json.is_null()) return core::Ok{};
  SECGATE_ASSIGN_OR_RETURN(Tally stated,
                           ReadTally(stated_json, st.name + ":/metadata/vulnerabilities"));
  SECGATE_RETURN_IF_ERROR(CompareTally(st.name, "metadata.vulnerabilities", stated, st.read,
                                       "vulnerable packages by severity"));
  const long packages = st.read.count("total") ? st.read.at("total") : 0;
  const long findings = static_cast<long>(out->findings.size());
  if (packages != findings)
    out->notes.push_back(st.name + ": npm audit metadata counts " + std::to_string(packages) +
                         " vulnerable packages; read as " + std::to_string(findings) +
                         " findings (one per advisory and package; packages that only depend "
                         "on a vulnerable one are not findings)");
  return core::Ok{};
}

}  // namespace

Status ReadNpmAuditV2(core::InputFile& in, ReaderOutput* out) {
  core::JsonStreamer s;
  V2State st;
  st.name = in.path();
  const std::string& name = st.name;
  bool version_ok = false;
  json stated;
  s.Expect("/vulnerabilities", {core::JsonType::kObject});
  s.OnRecord("/error", [&](const std::string& p, json& v) -> Status {
    return NpmErrorMember(v, name + ":" + p);
  });
  s.OnRecord("/auditReportVersion", [&](const std::string& p, json& v) -> Status {
    if (!v.is_number_integer() || v.get<long>() != 2)
      return Error{name + ":" + p, "unsupported npm auditReportVersion " + v.dump() +
                                       " (expected 2)"};
    version_ok = true;
    return core::Ok{};
  });
  s.OnRecord("/metadata/vulnerabilities", [&](const std::string&, json& v) -> Status {
    stated = std::move(v);
    return core::Ok{};
  });
  s.OnRecord("/vulnerabilities/*", [&](const std::string& p, json& e) -> Status {
    return ParseEntry(e, name + ":" + p, &st, out);
  }, {"name", "severity", "nodes", "fixAvailable", "via"});
  SECGATE_RETURN_IF_ERROR(s.Parse(in));
  if (s.top_level_type() != core::JsonTopLevel::kObject || !version_ok)
    return Error{name, "not an npm 7+ audit report: no auditReportVersion 2"};
  if (!s.HasTopLevelKey("vulnerabilities")) return Error{name, "missing vulnerabilities"};
  return CheckV2Totals(stated, st, out);
}

bool LooksLikeNpmAuditV2(const FormatProbe& p) {
  return p.object() && p.has("auditReportVersion");
}

bool LooksLikeNpmError(const FormatProbe& p) { return p.object() && p.has("error"); }

}  // namespace secgate::vuln
