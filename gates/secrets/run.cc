// secgate-secrets run (run.h).
#include "gates/secrets/run.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "gates/secrets/baseline.h"
#include "gates/secrets/collector.h"
#include "gates/secrets/mask.h"
#include "gates/secrets/sources/sources.h"

namespace secgate::secrets {

using core::Error;
using core::Result;

namespace {

/// Deterministic order whatever the thread timing: commit order, path,
/// line, rule. In commit modes one secret in one file is reported once, at
/// the oldest commit that added it (a merge re-adding a branch's lines, or
/// a secret removed and added back, does not report it twice).
std::vector<core::Finding> Arrange(Collector& c, bool commits) {
  std::vector<size_t> idx(c.findings().size());
  for (size_t i = 0; i < idx.size(); ++i) idx[i] = i;
  auto& f = c.findings();
  auto& order = c.orders();
  auto key = [&](size_t i) {
    return std::tie(f[i].location.path, f[i].location.line, f[i].id, f[i].fingerprint);
  };
  std::sort(idx.begin(), idx.end(), [&](size_t a, size_t b) {
    if (order[a] != order[b]) return order[a] < order[b];
    return key(a) < key(b);
  });
  std::vector<core::Finding> out;
  if (!commits) {
    for (size_t i : idx) out.push_back(std::move(f[i]));
    return out;
  }
  std::map<std::pair<std::string, std::string>, size_t> oldest;  // walk order: newest first
  for (size_t i : idx) oldest[{f[i].fingerprint, f[i].location.path}] = i;
  for (size_t i : idx)
    if (oldest[{f[i].fingerprint, f[i].location.path}] == i) out.push_back(std::move(f[i]));
  return out;
}

std::string TargetName(const SecretsConfig& c) {
  switch (c.mode) {
    case Mode::kStaged: return "staged";
    case Mode::kRange: return c.spec;
    case Mode::kSince: return c.spec + "..HEAD";
    case Mode::kHistory: return c.all_refs ? "history (all refs)" : "history";
    case Mode::kStdin: return "stdin";
    case Mode::kPaths: break;
  }
  std::string joined;
  for (const auto& p : c.paths) joined += (joined.empty() ? "" : " ") + p;
  return joined;
}

}  // namespace

namespace {

/// Reads the chosen source into `collector`; sets summary->format.
core::Status ScanSource(const SecretsConfig& config, const MaxFileSize& max, Collector* collector,
                        core::InputSummary* summary) {
  switch (config.mode) {
    case Mode::kStaged:
      summary->format = "git-staged";
      return ScanStaged(config.repo_dir, max, collector);
    case Mode::kRange:
    case Mode::kSince:
    case Mode::kHistory: {
      CommitSelection sel;
      sel.kind = config.mode == Mode::kRange   ? CommitSelection::Kind::kRange
                 : config.mode == Mode::kSince ? CommitSelection::Kind::kSince
                                               : CommitSelection::Kind::kHistory;
      sel.spec = config.spec;
      sel.all_refs = config.all_refs;
      sel.target = summary->path;
      summary->format = config.mode == Mode::kHistory ? "git-history" : "git-range";
      return ScanCommits(config.repo_dir, sel, max, config.jobs, collector);
    }
    case Mode::kPaths: {
      summary->format = "files";
      PathOptions o;
      o.no_ignore = config.no_ignore;
      o.max_size = max;
      o.jobs = config.jobs;
      return ScanPaths(config.paths, o, collector);
    }
    case Mode::kStdin: {
      auto format = ScanStream(config.stdin_fd, "stdin", collector);
      if (!format) return format.error();
      summary->format = *format;
      return core::Ok{};
    }
  }
  return core::Ok{};
}

/// Marks findings made at an allowlisted commit (secrets.allowlist.commits:
/// an id or a prefix of it). In git modes each entry is first checked for
/// ambiguity in the repository.
core::Status AllowlistCommits(const SecretsConfig& config, const core::SecretsPolicy& policy,
                              std::vector<core::Finding>* findings) {
  const auto& ids = policy.allowlist_commits;
  if (ids.empty()) return core::Ok{};
  const bool git = config.mode == Mode::kRange || config.mode == Mode::kSince ||
                   config.mode == Mode::kHistory;
  if (git)
    if (auto s = CheckCommitPrefixes(config.repo_dir, ids, policy.allowlist_where); !s) return s;
  for (auto& f : *findings) {
    if (f.location.commit.empty() || !f.allowlisted.empty()) continue;
    for (size_t i = 0; i < ids.size(); ++i) {
      if (f.location.commit.rfind(ids[i], 0) != 0) continue;
      f.allowlisted = "secrets.allowlist.commits[" + std::to_string(i) + "]";
      break;
    }
  }
  return core::Ok{};
}

void AddNotes(const Engine& engine, Collector& collector, core::Verdict* v) {
  v->notes.push_back(std::to_string(engine.pack().rules.size()) + " rules, " +
                     std::to_string(engine.compiled_rules()) + " compiled");
  for (auto& n : collector.notes()) v->notes.push_back(std::move(n));
  if (!collector.skipped().empty()) {
    std::string skipped;
    for (const auto& [what, count] : collector.skipped())
      skipped += (skipped.empty() ? "" : ", ") + std::to_string(count) + " " + what;
    v->notes.push_back("skipped: " + skipped);
  }
}

}  // namespace

Result<core::Verdict> RunSecrets(const SecretsConfig& config, const cli::GateContext& ctx) {
  const core::SecretsPolicy& policy = ctx.policy.secrets;
  if (policy.max_file_size <= 0)
    return Error{"secrets.max_file_size", "must be greater than 0"};
  auto loaded = LoadEngine(policy, ctx.policy.dir);
  if (!loaded) return loaded.error();
  const Engine& engine = **loaded;
  Collector collector(engine);
  core::InputSummary summary;
  summary.path = TargetName(config);
  const MaxFileSize max{policy.max_file_size, policy.skip_large_files};
  const core::Status status = ScanSource(config, max, &collector, &summary);
  // From here on every string that leaves the run goes through the masker:
  // a detected value is masked wherever else it occurs (a file name, a
  // commit message, a note, an error).
  const ValueMasker masker(collector.values());
  if (!status) {
    core::Error e = status.error();
    masker.Apply(&e);
    return e;
  }
  std::vector<core::Finding> findings = Arrange(collector, config.mode == Mode::kRange ||
                                                               config.mode == Mode::kSince ||
                                                               config.mode == Mode::kHistory);
  if (auto s = AllowlistCommits(config, policy, &findings); !s) {
    core::Error e = s.error();
    masker.Apply(&e);
    return e;
  }
  for (auto& f : findings) masker.Apply(&f);
  summary.findings = static_cast<int>(findings.size());
  summary.skipped = collector.skipped();
  if (!config.baseline_out.empty()) {
    int refused = 0;
    auto written = WriteBaseline(config.baseline_out, findings, ctx.today,
                                 ctx.policy.waivers.max_days, &refused);
    if (!written) {
      core::Error e = written.error();
      masker.Apply(&e);
      return e;
    }
    collector.Note("baseline: wrote " + std::to_string(*written) + " waivers to " +
                   config.baseline_out);
    if (refused > 0)
      collector.Note("baseline: " + std::to_string(refused) +
                     " findings left out: their path holds '*' or '?', which a waiver path "
                     "cannot match exactly");
  }
  const int before = static_cast<int>(findings.size());
  core::Verdict v = core::Evaluate(std::move(findings), core::EvaluateOptions::ForSecrets(ctx.policy),
                                   ctx.waivers, ctx.today);
  v.summary.findings_before_dedup = before;
  v.inputs.push_back(std::move(summary));
  AddNotes(engine, collector, &v);
  masker.Apply(&v);
  return v;
}

}  // namespace secgate::secrets
