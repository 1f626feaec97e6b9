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
  auto sevs = OptContainer(r, "severity", 'a', where);
  if (!sevs) return sevs.error();
  std::string source = core::AsciiLower(f->id.substr(0, f->id.find('-')));
  for (size_t i = 0; *sevs && i < (*sevs)->size(); ++i) {
    const json& s = (**sevs)[i];
    std::string w = where + "/severity/" + std::to_string(i), type, score;
    if (Status st = core::ExpectObject(s, w); !st) return st;
    if (Status st = OptString(s, "type", w, &type); !st) return st;
    if (Status st = OptString(s, "score", w, &score); !st) return st;
    std::optional<double> base;
    if (type == "CVSS_V3") base = core::CvssV3BaseScore(score);
    else if (type == "CVSS_V2") base = core::CvssV2BaseScore(score);
    else continue;  // CVSS_V4 and Ubuntu priorities: not computed here
    if (!base) return Error{w + "/score", "invalid " + type + " vector '" + score + "'"};
    f->ratings.push_back({source, core::SeverityFromCvss(*base, type == "CVSS_V2" ? 2 : 3), *base});
  }
  auto db = OptContainer(r, "database_specific", 'o', where);
  if (!db) return db.error();
  if (*db) {
    std::string word;
    if (Status st = OptString(**db, "severity", where + "/database_specific", &word); !st) return st;
    if (!word.empty()) {
      auto sev = SeverityFromWord(word, where + "/database_specific/severity");
      if (!sev) return sev.error();
      f->ratings.push_back({source, *sev, 0});
    }
  }
  return core::Ok{};
}

Status RecordFixes(const json& r, const std::string& where, const PackageCtx& ctx, Finding* f) {
  auto aff = OptContainer(r, "affected", 'a', where);
  if (!aff) return aff.error();
  for (size_t i = 0; *aff && i < (*aff)->size(); ++i) {
    const json& a = (**aff)[i];
    std::string w = where + "/affected/" + std::to_string(i), name;
    if (Status st = core::ExpectObject(a, w); !st) return st;
    auto pkg = OptContainer(a, "package", 'o', w);
    if (!pkg) return pkg.error();
    if (*pkg) {
      if (Status st = OptString(**pkg, "name", w + "/package", &name); !st) return st;
    }
    if (!ctx.by_commit && name != ctx.name) continue;
    auto ranges = OptContainer(a, "ranges", 'a', w);
    if (!ranges) return ranges.error();
    for (size_t j = 0; *ranges && j < (*ranges)->size(); ++j) {
      std::string rw = w + "/ranges/" + std::to_string(j), type;
      if (Status st = core::ExpectObject((**ranges)[j], rw); !st) return st;
      if (Status st = OptString((**ranges)[j], "type", rw, &type); !st) return st;
      if (ctx.by_commit && type != "GIT") continue;  // a commit is fixed by commits
      auto events = OptContainer((**ranges)[j], "events", 'a', rw);
      if (!events) return events.error();
      for (size_t k = 0; *events && k < (*events)->size(); ++k) {
        std::string fixed, ew = rw + "/events/" + std::to_string(k);
        if (Status st = core::ExpectObject((**events)[k], ew); !st) return st;
        if (Status st = OptString((**events)[k], "fixed", ew, &fixed); !st) return st;
        AddUnique(&f->fixed_versions, fixed);
      }
    }
  }
  return core::Ok{};
}

