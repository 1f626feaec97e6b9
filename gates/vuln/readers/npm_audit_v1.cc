// npm audit in the npm 6 shape (`advisories{id}`; input-formats.md §7), which
// yarn 2/3 (`yarn npm audit --json`, §9) and pnpm (`pnpm audit --json`, §10)
// also print. One finding per advisory and installed version; pnpm's
// dependency paths lose their leading ".>" (the root importer). Ids: the
// GHSA, then CVEs; npm's numeric id only as alias NPM-<n>.
#include "gates/core/json_stream.h"
#include "gates/vuln/readers/common.h"
#include "gates/vuln/readers/reader.h"

namespace secgate::vuln {

using core::Error;
using core::Status;
using nlohmann::json;

Status ReadNpmAuditV1(core::InputFile& in, ReaderOutput* out) {
  core::JsonStreamer s;
  const std::string name = in.path();
  NpmAdvisoryOptions opt;
  opt.source = "npm-audit";
  opt.strip_pnpm_root = true;
  s.Expect("/advisories", "o");
  s.Expect("/muted", "a");
  s.Expect("/actions", "a");
  s.Expect("/metadata", "o");
  s.OnRecord("/error", [&](const std::string& p, json& v) -> Status {
    return NpmErrorMember(v, name + ":" + p);
  });
  s.OnRecord("/advisories/*", [&](const std::string& p, json& v) -> Status {
    size_t before = out->findings.size();
    if (Status st = ParseNpmAdvisory(v, name + ":" + p, opt, &out->findings); !st) return st;
    for (size_t i = before; i < out->findings.size(); ++i) out->findings[i].input = name;
    return core::Ok{};
  });
  s.OnRecord("/muted/*", [&](const std::string&, json&) -> Status {
    out->skipped["muted"]++;
    return core::Ok{};
  });
  if (Status st = s.Parse(in); !st) return st;
  if (s.top_level_type() != 'o' || !s.HasTopLevelKey("advisories"))
    return Error{name, "not an npm 6 / pnpm / yarn 2-3 audit report: no advisories object"};
  return core::Ok{};
}

}  // namespace secgate::vuln
