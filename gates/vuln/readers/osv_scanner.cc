// osv-scanner `--format json` (docs/input-formats.md §13): results[].packages[],
// each with full OSV records and groups[] saying which records are one
// issue — one finding per group. Severity: groups[].max_severity (a CVSS
// score as a string; "" means no score, i.e. UNKNOWN, never 0), else the
// group's records (CVSS vectors, then GHSA database_specific.severity).
// Fixed versions come from the records' affected ranges for this package.
// A record that no group names is a finding of its own (noted). A package
// known only by a git commit (name, version, ecosystem empty: submodules,
// vendored repositories) is named by the commit, ecosystem "git"; its fixes
// are the GIT ranges' fixed commits.
#include <algorithm>
#include <cstdlib>
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
using core::Severity;
using core::Status;
using nlohmann::json;

namespace {

struct PackageCtx {
  std::string name, ecosystem, file;
  bool by_commit = false;  // known only by a git commit: fixes come from GIT ranges
  std::map<std::string, std::pair<const json*, std::string>> records;  // id -> (record, where)
};

// Severity of one OSV record: max CVSS base score, else the GHSA word.
Status RecordSeverity(const json& r, const std::string& where, Finding* f) {
  SECGATE_ASSIGN_OR_RETURN(const json* sevs, core::GetArray(r, "severity", where));
  std::string source = core::AsciiLower(f->id.substr(0, f->id.find('-')));
  for (size_t i = 0; sevs && i < sevs->size(); ++i) {
    const json& s = (*sevs)[i];
    std::string w = where + "/severity/" + std::to_string(i), type, score;
    SECGATE_RETURN_IF_ERROR(core::ExpectObject(s, w));
    SECGATE_ASSIGN_OR_RETURN(type, core::GetString(s, "type", w));
    SECGATE_ASSIGN_OR_RETURN(score, core::GetString(s, "score", w));
    std::optional<double> base;
    if (type == "CVSS_V3") base = core::CvssV3BaseScore(score);
    else if (type == "CVSS_V2") base = core::CvssV2BaseScore(score);
    else continue;  // CVSS_V4 and Ubuntu priorities: not computed here
    if (!base) return Error{w + "/score", "invalid " + type + " vector '" + score + "'"};
    f->ratings.push_back({source, core::SeverityFromCvss(*base, type == "CVSS_V2" ? 2 : 3), *base});
  }
  SECGATE_ASSIGN_OR_RETURN(const json* db, core::GetObject(r, "database_specific", where));
  if (db) {
    std::string word;
    SECGATE_ASSIGN_OR_RETURN(word, core::GetString(*db, "severity", where + "/database_specific"));
    if (!word.empty()) {
      SECGATE_ASSIGN_OR_RETURN(core::Severity sev,
                               SeverityFromWord(word, where + "/database_specific/severity"));
      f->ratings.push_back({source, sev, 0});
    }
  }
  return core::Ok{};
}

Status RecordFixes(const json& r, const std::string& where, const PackageCtx& ctx, Finding* f) {
  SECGATE_ASSIGN_OR_RETURN(const json* aff, core::GetArray(r, "affected", where));
  for (size_t i = 0; aff && i < aff->size(); ++i) {
    const json& a = (*aff)[i];
    std::string w = where + "/affected/" + std::to_string(i), name;
    SECGATE_RETURN_IF_ERROR(core::ExpectObject(a, w));
    SECGATE_ASSIGN_OR_RETURN(const json* pkg, core::GetObject(a, "package", w));
    if (pkg) {
      SECGATE_ASSIGN_OR_RETURN(name, core::GetString(*pkg, "name", w + "/package"));
    }
    if (!ctx.by_commit && name != ctx.name) continue;
    SECGATE_ASSIGN_OR_RETURN(const json* ranges, core::GetArray(a, "ranges", w));
    for (size_t j = 0; ranges && j < ranges->size(); ++j) {
      std::string rw = w + "/ranges/" + std::to_string(j), type;
      SECGATE_RETURN_IF_ERROR(core::ExpectObject((*ranges)[j], rw));
      SECGATE_ASSIGN_OR_RETURN(type, core::GetString((*ranges)[j], "type", rw));
      if (ctx.by_commit && type != "GIT") continue;  // a commit is fixed by commits
      SECGATE_ASSIGN_OR_RETURN(const json* events, core::GetArray((*ranges)[j], "events", rw));
      for (size_t k = 0; events && k < events->size(); ++k) {
        std::string fixed, ew = rw + "/events/" + std::to_string(k);
        SECGATE_RETURN_IF_ERROR(core::ExpectObject((*events)[k], ew));
        SECGATE_ASSIGN_OR_RETURN(fixed, core::GetString((*events)[k], "fixed", ew));
        AddUnique(&f->fixed_versions, fixed);
      }
    }
  }
  return core::Ok{};
}

Status MaxSeverity(const json& g, const std::string& where, Finding* f) {
  SECGATE_ASSIGN_OR_RETURN(std::string text, core::GetString(g, "max_severity", where));
  if (text.empty()) return core::Ok{};  // absent, or no CVSS in the group: unknown, not 0
  char* end = nullptr;
  double score = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || score < 0 || score > 10)
    return Error{where + "/max_severity", "expected a CVSS score, got '" + text + "'"};
  f->severity = core::SeverityFromCvss(score, 3);
  f->score = score;
  f->severity_source = "osv-scanner";
  return core::Ok{};
}

