// --range, --since and --history as a blob walk (sources.h, docs/secrets.md
// "How history is scanned"). Three stages:
//
//   1. walk: `jobs` threads take commits from one revwalk (children first)
//      and diff each commit's tree against every parent's by object id
//      (tree_diff.h): the blobs it introduces, with the parents' blobs at
//      that path. Each commit's message is scanned here.
//   2. plan: introductions grouped by blob id. A blob is judged once per
//      distinct path judgement (global path allowlist, the rules whose
//      `paths` filter applies), at the earliest introduction with that
//      judgement: the one walked last. Content a commit only moves (a blob
//      a parent had at another path with the same judgement) is not new.
//   3. read: the judged blobs sorted by path, newest first (libgit2's small
//      delta-base cache then serves most reads), path groups split across
//      the threads. A match is kept only when its line is in no parent's
//      version of the path. A blob with a version in its first parent is
//      scanned only from the first line where the two differ to the last
//      (the lines around are the parent's, so no match there could be
//      kept); that parent is usually the next blob read, and is read once.
#include <algorithm>
#include <atomic>
#include <unordered_map>
#include <unordered_set>

#include "gates/core/waiver.h"
#include "gates/core/glob.h"
#include "gates/secrets/content.h"
#include "gates/secrets/sources/commit_walk.h"
#include "gates/secrets/sources/git_util.h"
#include "gates/secrets/sources/sources.h"
#include "gates/secrets/sources/tree_diff.h"

namespace secgate::secrets {

namespace {

/// One blob introduced at one path by the commit of walk order `order`.
struct Intro {
  BlobChange change;
  long order = 0;
};

/// How a path is judged: "-" when the global allowlist excludes it, else
/// one '0'/'1' per rule with a `paths` filter (does it apply here), then
/// one per secrets waiver with a path scope (does the scope cover it).
class PathJudge {
 public:
  PathJudge(const Matcher& engine, const CommitSelection& sel) : engine_(engine), sel_(sel) {}
  const std::string& Of(const std::string& path) {
    auto [it, fresh] = cache_.try_emplace(path);
    if (!fresh) return it->second;
    if (engine_.PathAllowlisted(path)) return it->second = "-";
    for (const Rule& r : engine_.pack().rules) {
      if (r.paths.empty()) continue;
      const bool applies = std::any_of(r.paths.begin(), r.paths.end(),
                                       [&](const std::string& g) { return core::GlobMatch(g, path); });
      it->second.push_back(applies ? '1' : '0');
    }
    if (sel_.waivers) AppendWaivers(path, &it->second);
    return it->second;
  }
  static bool Excluded(const std::string& judgement) { return judgement == "-"; }

 private:
  void AppendWaivers(const std::string& path, std::string* out) const {
    core::Finding probe;  // a secret at `path` that any waiver's id matches
    probe.gate = core::Gate::kSecrets;
    probe.location.target = sel_.target;
    probe.location.path = path;
    for (const core::Waiver& w : sel_.waivers->waivers) {
      if (w.gate != core::Gate::kSecrets || w.path.empty()) continue;
      probe.id = probe.fingerprint = w.id;
      out->push_back(core::WaiverMatches(w, probe) ? '1' : '0');
    }
  }

