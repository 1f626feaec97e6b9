// npm audit in the npm 6 shape (`advisories{id}`; docs/input-formats.md §7), which
// yarn 2/3 (`yarn npm audit --json`, §9) and pnpm (`pnpm audit --json`, §10)
// also print. One finding per advisory and installed version; pnpm's
// dependency paths lose their leading ".>" (the root importer). Ids: the
// GHSA, then CVEs; npm's numeric id only as alias NPM-<n>. The report's
// metadata.vulnerabilities counts dependency paths by severity; it must
// match the advisories read (totals.h).
#include <algorithm>

#include "gates/core/json_stream.h"
#include "gates/core/strings.h"
#include "gates/vuln/readers/common.h"
#include "gates/vuln/readers/reader.h"
#include "gates/vuln/readers/totals.h"

namespace secgate::vuln {

using core::Error;
using core::Status;
using nlohmann::json;

namespace {

// metadata.vulnerabilities against the advisories' paths; a note when the
// number of findings differs from the number of paths npm counted.
Status CheckNpm6Totals(const std::string& name, const json* stated_json, const Tally& read,
                       ReaderOutput* out) {
  if (!stated_json) return core::Ok{};
  SECGATE_ASSIGN_OR_RETURN(Tally stated,
                           ReadTally(*stated_json, name + ":/metadata/vulnerabilities"));
  SECGATE_RETURN_IF_ERROR(CompareTally(name, "metadata.vulnerabilities", stated, read,
                                       "dependency paths of the advisories, by severity"));
  const long paths = TallySum(read);
  const long findings = std::count_if(out->findings.begin(), out->findings.end(),
                                      [](const core::Finding& f) { return f.upstream_ignore.empty(); });
  if (paths != findings)
    out->notes.push_back(name + ": npm audit metadata counts " + std::to_string(paths) +
                         " vulnerable dependency paths; read as " + std::to_string(findings) +
                         " findings (one per advisory and installed version)");
  return core::Ok{};
}

// One muted[] entry: an advisory npm was told to mute. It carries no
// severity, so it is read as UNKNOWN (unknown_as decides under
// vuln.upstream_ignores: deny) and flagged as ignored upstream.
core::Result<core::Finding> MutedFinding(const json& v, const std::string& where) {
  SECGATE_RETURN_IF_ERROR(core::ExpectObject(v, where));
  auto id = v.find("id");
  if (id == v.end() || !(id->is_number_integer() || id->is_string()))
    return Error{where + "/id", "missing advisory id"};
  core::Finding f;
  f.gate = core::Gate::kVuln;
  f.id = "NPM-" + (id->is_string() ? id->get<std::string>() : std::to_string(id->get<long long>()));
  for (const char* key : {"module_name", "name"}) {
    auto n = v.find(key);
    if (n != v.end() && n->is_string() && f.package.name.empty()) f.package.name = n->get<std::string>();
  }
  auto version = v.find("version");
  if (version != v.end() && version->is_string()) f.package.version = version->get<std::string>();
  f.package.ecosystem = "npm";
  f.sources = {"npm-audit"};
  f.title = "advisory muted in npm audit";
  f.upstream_ignore = "npm audit muted";
  return f;
}

}  // namespace

Status ReadNpmAuditV1(core::InputFile& in, ReaderOutput* out) {
  core::JsonStreamer s;
  const std::string name = in.path();
  NpmAdvisoryOptions opt;
  opt.source = "npm-audit";
  opt.strip_pnpm_root = true;
  s.Expect("/advisories", {core::JsonType::kObject});
  s.Expect("/muted", {core::JsonType::kArray});
  s.Expect("/actions", {core::JsonType::kArray});
  s.Expect("/metadata", {core::JsonType::kObject});
  s.OnRecord("/error", [&](const std::string& p, json& v) -> Status {
    return NpmErrorMember(v, name + ":" + p);
  });
  json stated;
  Tally read;
  s.OnRecord("/metadata/vulnerabilities", [&](const std::string&, json& v) -> Status {
    stated = std::move(v);
    return core::Ok{};
  });
  s.OnRecord("/advisories/*", [&](const std::string& p, json& v) -> Status {
    size_t before = out->findings.size();
    SECGATE_RETURN_IF_ERROR(ParseNpmAdvisory(v, name + ":" + p, opt, &out->findings));
    read[core::AsciiLower(v["severity"].get<std::string>())] += NpmAdvisoryPaths(v);
    for (size_t i = before; i < out->findings.size(); ++i) out->findings[i].input = name;
    return core::Ok{};
  });
  s.OnRecord("/muted/*", [&](const std::string& p, json& v) -> Status {
    SECGATE_ASSIGN_OR_RETURN(core::Finding f, MutedFinding(v, name + ":" + p));
    f.input = name;
    out->findings.push_back(std::move(f));
    return core::Ok{};
  });
  SECGATE_RETURN_IF_ERROR(s.Parse(in));
  if (s.top_level_type() != core::JsonTopLevel::kObject || !s.HasTopLevelKey("advisories"))
    return Error{name, "not an npm 6 / pnpm / yarn 2-3 audit report: no advisories object"};
  return CheckNpm6Totals(name, stated.is_null() ? nullptr : &stated, read, out);
}

bool LooksLikeNpmAuditV1(const FormatProbe& p) {
  return p.object() && p.has("advisories") &&
         (p.has("metadata") || p.has("actions") || p.has("muted"));
}

}  // namespace secgate::vuln
