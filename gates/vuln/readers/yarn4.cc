// yarn 4 `yarn npm audit --json` (docs/input-formats.md §9): NDJSON, one
// {value, children} line per vulnerable package and no summary, so a clean
// run prints nothing (FormatInfo::empty_is_clean). Lines without an advisory
// URL are deprecation notices, counted but not vulnerabilities.
#include <set>

#include "gates/core/json_stream.h"
#include "gates/vuln/readers/common.h"
#include "gates/vuln/readers/reader.h"

namespace secgate::vuln {

using core::Error;
using core::Finding;
using core::Status;
using nlohmann::json;

namespace {

Status ParseChildren(const std::string& pkg, const json& c, const std::string& where,
                     std::vector<Finding>* out, ReaderOutput* ro) {
  SECGATE_RETURN_IF_ERROR(core::ExpectObject(c, where));
  std::string url, word, title, numeric;
  std::vector<std::string> versions, dependents;
  SECGATE_ASSIGN_OR_RETURN(url, core::GetString(c, "URL", where));
  SECGATE_ASSIGN_OR_RETURN(title, core::GetString(c, "Issue", where));
  SECGATE_ASSIGN_OR_RETURN(versions, core::GetStringArray(c, "Tree Versions", where));
  SECGATE_ASSIGN_OR_RETURN(dependents, core::GetStringArray(c, "Dependents", where));
  if (url.empty()) {
    ro->skipped["deprecations"]++;
    return core::Ok{};
  }
  SECGATE_ASSIGN_OR_RETURN(word, core::RequireString(c, "Severity", where));
  SECGATE_ASSIGN_OR_RETURN(core::Severity sev, SeverityFromWord(word, where + "/Severity"));
  if (auto it = c.find("ID"); it != c.end() && !it->is_null()) {
    if (it->is_number_integer() || it->is_number_unsigned())
      numeric = "NPM-" + std::to_string(it->get<long long>());
    else if (it->is_string()) numeric = "NPM-" + it->get<std::string>();
    else return Error{where + "/ID", "expected number, got " + core::JsonTypeName(*it)};
  }
  std::string ghsa = GhsaFromUrl(url);
  std::string id = ghsa.empty() ? numeric : ghsa;
  if (id.empty()) return Error{where, "missing advisory id (no GHSA URL and no ID)"};
  if (versions.empty()) versions.push_back("");
  for (const auto& v : versions) {
    Finding f;
    f.id = id;
    if (!ghsa.empty() && !numeric.empty()) f.aliases.push_back(numeric);
    f.severity = sev;
    f.severity_source = ghsa.empty() ? "npm" : "ghsa";
    f.ratings.push_back({f.severity_source, f.severity, 0});
    f.package = {pkg, v, "npm", ""};
    f.title = title;
    f.url = url;
    f.sources = {"yarn"};
    if (!dependents.empty()) f.location.path = dependents.front();
    out->push_back(std::move(f));
  }
  return core::Ok{};
}

}  // namespace

Status ReadYarn4(core::InputFile& in, ReaderOutput* out) {
  const std::string name = in.path();
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  std::string value;
  json children;
  core::JsonStreamer s;
  s.Expect("/value", {core::JsonType::kString});
  s.Expect("/children", {core::JsonType::kObject});
  s.OnRecord("/value", [&](const std::string&, json& v) -> Status {
    value = v.is_string() ? v.get<std::string>() : "";
    return core::Ok{};
  });
  s.OnRecord("/children", [&](const std::string&, json& v) -> Status {
    children = std::move(v);
    return core::Ok{};
  });
  std::string text;
  long lineno = 0;
  while (ReadLine(in, &text)) {
    ++lineno;
    if (IsBlank(text)) continue;
    const std::string where = name + ":" + std::to_string(lineno);
    value.clear();
    children = json();
    SECGATE_RETURN_IF_ERROR(s.ParseString(text, where));
    if (s.top_level_type() != core::JsonTopLevel::kObject)
      return Error{where, "not a yarn 4 audit line: expected an object"};
    if (value.empty()) return Error{where + ":/value", "missing value"};
    if (children.is_null()) return Error{where + ":/children", "missing children"};
    std::vector<Finding> found;
    SECGATE_RETURN_IF_ERROR(ParseChildren(value, children, where + ":/children", &found, out));
    for (auto& f : found) {
      if (!seen.insert({f.id, f.package.name, f.package.version}).second) continue;
      f.input = name;
      out->findings.push_back(std::move(f));
    }
  }
  if (in.over_limit()) return Error{name, "input is larger than the size limit (--max-input-size)"};
  if (in.read_error()) return Error{name, "read error"};
  return core::Ok{};
}

// NDJSON: the first line's {"value": …, "children": …}.
bool LooksLikeYarn4(const FormatProbe& p) {
  return p.object() && p.seen("/value") && p.seen("/children");
}

}  // namespace secgate::vuln