  const Matcher& engine_;
  const CommitSelection& sel_;
  std::unordered_map<std::string, std::string> cache_;
};

bool OidLess(const git_oid& a, const git_oid& b) { return git_oid_cmp(&a, &b) < 0; }

/// What one walking thread collects.
struct WalkPart {
  WalkPart(const Matcher& engine, const CommitSelection& sel) : messages(engine), judge(engine, sel) {}
  std::vector<Intro> intros;
  std::vector<Origin> commits;  // one per walked commit (any order)
  Collector messages;
  PathJudge judge;
  long moved = 0;  // introductions that only move content a parent had
};

/// Drops from `ch.introduced` the blobs a parent had at another path that
/// is judged the same (a rename or a move: nothing new to read).
void DropMoves(TreeChanges* ch, WalkPart* part) {
  if (ch->removed.empty()) return;
  std::sort(ch->removed.begin(), ch->removed.end(),
            [](const auto& a, const auto& b) { return OidLess(a.first, b.first); });
  std::erase_if(ch->introduced, [&](const BlobChange& b) {
    auto it = std::lower_bound(ch->removed.begin(), ch->removed.end(), b.blob,
                               [](const auto& r, const git_oid& id) { return OidLess(r.first, id); });
    for (; it != ch->removed.end() && git_oid_equal(&it->first, &b.blob); ++it) {
      if (part->judge.Of(it->second) != part->judge.Of(b.path)) continue;
      ++part->moved;
      return true;
    }
    return false;
  });
}

core::Status WalkCommit(git_repository* repo, const git_oid& id, long order,
                        const CommitSelection& sel, WalkPart* part) {
  const std::string hex = OidHex(id);
  git_commit* c_raw = nullptr;
  if (git_commit_lookup(&c_raw, repo, &id) < 0) return GitError(hex, "cannot read commit");
  CommitPtr commit(c_raw);
  std::vector<TreePtr> holders;
  std::vector<const git_tree*> parents;
  for (unsigned i = 0; i < git_commit_parentcount(commit.get()); ++i) {
    git_commit* p_raw = nullptr;
    if (git_commit_parent(&p_raw, commit.get(), i) < 0) return GitError(hex, "cannot read parent");
    CommitPtr parent(p_raw);
    git_tree* pt = nullptr;
    if (git_commit_tree(&pt, parent.get()) < 0) return GitError(hex, "cannot read parent tree");
    holders.emplace_back(pt);
    parents.push_back(pt);
  }
  git_tree* t_raw = nullptr;
  if (git_commit_tree(&t_raw, commit.get()) < 0) return GitError(hex, "cannot read tree");
  TreePtr tree(t_raw);
  TreeChanges ch;
  if (auto s = DiffTrees(repo, tree.get(), parents, &ch); !s) return s;
  for (int i = 0; i < ch.submodules; ++i) part->messages.Skip("submodules");
  DropMoves(&ch, part);
  for (auto& b : ch.introduced) part->intros.push_back({std::move(b), order});
  Origin origin = CommitOrigin(commit.get(), sel.target, order);
  if (sel.shard.Owns(hex)) ScanMessage(commit.get(), origin, &part->messages);
  part->commits.push_back(std::move(origin));
  return core::Ok{};
}

/// A blob's decoded text (content.h), kept alive with the blob.
struct Decoded {
  git_oid id{};
  BlobPtr blob;
  size_t raw_size = 0;
  std::string storage;
  std::string_view text;
};
using DecodedPtr = std::unique_ptr<Decoded>;

core::Result<DecodedPtr> Decode(git_repository* repo, const git_oid& id, const std::string& where) {
  auto d = std::make_unique<Decoded>();
  d->id = id;
  auto bytes = ReadBlob(repo, id, where, &d->blob);
  if (!bytes) return bytes.error();
  d->raw_size = bytes->size();
  d->text = Scannable(*bytes, Classify(*bytes), &d->storage);
  return d;
}

/// The decoded lines of the parents' versions of one path, read on first
/// use: "is this line in any of them".
class ParentLines {
 public:
  ParentLines(git_repository* repo, const std::vector<git_oid>& blobs, std::string where)
      : repo_(repo), blobs_(blobs), where_(std::move(where)) {}
  core::Result<bool> Contains(std::string_view line) {
    if (!loaded_) {
      loaded_ = true;
      for (const git_oid& id : blobs_)
        if (auto s = Load(id); !s) return s.error();
    }
    return lines_.count(line) > 0;
  }

 private:
  core::Status Load(const git_oid& id) {
    if (git_oid_is_zero(&id)) return core::Ok{};
    auto decoded = Decode(repo_, id, where_);
    if (!decoded) return decoded.error();
    std::string_view all = (*decoded)->text;
    texts_.push_back(std::move(*decoded));
    while (!all.empty()) {
      const size_t nl = all.find('\n');
      lines_.insert(all.substr(0, nl));
      all.remove_prefix(nl == std::string_view::npos ? all.size() : nl + 1);
    }
    return core::Ok{};
  }

  git_repository* repo_;
  const std::vector<git_oid>& blobs_;
  std::string where_;
  bool loaded_ = false;
  std::vector<DecodedPtr> texts_;  // lines_ points into them
  std::unordered_set<std::string_view> lines_;
};

/// The line of `text` holding offset `begin` (without its LF).
std::string_view LineAt(std::string_view text, size_t line_begin) {
  const size_t nl = text.find('\n', line_begin);
  return text.substr(line_begin, nl == std::string_view::npos ? text.size() - line_begin
                                                              : nl - line_begin);
}

/// What one reading thread keeps from blob to blob: the parent version it
/// read last (in a path group read newest first, the next blob to read).
struct ReadState {
  DecodedPtr parent;
};

/// The lines of `text` that can differ from `parent`'s: from the start of
/// the line holding the first differing byte to the end of the line where
/// the common tail starts (every line outside is a line `parent` has, so no
/// match there could be kept). *first_line: the region's first line number.
std::string_view ChangedRegion(std::string_view text, std::string_view parent, int* first_line) {
  const size_t limit = std::min(text.size(), parent.size());
  size_t prefix = 0;
  while (prefix < limit && text[prefix] == parent[prefix]) ++prefix;
  size_t suffix = 0;
  while (suffix < limit - prefix &&
         text[text.size() - 1 - suffix] == parent[parent.size() - 1 - suffix])
    ++suffix;
  const size_t last_nl = prefix == 0 ? std::string_view::npos : text.rfind('\n', prefix - 1);
  const size_t begin = last_nl == std::string_view::npos ? 0 : last_nl + 1;
  const size_t tail_nl = text.find('\n', text.size() - suffix);
  const size_t end = tail_nl == std::string_view::npos ? text.size() : tail_nl + 1;
  *first_line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + begin, '\n'));
  return text.substr(begin, end > begin ? end - begin : 0);
}