Status MaxSeverity(const json& g, const std::string& where, Finding* f) {
  auto it = g.find("max_severity");
  if (it == g.end() || it->is_null()) return core::Ok{};
  if (!it->is_string())
    return Error{where + "/max_severity", "expected string, got " + core::JsonTypeName(*it)};
  std::string text = it->get<std::string>();
  if (text.empty()) return core::Ok{};  // no CVSS in the group: unknown, not 0
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
    if (Status st = OptStrings(*group, "aliases", where, &aliases); !st) return st;
    for (const auto& a : aliases)
      if (!core::EqualsIgnoreCase(a, f->id)) AddUnique(&f->aliases, a);
    if (Status st = MaxSeverity(*group, where, f); !st) return st;
  }
  const bool from_group = !f->severity_source.empty();
  for (const auto& id : ids) {
    auto it = ctx.records.find(id);
    if (it == ctx.records.end()) continue;
    const json& r = *it->second.first;
    const std::string& rw = it->second.second;
    std::vector<std::string> aliases;
    if (Status st = OptStrings(r, "aliases", rw, &aliases); !st) return st;
    for (const auto& a : aliases)
      if (!core::EqualsIgnoreCase(a, f->id)) AddUnique(&f->aliases, a);
    if (f->title.empty()) {
      if (Status st = OptString(r, "summary", rw, &f->title); !st) return st;
    }
    if (Status st = RecordSeverity(r, rw, f); !st) return st;
    if (Status st = RecordFixes(r, rw, ctx, f); !st) return st;
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
  auto pkg = OptContainer(p, "package", 'o', where);
  if (!pkg) return pkg.error();
  if (!*pkg) return Error{where, "missing package"};
  const std::string pw = where + "/package";
  std::string version, purl;
  if (Status st = OptString(**pkg, "name", pw, &ctx->name); !st) return st;
  if (Status st = OptString(**pkg, "commit", pw, commit); !st) return st;
  if (Status st = OptString(**pkg, "version", pw, &version); !st) return st;
  if (Status st = OptString(**pkg, "ecosystem", pw, &ctx->ecosystem); !st) return st;
  if (Status st = OptString(**pkg, "purl", pw, &purl); !st) return st;
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
  auto groups = OptContainer(p, "groups", 'a', where);
  if (!groups) return groups.error();
  std::set<std::string> covered;
  for (size_t i = 0; *groups && i < (*groups)->size(); ++i) {
    std::string w = where + "/groups/" + std::to_string(i);
    const json& g = (**groups)[i];
    if (Status st = core::ExpectObject(g, w); !st) return st;
    std::vector<std::string> ids;
    if (Status st = OptStrings(g, "ids", w, &ids); !st) return st;
    if (ids.empty()) return Error{w, "missing ids"};
    covered.insert(ids.begin(), ids.end());
    work->push_back({ids, &g});
  }
  for (const auto& id : order) {
    if (covered.count(id)) continue;
    work->push_back({{id}, nullptr});  // older output (no groups), or a record left out of them
    if (*groups) ++*ungrouped;
  }
  return core::Ok{};
}

Status ParsePackage(const json& p, const std::string& where, const std::string& file,
                    const std::string& source_path, ReaderOutput* out, int* ungrouped) {
  if (Status st = core::ExpectObject(p, where); !st) return st;
  PackageCtx ctx;
  ctx.file = file;
  core::Package package;
  std::string commit;
  if (Status st = ReadPackageInfo(p, where, &ctx, &package, &commit); !st) return st;
  std::vector<std::string> groups_dev;
  if (Status st = OptStrings(p, "dependency_groups", where, &groups_dev); !st) return st;
  auto vulns = OptContainer(p, "vulnerabilities", 'a', where);
  if (!vulns) return vulns.error();
  std::vector<std::string> order;
  for (size_t i = 0; *vulns && i < (*vulns)->size(); ++i) {
    std::string w = where + "/vulnerabilities/" + std::to_string(i), id;
    if (Status st = core::ExpectObject((**vulns)[i], w); !st) return st;
    if (Status st = ReqString((**vulns)[i], "id", w, &id); !st) return st;
    if (!ctx.records.count(id)) order.push_back(id);
    ctx.records[id] = {&(**vulns)[i], w};
  }
  WorkList work;
  if (Status st = BuildWork(p, where, order, &work, ungrouped); !st) return st;
  bool dev = std::find(groups_dev.begin(), groups_dev.end(), "dev") != groups_dev.end();
  for (size_t i = 0; i < work.size(); ++i) {
    Finding f;
    std::string w = where + "/groups/" + std::to_string(i);
    if (Status st = GroupFinding(work[i].first, work[i].second, w, ctx, &f); !st) return st;
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
    if (Status st = core::ExpectObject(v, w); !st) return st;
    if (Status st = OptString(v, "path", w, &path); !st) return st;
    source_paths[p.substr(0, p.rfind('/'))] = path;
    return core::Ok{};
  });
  s.OnRecord("/results/*/packages/*", [&](const std::string& p, json& v) -> Status {
    std::string result = p.substr(0, p.rfind("/packages/"));
    return ParsePackage(v, name + ":" + p, name, source_paths[result], out, &ungrouped);
  });
  if (Status st = s.Parse(in); !st) return st;
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