Status GroupFinding(const std::vector<std::string>& ids, const json* group,
                    const std::string& where, const PackageCtx& ctx, Finding* f) {
  f->id = ids.front();
  for (size_t i = 1; i < ids.size(); ++i) AddUnique(&f->aliases, ids[i]);
  if (group) {
    std::vector<std::string> aliases;
    SECGATE_ASSIGN_OR_RETURN(aliases, core::GetStringArray(*group, "aliases", where));
    for (const auto& a : aliases)
      if (!core::EqualsIgnoreCase(a, f->id)) AddUnique(&f->aliases, a);
    SECGATE_RETURN_IF_ERROR(MaxSeverity(*group, where, f));
  }
  const bool from_group = !f->severity_source.empty();
  for (const auto& id : ids) {
    auto it = ctx.records.find(id);
    if (it == ctx.records.end()) continue;
    const json& r = *it->second.first;
    const std::string& rw = it->second.second;
    std::vector<std::string> aliases;
    SECGATE_ASSIGN_OR_RETURN(aliases, core::GetStringArray(r, "aliases", rw));
    for (const auto& a : aliases)
      if (!core::EqualsIgnoreCase(a, f->id)) AddUnique(&f->aliases, a);
    if (f->title.empty()) {
      SECGATE_ASSIGN_OR_RETURN(f->title, core::GetString(r, "summary", rw));
    }
    SECGATE_RETURN_IF_ERROR(RecordSeverity(r, rw, f));
    SECGATE_RETURN_IF_ERROR(RecordFixes(r, rw, ctx, f));
  }
  if (from_group) return core::Ok{};
  // No max_severity: the worst CVSS score, else the worst word.
  const core::SeverityRating* best = nullptr;
  for (const auto& r : f->ratings)
    if (r.score > 0 && (!best || r.score > best->score)) best = &r;
  if (!best)
    for (const auto& r : f->ratings)
      if (!best || r.severity > best->severity) best = &r;
  f->severity_source = "osv-scanner";
  if (best) {
    f->severity = best->severity;
    f->score = best->score;
    f->severity_source = best->source;
  }
  return core::Ok{};
}

using WorkList = std::vector<std::pair<std::vector<std::string>, const json*>>;

// package{}: name, version, ecosystem, purl; a package known only by its git
// commit (a submodule or vendored repository: name, version and ecosystem
// empty) is identified by the commit.
Status ReadPackageInfo(const json& p, const std::string& where, PackageCtx* ctx,
                       core::Package* pkg_out, std::string* commit) {
  SECGATE_ASSIGN_OR_RETURN(const json* pkg, core::GetObject(p, "package", where));
  if (!pkg) return Error{where, "missing package"};
  const std::string pw = where + "/package";
  std::string version, purl;
  SECGATE_ASSIGN_OR_RETURN(ctx->name, core::GetString(*pkg, "name", pw));
  SECGATE_ASSIGN_OR_RETURN(*commit, core::GetString(*pkg, "commit", pw));
  SECGATE_ASSIGN_OR_RETURN(version, core::GetString(*pkg, "version", pw));
  SECGATE_ASSIGN_OR_RETURN(ctx->ecosystem, core::GetString(*pkg, "ecosystem", pw));
  SECGATE_ASSIGN_OR_RETURN(purl, core::GetString(*pkg, "purl", pw));
  if (ctx->name.empty()) {
    if (commit->empty()) return Error{pw, "missing name"};
    ctx->name = *commit;
    ctx->by_commit = true;
    if (ctx->ecosystem.empty()) ctx->ecosystem = "git";
  }
  *pkg_out = {ctx->name, version, ctx->ecosystem, purl};
  return core::Ok{};
}