/// The first parent blob of `intro`, the zero id when there is none.
git_oid FirstParentBlob(const Intro& intro) {
  for (const git_oid& id : intro.change.parent_blobs)
    if (!git_oid_is_zero(&id)) return id;
  return git_oid{};
}

/// The region of `cur` to scan: all of it, or for a blob with a parent
/// version the part ChangedRegion gives (the parent, read here, is kept in
/// `state` for the next read).
core::Result<std::string_view> RegionToScan(git_repository* repo, const Intro& intro,
                                            const Decoded& cur, const std::string& where,
                                            ReadState* state, int* first_line) {
  *first_line = 1;
  const git_oid parent = FirstParentBlob(intro);
  if (git_oid_is_zero(&parent)) return cur.text;
  if (!state->parent || !git_oid_equal(&state->parent->id, &parent)) {
    auto p = Decode(repo, parent, where);
    if (!p) return p.error();
    state->parent = std::move(*p);
  }
  return ChangedRegion(cur.text, state->parent->text, first_line);
}

/// Reads one judged introduction: the blob's text, keeping the matches on
/// lines no parent's version of the path has; a blob over the size limit is
/// skipped (skip_larger) or scanned whole in chunks, every match kept.
core::Status ReadIntro(git_repository* repo, const Intro& intro, Origin origin,
                       const MaxFileSize& max_size, ReadState* state, Collector* out) {
  origin.path = intro.change.path;
  const std::string where = origin.target + ":" + origin.path;
  DecodedPtr cur;
  if (state->parent && git_oid_equal(&state->parent->id, &intro.change.blob)) {
    cur = std::move(state->parent);  // read as the previous blob's parent
  } else {
    auto d = Decode(repo, intro.change.blob, where);
    if (!d) return d.error();
    cur = std::move(*d);
  }
  const bool large = static_cast<long long>(cur->raw_size) > max_size.bytes;
  if (large && max_size.skip_larger) {
    out->Skip("files over size limit");
    return core::Ok{};
  }
  if (large) {
    ChunkedScan whole(out, origin);
    whole.Add(cur->text);
    whole.Finish();
    return core::Ok{};
  }
  int first_line = 1;
  auto region = RegionToScan(repo, intro, *cur, where, state, &first_line);
  if (!region) return region.error();
  ParentLines parents(repo, intro.change.parent_blobs, where);
  std::optional<core::Error> error;
  out->ScanKeeping(origin, *region, first_line, [&](const SecretMatch& m) {
    auto in_parent = parents.Contains(LineAt(*region, m.line_begin));
    if (!in_parent && !error) error = in_parent.error();
    return !in_parent || !*in_parent;  // an unreadable parent keeps the match
  });
  if (error) return *error;
  return core::Ok{};
}

/// Stage 2: the introductions this shard reads, one per blob and path
/// judgement (the earliest), skipping allowlisted paths.
std::vector<Intro> Plan(std::vector<Intro> all, const Shard& shard, PathJudge* judge,
                        Collector* out, long* further) {
  std::sort(all.begin(), all.end(), [](const Intro& a, const Intro& b) {
    if (int c = git_oid_cmp(&a.change.blob, &b.change.blob)) return c < 0;
    if (a.order != b.order) return a.order > b.order;  // earliest (walked last) first
    return a.change.path < b.change.path;
  });
  std::vector<Intro> tasks;
  for (size_t i = 0; i < all.size();) {
    size_t end = i;
    while (end < all.size() && git_oid_equal(&all[end].change.blob, &all[i].change.blob)) ++end;
    if (shard.Owns(all[i].change.path)) {
      std::vector<std::string> judged;
      for (size_t k = i; k < end; ++k) {
        const std::string& j = judge->Of(all[k].change.path);
        if (PathJudge::Excluded(j)) {
          out->Skip("allowlisted paths");
        } else if (std::find(judged.begin(), judged.end(), j) != judged.end()) {
          ++*further;
        } else {
          judged.push_back(j);
          tasks.push_back(std::move(all[k]));
        }
      }
    }
    i = end;
  }
  return tasks;
}

