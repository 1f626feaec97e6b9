// npm audit, npm 7 and later (`npm audit --json`, auditReportVersion 2;
// input-formats.md §6). Findings are the advisory objects inside each
// package's via[]; a via[] string only names the dependency a package
// inherits from (a "carrier") and is not counted. The id is the GHSA parsed
// from via[].url; npm's numeric id (unstable) is kept only as alias NPM-<n>.
// Installed versions are not in the report, so findings have none.
#include <set>

#include "gates/core/json_stream.h"
#include "gates/vuln/readers/common.h"
#include "gates/vuln/readers/reader.h"

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
  if (Status s = OptString(*it, "name", where + "/fixAvailable", &name); !s) return s;
  if (Status s = OptString(*it, "version", where + "/fixAvailable", &version); !s) return s;
  if (!version.empty()) info->fixes.push_back(name == info->key ? version : name + "@" + version);
  return core::Ok{};
}

Result<Finding> ParseVia(const json& via, const std::string& where, const EntryInfo& entry) {
  Finding f;
  f.sources = {"npm-audit"};
  std::string word, url, numeric;
  if (Status s = ReqString(via, "name", where, &f.package.name); !s) return s.error();
  if (Status s = ReqString(via, "severity", where, &word); !s) return s.error();
  if (Status s = OptString(via, "url", where, &url); !s) return s.error();
  if (Status s = OptString(via, "title", where, &f.title); !s) return s.error();
  auto sev = SeverityFromWord(word, where + "/severity");
  if (!sev) return sev.error();
  if (auto it = via.find("source"); it != via.end() && !it->is_null()) {
    if (!it->is_number_integer() && !it->is_number_unsigned())
      return Error{where + "/source", "expected number, got " + core::JsonTypeName(*it)};
    numeric = "NPM-" + std::to_string(it->get<long long>());
  }
  std::string ghsa = GhsaFromUrl(url);
  f.id = ghsa.empty() ? numeric : ghsa;
  if (f.id.empty()) return Error{where, "missing advisory id (no GHSA url and no source)"};
  if (!ghsa.empty() && !numeric.empty()) f.aliases.push_back(numeric);
  auto cvss = OptContainer(via, "cvss", 'o', where);
  if (!cvss) return cvss.error();
  if (*cvss) {
    auto n = core::GetCvssScore(**cvss, "score", where + "/cvss");
    if (!n) return n.error();
    if (*n) f.score = **n;
  }
  f.severity = *sev;
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

}  // namespace

Status ReadNpmAuditV2(core::InputFile& in, ReaderOutput* out) {
  core::JsonStreamer s;
  const std::string name = in.path();
  std::set<std::pair<std::string, std::string>> seen;  // (id, package) in this input
  bool version_ok = false;
  s.Expect("/vulnerabilities", "o");
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
  s.OnRecord("/vulnerabilities/*", [&](const std::string& p, json& e) -> Status {
    const std::string where = name + ":" + p;
    if (Status st = core::ExpectObject(e, where); !st) return st;
    EntryInfo info;
    std::string word;
    // The map key may contain '/' (scoped packages), so read the name.
    if (Status st = ReqString(e, "name", where, &info.key); !st) return st;
    if (Status st = ReqString(e, "severity", where, &word); !st) return st;
    if (auto sev = SeverityFromWord(word, where + "/severity"); !sev) return sev.error();
    if (Status st = OptStrings(e, "nodes", where, &info.nodes); !st) return st;
    if (Status st = ReadFixAvailable(e, where, &info); !st) return st;
    auto via = OptContainer(e, "via", 'a', where);
    if (!via) return via.error();
    if (!*via) return Error{where, "missing via"};
    for (size_t i = 0; i < (*via)->size(); ++i) {
      const json& v = (**via)[i];
      std::string vw = where + "/via/" + std::to_string(i);
      if (v.is_string()) continue;  // a carrier: the advisory is counted where it lives
      if (!v.is_object()) return Error{vw, "expected string or object, got " + core::JsonTypeName(v)};
      auto f = ParseVia(v, vw, info);
      if (!f) return f.error();
      if (!seen.insert({f->id, f->package.name}).second) continue;
      f->input = name;
      out->findings.push_back(std::move(*f));
    }
    return core::Ok{};
  }, {"name", "severity", "nodes", "fixAvailable", "via"});
  if (Status st = s.Parse(in); !st) return st;
  if (s.top_level_type() != 'o' || !version_ok)
    return Error{name, "not an npm 7+ audit report: no auditReportVersion 2"};
  return core::Ok{};
}

}  // namespace secgate::vuln