// One work item per group, then one per record that no group names (each
// record is a finding, grouped or not); `ungrouped` counts the latter.
Status BuildWork(const json& p, const std::string& where, const std::vector<std::string>& order,
                 WorkList* work, int* ungrouped) {
  SECGATE_ASSIGN_OR_RETURN(const json* groups, core::GetArray(p, "groups", where));
  std::set<std::string> covered;
  for (size_t i = 0; groups && i < groups->size(); ++i) {
    std::string w = where + "/groups/" + std::to_string(i);
    const json& g = (*groups)[i];
    SECGATE_RETURN_IF_ERROR(core::ExpectObject(g, w));
    std::vector<std::string> ids;
    SECGATE_ASSIGN_OR_RETURN(ids, core::GetStringArray(g, "ids", w));
    if (ids.empty()) return Error{w, "missing ids"};
    covered.insert(ids.begin(), ids.end());
    work->push_back({ids, &g});
  }
  for (const auto& id : order) {
    if (covered.count(id)) continue;
    work->push_back({{id}, nullptr});  // older output (no groups), or a record left out of them
    if (groups) ++*ungrouped;
  }
  return core::Ok{};
}

Status ParsePackage(const json& p, const std::string& where, const std::string& file,
                    const std::string& source_path, ReaderOutput* out, int* ungrouped) {
  SECGATE_RETURN_IF_ERROR(core::ExpectObject(p, where));
  PackageCtx ctx;
  ctx.file = file;
  core::Package package;
  std::string commit;
  SECGATE_RETURN_IF_ERROR(ReadPackageInfo(p, where, &ctx, &package, &commit));
  std::vector<std::string> groups_dev;
  SECGATE_ASSIGN_OR_RETURN(groups_dev, core::GetStringArray(p, "dependency_groups", where));
  SECGATE_ASSIGN_OR_RETURN(const json* vulns, core::GetArray(p, "vulnerabilities", where));
  std::vector<std::string> order;
  for (size_t i = 0; vulns && i < vulns->size(); ++i) {
    std::string w = where + "/vulnerabilities/" + std::to_string(i), id;
    SECGATE_RETURN_IF_ERROR(core::ExpectObject((*vulns)[i], w));
    SECGATE_ASSIGN_OR_RETURN(id, core::RequireString((*vulns)[i], "id", w));
    if (!ctx.records.count(id)) order.push_back(id);
    ctx.records[id] = {&(*vulns)[i], w};
  }
  WorkList work;
  SECGATE_RETURN_IF_ERROR(BuildWork(p, where, order, &work, ungrouped));
  bool dev = std::find(groups_dev.begin(), groups_dev.end(), "dev") != groups_dev.end();
  for (size_t i = 0; i < work.size(); ++i) {
    Finding f;
    std::string w = where + "/groups/" + std::to_string(i);
    SECGATE_RETURN_IF_ERROR(GroupFinding(work[i].first, work[i].second, w, ctx, &f));
    f.package = package;
    f.location.target = source_path;
    f.location.path = source_path;
    f.location.commit = commit;
    f.dev_only = dev;
    f.sources = {"osv-scanner"};
    f.input = file;
    out->findings.push_back(std::move(f));
  }
  return core::Ok{};
}

}  // namespace

Status ReadOsvScanner(core::InputFile& in, ReaderOutput* out) {
  core::JsonStreamer s;
  const std::string name = in.path();
  std::map<std::string, std::string> source_paths;  // "/results/3" -> source.path
  int ungrouped = 0;  // records that no group names
  s.Expect("/results", {core::JsonType::kArray});
  s.Expect("/results/*/packages", {core::JsonType::kArray});
  s.OnRecord("/results/*/source", [&](const std::string& p, json& v) -> Status {
    std::string path, w = name + ":" + p;
    SECGATE_RETURN_IF_ERROR(core::ExpectObject(v, w));
    SECGATE_ASSIGN_OR_RETURN(path, core::GetString(v, "path", w));
    source_paths[p.substr(0, p.rfind('/'))] = path;
    return core::Ok{};
  });
  s.OnRecord("/results/*/packages/*", [&](const std::string& p, json& v) -> Status {
    std::string result = p.substr(0, p.rfind("/packages/"));
    return ParsePackage(v, name + ":" + p, name, source_paths[result], out, &ungrouped);
  });
  SECGATE_RETURN_IF_ERROR(s.Parse(in));
  if (s.top_level_type() != core::JsonTopLevel::kObject || !s.HasTopLevelKey("results"))
    return Error{name, "not an osv-scanner report: no results"};
  if (ungrouped > 0)
    out->notes.push_back(name + ": osv-scanner: " + std::to_string(ungrouped) +
                         " vulnerability records in no group, each read as its own finding");
  return core::Ok{};
}

// osv-scanner's "results" (SARIF has "runs" and is refused before this).
bool LooksLikeOsvScanner(const FormatProbe& p) {
  return p.object() && p.has("results") && !p.has("runs") &&
         (p.seen("/results/0/source") || p.seen("/results/0/packages") ||
          p.empty_array("results"));
}

}  // namespace secgate::vuln
