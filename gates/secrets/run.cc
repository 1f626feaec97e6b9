// secgate-secrets run (run.h).
#include "gates/secrets/run.h"

#include "gates/secrets/collector.h"
#include "gates/secrets/introduced.h"
#include "gates/secrets/mask.h"
#include "gates/secrets/sources/sources.h"

namespace secgate::secrets {

using core::Error;
using core::Result;

namespace {

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
core::Status ScanSource(const SecretsConfig& config, const MaxFileSize& max,
                        const core::WaiverFile* waivers, Collector* collector,
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
      sel.shard = config.shard;
      sel.waivers = waivers;
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
      auto in = config.open ? config.open("-") : core::InputFile::Open("-");
      if (!in) return in.error();
      auto format = ScanStream(**in, "stdin", collector);
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

void AddNotes(const Matcher& engine, Collector& collector, core::Verdict* v) {
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

bool CommitMode(Mode m) { return m == Mode::kRange || m == Mode::kSince || m == Mode::kHistory; }

/// The findings to evaluate: in commit modes each secret once per waiver
/// judgement, at its earliest commit (introduced.h), with every find in
/// `*every_find` for the baseline (one waiver per secret and path it was
/// found at, so that a later run's split by waivers finds each waived).
std::vector<core::Finding> Reported(const SecretsConfig& config, const core::WaiverFile& waivers,
                                    Collector* collector, std::vector<core::Finding>* every_find) {
  if (!CommitMode(config.mode)) {
    auto sorted = SortFindings(std::move(collector->findings()), collector->orders());
    *every_find = sorted;
    return sorted;
  }
  *every_find = SortFindings(collector->findings(), collector->orders());
  // A find in an allowlisted commit is listed as such and kept out of the
  // earliest-commit reduction, so it never stands in for a later
  // introduction of the same secret in a commit that is not allowlisted.
  std::vector<core::Finding> rest, allowlisted;
  std::vector<long> rest_orders, allowlisted_orders;
  for (size_t i = 0; i < collector->findings().size(); ++i) {
    auto& f = collector->findings()[i];
    const bool listed = !f.allowlisted.empty();
    (listed ? allowlisted : rest).push_back(std::move(f));
    (listed ? allowlisted_orders : rest_orders).push_back(collector->orders()[i]);
  }
  long repeats = 0;
  auto kept = KeepIntroductions(std::move(rest), rest_orders, waivers, &repeats);
  for (auto& f : SortFindings(std::move(allowlisted), allowlisted_orders)) kept.push_back(std::move(f));
  if (repeats > 0)
    collector->Note("history: " + std::to_string(repeats) +
                    " later finds of reported secrets (another commit or path) not reported again");
  return kept;
}

}  // namespace

Result<core::Verdict> RunSecrets(const SecretsConfig& config, const core::RunContext& ctx,
                                 std::vector<core::Finding>* every_find_out) {
  const core::SecretsPolicy& policy = ctx.policy.secrets;
  if (policy.max_file_size <= 0)
    return Error{"secrets.max_file_size", "must be greater than 0"};
  auto loaded = LoadMatcher(policy, ctx.policy.dir);
  if (!loaded) return loaded.error();
  const Matcher& engine = **loaded;
  Collector collector(engine);
  core::InputSummary summary;
  summary.path = TargetName(config);
  const MaxFileSize max{policy.max_file_size, policy.skip_large_files};
  const core::Status status = ScanSource(config, max, &ctx.waivers, &collector, &summary);
  // From here on every string that leaves the run goes through the masker:
  // a detected value is masked wherever else it occurs (a file name, a
  // commit message, a note, an error).
  const ValueMasker masker(collector.values());
  if (!status) {
    core::Error e = status.error();
    masker.Apply(&e);
    return e;
  }
  // Masked first: waivers (which decide what KeepIntroductions keeps) see
  // the findings as Evaluate will.
  for (auto& f : collector.findings()) masker.Apply(&f);
  if (auto s = AllowlistCommits(config, policy, &collector.findings()); !s) {
    core::Error e = s.error();
    masker.Apply(&e);
    return e;
  }
  std::vector<core::Finding> every_find;
  std::vector<core::Finding> findings = Reported(config, ctx.waivers, &collector, &every_find);
  summary.findings = static_cast<int>(findings.size());
  summary.skipped = collector.skipped();
  if (every_find_out) *every_find_out = std::move(every_find);
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
