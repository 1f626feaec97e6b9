// cargo-audit `--json` (docs/input-formats.md §12). Severity is computed from the
// advisory's CVSS v3 vector (core::CvssV3BaseScore) — null means UNKNOWN.
// Informational advisories (unmaintained, unsound, yanked, notice) live in
// warnings{kind: [...]}: counted, not gated. vulnerabilities.found and
// .count state the list's size and must agree with it.
#include "gates/core/json_stream.h"
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

Status ReadSeverity(const json& adv, const std::string& where, Finding* f) {
  std::string vector;
  SECGATE_ASSIGN_OR_RETURN(vector, core::GetString(adv, "cvss", where));
  f->severity = core::Severity::kUnknown;
  f->severity_source = "rustsec";
  if (vector.empty()) return core::Ok{};
  if (vector.rfind("CVSS:4", 0) == 0) return core::Ok{};  // no v4 calculator: unknown
  auto score = core::CvssV3BaseScore(vector);
  if (!score) return Error{where + "/cvss", "invalid CVSS v3 vector '" + vector + "'"};
  f->score = *score;
  f->severity = core::SeverityFromCvss(*score, 3);
  f->severity_source = "cvss";
  f->ratings.push_back({"rustsec", f->severity, f->score});
  return core::Ok{};
}

Result<Finding> ParseEntry(const json& e, const std::string& where) {
  SECGATE_RETURN_IF_ERROR(core::ExpectObject(e, where));
  SECGATE_ASSIGN_OR_RETURN(const json* adv, core::GetObject(e, "advisory", where));
  if (!adv) return Error{where, "missing advisory"};
  SECGATE_ASSIGN_OR_RETURN(const json* pkg, core::GetObject(e, "package", where));
  if (!pkg) return Error{where, "missing package"};
  const std::string aw = where + "/advisory", pw = where + "/package";
  Finding f;
  f.sources = {"cargo-audit"};
  std::vector<std::string> aliases;
  SECGATE_ASSIGN_OR_RETURN(f.id, core::RequireString(*adv, "id", aw));
  SECGATE_ASSIGN_OR_RETURN(aliases, core::GetStringArray(*adv, "aliases", aw));
  SECGATE_ASSIGN_OR_RETURN(f.related, core::GetStringArray(*adv, "related", aw));
  SECGATE_ASSIGN_OR_RETURN(f.title, core::GetString(*adv, "title", aw));
  SECGATE_ASSIGN_OR_RETURN(f.url, core::GetString(*adv, "url", aw));
  for (const auto& a : aliases) AddUnique(&f.aliases, a);
  SECGATE_RETURN_IF_ERROR(ReadSeverity(*adv, aw, &f));
  SECGATE_ASSIGN_OR_RETURN(f.package.name, core::RequireString(*pkg, "name", pw));
  SECGATE_ASSIGN_OR_RETURN(f.package.version, core::GetString(*pkg, "version", pw));
  f.package.ecosystem = "cargo";
  f.package.purl = "pkg:cargo/" + f.package.name +
                   (f.package.version.empty() ? "" : "@" + f.package.version);
  SECGATE_ASSIGN_OR_RETURN(const json* versions, core::GetObject(e, "versions", where));
  if (versions) {
    SECGATE_ASSIGN_OR_RETURN(f.fixed_versions,
                             core::GetStringArray(*versions, "patched", where + "/versions"));
  }
  return f;
}

// vulnerabilities.found / .count against the list read.
Status CheckTotals(const std::string& name, const json& found, const json& count, long listed) {
  if (!found.is_null() && !found.is_boolean())
    return Error{name + ":/vulnerabilities/found",
                 "expected boolean, got " + core::JsonTypeName(found)};
  if (found.is_boolean() && found.get<bool>() != (listed > 0))
    return Error{name, std::string("vulnerabilities.found is ") +
                           (found.get<bool>() ? "true" : "false") + " but vulnerabilities.list has " +
                           std::to_string(listed) + " entries"};
  if (count.is_null()) return core::Ok{};
  SECGATE_ASSIGN_OR_RETURN(Tally stated,
                           ReadTally(json{{"count", count}}, name + ":/vulnerabilities"));
  return CompareTally(name, "vulnerabilities.count", stated, {{"count", listed}},
                      "entries of vulnerabilities.list");
}

}  // namespace

Status ReadCargoAudit(core::InputFile& in, ReaderOutput* out) {
  core::JsonStreamer s;
  const std::string name = in.path();
  s.Expect("/vulnerabilities", {core::JsonType::kObject});
  s.Expect("/vulnerabilities/list", {core::JsonType::kArray});
  s.Expect("/warnings", {core::JsonType::kObject});
  s.Expect("/warnings/*", {core::JsonType::kArray});
  s.Expect("/database", {core::JsonType::kObject});
  json found, count;
  long listed = 0;
  s.OnRecord("/vulnerabilities/found", [&](const std::string&, json& v) -> Status {
    found = std::move(v);
    return core::Ok{};
  });
  s.OnRecord("/vulnerabilities/count", [&](const std::string&, json& v) -> Status {
    count = std::move(v);
    return core::Ok{};
  });
  s.OnRecord("/vulnerabilities/list/*", [&](const std::string& p, json& v) -> Status {
    SECGATE_ASSIGN_OR_RETURN(Finding f, ParseEntry(v, name + ":" + p));
    f.input = name;
    out->findings.push_back(std::move(f));
    ++listed;
    return core::Ok{};
  });
  s.OnRecord("/warnings/*/*", [&](const std::string& p, json& v) -> Status {
    SECGATE_RETURN_IF_ERROR(core::ExpectObject(v, name + ":" + p));
    std::string kind = p.substr(std::string("/warnings/").size());
    kind = kind.substr(0, kind.find('/'));
    out->skipped["warnings (" + kind + ")"]++;
    return core::Ok{};
  });
  SECGATE_RETURN_IF_ERROR(s.Parse(in));
  if (s.top_level_type() != core::JsonTopLevel::kObject || !s.HasTopLevelKey("vulnerabilities"))
    return Error{name, "not a cargo-audit report: no vulnerabilities object"};
  return CheckTotals(name, found, count, listed);
}

bool LooksLikeCargoAudit(const FormatProbe& p) {
  return p.object() && p.has("vulnerabilities") && p.has("database");
}

}  // namespace secgate::vuln