/// Stage 3: reads `tasks` on `jobs` threads, whole path groups per thread.
core::Status ReadAll(const std::string& git_dir, std::vector<Intro>& tasks,
                     const std::vector<Origin>& commits, const MaxFileSize& max_size, int jobs,
                     std::vector<std::unique_ptr<Collector>>& collectors) {
  std::sort(tasks.begin(), tasks.end(), [](const Intro& a, const Intro& b) {
    if (a.change.path != b.change.path) return a.change.path < b.change.path;
    return a.order < b.order;  // newest first
  });
  std::vector<size_t> groups;  // start of each path's run
  for (size_t i = 0; i < tasks.size(); ++i)
    if (i == 0 || tasks[i].change.path != tasks[i - 1].change.path) groups.push_back(i);
  groups.push_back(tasks.size());
  std::atomic<size_t> next{0};
  std::mutex mu;
  std::vector<ReadState> states(static_cast<size_t>(jobs));
  std::optional<core::Error> error;
  RunOnThreads(jobs, [&](int index) {
    auto repo = OpenGitDir(git_dir);
    for (size_t g = next++; repo && g + 1 < groups.size(); g = next++) {
      for (size_t t = groups[g]; t < groups[g + 1]; ++t) {
        const Intro& intro = tasks[t];
        auto s = ReadIntro(repo->get(), intro, commits[static_cast<size_t>(intro.order)],
                           max_size, &states[static_cast<size_t>(index)],
                           collectors[static_cast<size_t>(index)].get());
        if (s) continue;
        std::lock_guard<std::mutex> lock(mu);
        if (!error) error = s.error();
        next = groups.size();
        return;
      }
    }
    if (!repo) {
      std::lock_guard<std::mutex> lock(mu);
      if (!error) error = repo.error();
    }
  });
  if (error) return *error;
  return core::Ok{};
}

/// Stage 1: walks every selected commit on `jobs` threads.
core::Status WalkAll(const std::string& git_dir, git_revwalk* walk, const CommitSelection& sel,
                     int jobs, std::vector<std::unique_ptr<WalkPart>>& parts, long* walked) {
  CommitQueue queue(walk);
  RunOnThreads(jobs, [&](int index) {
    auto own = OpenGitDir(git_dir);
    if (!own) return queue.Fail(own.error());
    git_oid id;
    long order = 0;
    while (queue.Next(&id, &order)) {
      auto s = WalkCommit(own->get(), id, order, sel, parts[static_cast<size_t>(index)].get());
      if (!s) return queue.Fail(s.error());
    }
  });
  *walked = queue.walked();
  if (queue.error()) return *queue.error();
  return core::Ok{};
}

}  // namespace

core::Status ScanCommits(const std::string& dir, const CommitSelection& sel,
                         const MaxFileSize& max_size, int jobs, Collector* out) {
  const std::string where = SelectionFlag(sel);
  auto repo = OpenRepository(dir, where);
  if (!repo) return repo.error();
  auto walk = SelectCommits(repo->get(), sel);
  if (!walk) return walk.error();
  const std::string git_dir = git_repository_path(repo->get());
  jobs = std::max(1, jobs);
  std::vector<std::unique_ptr<WalkPart>> parts;
  for (int i = 0; i < jobs; ++i) parts.push_back(std::make_unique<WalkPart>(out->engine(), sel));
  long walked = 0, moved = 0, further = 0;
  core::Status status = WalkAll(git_dir, walk->get(), sel, jobs, parts, &walked);
  std::vector<Intro> all;
  std::vector<Origin> commits(static_cast<size_t>(walked));
  for (auto& p : parts) {
    for (auto& i : p->intros) all.push_back(std::move(i));
    for (auto& c : p->commits) commits[static_cast<size_t>(c.order)] = std::move(c);
    moved += p->moved;
    out->Absorb(p->messages);  // even on an error: the values found mask it
  }
  parts.clear();
  if (!status) return status;
  const size_t introduced = all.size();
  PathJudge judge(out->engine(), sel);
  std::vector<Intro> tasks = Plan(std::move(all), sel.shard, &judge, out, &further);
  std::vector<std::unique_ptr<Collector>> collectors;
  for (int i = 0; i < jobs; ++i) collectors.push_back(std::make_unique<Collector>(out->engine()));
  status = ReadAll(git_dir, tasks, commits, max_size, jobs, collectors);
  for (auto& c : collectors) out->Absorb(*c);
  if (!status) return status;
  out->Note(where + ": " + std::to_string(walked) + " commits scanned");
  std::string shard;
  if (sel.shard.count > 1)
    shard = " (shard " + std::to_string(sel.shard.index) + "/" + std::to_string(sel.shard.count) + ")";
  out->Note(where + ": " + std::to_string(tasks.size()) + " blobs read" + shard + " of " +
            std::to_string(introduced) + " introductions; " + std::to_string(further) +
            " repeat content read before, " + std::to_string(moved) + " only move content");
  return core::Ok{};
}

}  // namespace secgate::secrets
