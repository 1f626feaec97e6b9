#include "gates/core/merge.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <unordered_map>

#include "gates/core/fingerprint.h"
#include "gates/core/purl.h"
#include "gates/core/strings.h"

namespace secgate::core {
namespace {

// Ecosystem words differ between tools (Trivy "npm"/"yarn"/"pnpm", Grype
// "npm", OSV "npm"; "pip"/"python"/"PyPI"): fold them so the same package
// from two tools compares equal.
std::string FoldEcosystem(std::string e) {
  AsciiLowerInPlace(&e);
  if (e == "yarn" || e == "pnpm" || e == "node-pkg" || e == "nodejs") return "npm";
  if (e == "pip" || e == "python" || e == "python-pkg" || e == "pipenv" || e == "poetry" ||
      e == "uv")
    return "pypi";
  if (e == "gomod" || e == "go" || e == "go-module" || e == "gobinary") return "golang";
  if (e == "rust" || e == "rust-crate" || e == "crates.io" || e == "rustbinary") return "cargo";
  if (e == "jar" || e == "pom" || e == "gradle" || e == "java-archive" || e == "sbt") return "maven";
  if (e == "bundler" || e == "gemspec" || e == "rubygems") return "gem";
  if (e == "debian" || e == "ubuntu") return "deb";
  if (e == "alpine" || e == "wolfi" || e == "chainguard") return "apk";
  return e;
}

struct PackageIdentity {
  std::string key;      // ecosystem/name (lower-case for case-insensitive ecosystems)
  std::string version;  // may be empty
};

PackageIdentity Identify(const Package& p) {
  if (auto purl = ParsePurl(p.purl)) {
    std::string name = purl->namespace_.empty() ? purl->name : purl->namespace_ + "/" + purl->name;
    return {FoldEcosystem(purl->type) + "/" + name,
            purl->version.empty() ? p.version : purl->version};
  }
  std::string eco = FoldEcosystem(p.ecosystem);
  std::string name = eco == "pypi" ? NormalizePythonName(p.name) : p.name;
  if (eco == "npm") AsciiLowerInPlace(&name);
  return {eco + "/" + name, p.version};
}

class UnionFind {
 public:
  int Id(const std::string& s) {
    auto [it, inserted] = index_.emplace(AsciiUpper(s), static_cast<int>(parent_.size()));
    if (inserted) parent_.push_back(it->second);
    return it->second;
  }
  int Find(int x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void Union(int a, int b) { parent_[Find(a)] = Find(b); }

 private:
  std::unordered_map<std::string, int> index_;
  std::vector<int> parent_;
};

void AddUnique(std::vector<std::string>* v, const std::string& s, bool ignore_case) {
  for (const auto& e : *v) {
    if (ignore_case ? EqualsIgnoreCase(e, s) : e == s) return;
  }
  v->push_back(s);
}

void MergeInto(Finding* into, Finding&& from) {
  std::vector<std::string> ids = {into->id};
  for (auto& a : into->aliases) AddUnique(&ids, a, true);
  AddUnique(&ids, from.id, true);
  for (auto& a : from.aliases) AddUnique(&ids, a, true);
  into->id = PreferredId(ids);
  into->aliases.clear();
  for (auto& i : ids)
    if (!EqualsIgnoreCase(i, into->id)) into->aliases.push_back(i);
  for (auto& s : from.sources) AddUnique(&into->sources, s, false);
  for (auto& v : from.fixed_versions) AddUnique(&into->fixed_versions, v, false);
  if (from.severity > into->severity) {
    into->severity = from.severity;
    into->severity_source = from.severity_source;
    into->score = from.score;
  } else if (from.severity == into->severity && into->score == 0) {
    into->score = from.score;
  }
  for (auto& r : from.ratings) into->ratings.push_back(std::move(r));
  for (auto& r : from.related) AddUnique(&into->related, r, true);
  if (into->package.version.empty()) into->package.version = from.package.version;
  if (into->package.purl.empty()) into->package.purl = from.package.purl;
  if (into->title.empty()) into->title = std::move(from.title);
  if (into->url.empty()) into->url = std::move(from.url);
  if (into->location.path.empty()) into->location.path = from.location.path;
  if (into->vex_state.empty()) {
    into->vex_state = std::move(from.vex_state);
    into->vex_justification = std::move(from.vex_justification);
  }
  into->dev_only = into->dev_only && from.dev_only;
  // Ignored upstream only when every scanner that reported it ignored it:
  // one tool's suppression does not silence another tool's finding.
  if (from.upstream_ignore.empty()) into->upstream_ignore.clear();
}

}  // namespace

std::string PreferredId(const std::vector<std::string>& ids) {
  for (const auto& id : ids)
    if (AsciiUpper(id).rfind("CVE-", 0) == 0) return id;
  for (const auto& id : ids)
    if (AsciiUpper(id).rfind("GHSA-", 0) == 0) return id;
  return ids.empty() ? "" : ids.front();
}

std::vector<Finding> MergeFindings(std::vector<Finding> findings) {
  UnionFind uf;
  for (const auto& f : findings) {
    if (f.gate != Gate::kVuln) continue;
    int root = uf.Id(f.id);
    for (const auto& a : f.aliases) uf.Union(uf.Id(a), root);
  }
  std::vector<Finding> out;
  out.reserve(findings.size());  // no doubling copies next to `findings` (~800 B each)
  // (package key, id group) -> indexes in `out` (one per distinct version).
  std::map<std::pair<std::string, int>, std::vector<size_t>> groups;
  for (auto& f : findings) {
    if (f.gate != Gate::kVuln) {
      out.push_back(std::move(f));
      continue;
    }
    PackageIdentity pid = Identify(f.package);
    auto& slots = groups[{pid.key, uf.Find(uf.Id(f.id))}];
    size_t target = out.size();
    for (size_t idx : slots) {
      PackageIdentity other = Identify(out[idx].package);
      // A missing version (npm 7 reports have none) matches any version.
      if (other.version == pid.version || other.version.empty() || pid.version.empty()) {
        target = idx;
        break;
      }
    }
    if (target == out.size()) {
      slots.push_back(target);
      out.push_back(std::move(f));
    } else {
      MergeInto(&out[target], std::move(f));
    }
  }
  for (auto& f : out) {
    if (f.gate == Gate::kVuln) {
      // The id shown is the preferred one; the fingerprint follows it.
      std::vector<std::string> ids = {f.id};
      for (auto& a : f.aliases) ids.push_back(a);
      std::string preferred = PreferredId(ids);
      if (preferred != f.id) {
        f.aliases.erase(std::remove(f.aliases.begin(), f.aliases.end(), preferred), f.aliases.end());
        f.aliases.insert(f.aliases.begin(), f.id);
        f.id = preferred;
      }
      f.fingerprint = VulnFingerprint(f);
    }
  }
  return out;
}

}  // namespace secgate::core
