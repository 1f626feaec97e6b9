// The blob walk (gates/secrets/sources/blob_walk.cc) against its oracle, the
// per-commit first-parent diff it replaced (sources/diff_oracle.h), on
// generated repositories: renames (plain, edited, into and out of an
// allowlisted folder, onto a path-filtered rule's files), merges (with
// secrets added in the resolution and lines taken from either side),
// deletes and re-adds, binary, UTF-16 and over-size files, secrets in
// commit messages. Also: the union of the N shards' findings is one whole
// run's, and the intended differences from the oracle in --range.
#include <gtest/gtest.h>

#include <unistd.h>

#include <map>
#include <random>
#include <set>

#include "gates/core/fingerprint.h"
#include "gates/secrets/collector.h"
#include "gates/secrets/introduced.h"
#include "gates/secrets/sources/diff_oracle.h"
#include "gates/secrets/sources/sources.h"
#include "tests/testing/run_process.h"
#include "tests/unit/secrets/test_pack.h"

namespace secgate::secrets {
namespace {

const MaxFileSize kMax{4096, false};       // generated "big" files are over it
const MaxFileSize kRoomy{1 << 20, false};  // ... and here under it (changed-region scans)

std::string Git() {
  for (const char* p : {"/usr/bin/git", "/usr/local/bin/git", "/bin/git"})
    if (::access(p, X_OK) == 0) return p;
  return "git";
}

/// Runs git in `dir` with no user or system config; `when` (seconds since
/// the epoch, 0 = now) is the author and committer date.
testing::ProcessResult RunGit(const std::string& dir, std::vector<std::string> args,
                              const std::string& stdin_data = "", long when = 0,
                              bool check = true) {
  args.insert(args.begin(), Git());
  testing::ProcessOptions o;
  o.cwd = dir;
  o.stdin_data = stdin_data;
  o.env = {{"GIT_CONFIG_NOSYSTEM", "1"}, {"GIT_CONFIG_GLOBAL", "/dev/null"},
           {"HOME", "/nonexistent"}, {"GIT_AUTHOR_NAME", "A"}, {"GIT_AUTHOR_EMAIL", "a@example.org"},
           {"GIT_COMMITTER_NAME", "A"}, {"GIT_COMMITTER_EMAIL", "a@example.org"}};
  if (when) o.env["GIT_AUTHOR_DATE"] = o.env["GIT_COMMITTER_DATE"] = "@" + std::to_string(when) + " +0000";
  auto r = testing::RunProcess(args, o);
  if (check) {
    EXPECT_EQ(r.exit_code, 0) << args[1] << ": " << r.err;
  }
  return r;
}

/// A seeded repository written as one `git fast-import` stream: two
/// branches (main and side) with every kind of change, merged now and then.
class Generator {
 public:
  explicit Generator(unsigned seed) : rng_(seed) {}

  std::string Build(const std::string& dir, int commits) {
    RunGit(dir, {"init", "-q", "-b", "main"});
    for (int i = 0; i < commits; ++i) Step(i);
    RunGit(dir, {"fast-import", "--quiet"}, stream_);
    return dir;
  }
  /// Every secret value planted (a fingerprint of each must be found).
  const std::set<std::string>& planted() const { return planted_; }

 private:
  struct Branch {
    std::string name;
    int tip = 0;
    std::map<std::string, std::string> files;
  };

  int Pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  std::string Alnum(int n, bool upper_only) {
    static const char kAll[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    std::string s;
    for (int i = 0; i < n; ++i) s += upper_only ? kAll[Pick(26)] : kAll[Pick(62)];
    return s;
  }
  /// A secret line: new values mostly, sometimes one planted before.
  std::string SecretLine() {
    if (!lines_.empty() && Pick(5) == 0) return lines_[static_cast<size_t>(Pick(static_cast<int>(lines_.size())))];
    std::string line;
    switch (Pick(4)) {
      case 0: line = "token = tstk_" + Alnum(32, false); break;
      case 1: line = "key_id = TKIA" + Alnum(16, true); break;
      case 2: line = "cfgsecret=" + Alnum(14, false); break;
      default: line = "db_password = \"Q" + Alnum(12, false) + "#\""; break;
    }
    lines_.push_back(line);
    planted_.insert(line);
    return line;
  }
  std::string Filler(int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += "line " + std::to_string(Pick(1000000)) + "\n";
    return s;
  }
  std::string NewPath(const char* dir, const char* ext) {
    return std::string(dir) + "/f" + std::to_string(next_file_++) + ext;
  }
  std::string AnyPath(const Branch& b) {
    auto it = b.files.begin();
    std::advance(it, Pick(static_cast<int>(b.files.size())));
    return it->first;
  }
  static std::string Utf16(const std::string& ascii) {
    std::string out = "\xFF\xFE";
    for (char c : ascii) {
      out.push_back(c);
      out.push_back('\0');
    }
    return out;
  }

  void Change(Branch& b);
  void Merge(Branch& into, Branch& from);
  void Emit(Branch& b, const std::string& message, int merge_mark);
  void Step(int i) {
    if (i == 3) side_ = {"side", main_.tip, main_.files};
    if (i > 6 && i % 7 == 0) return Merge(main_, side_);
    Branch& b = (i > 3 && Pick(2) == 0) ? side_ : main_;
    Change(b);
    Emit(b, Pick(12) == 0 ? "fix\n\n" + SecretLine() + "\n" : "change " + std::to_string(i) + "\n", 0);
  }

  std::mt19937 rng_;
  std::string stream_;
  Branch main_{"main", 0, {}}, side_{"side", 0, {}};
  int mark_ = 0, next_file_ = 0;
  long clock_ = 1700000000;
  std::vector<std::string> lines_;
  std::set<std::string> planted_;
  std::vector<std::pair<std::string, std::string>> deleted_;
};

void Generator::Change(Branch& b) {
  const int op = b.files.empty() ? 0 : Pick(13);
  std::string path = b.files.empty() ? "" : AnyPath(b);
  switch (op) {
    case 0: b.files[NewPath(Pick(4) == 0 ? "vendor" : "src", ".txt")] = Filler(3) + SecretLine() + "\n" + Filler(2); break;
    case 1: b.files[path] += SecretLine() + "\n"; break;
    case 2: b.files[path] = Filler(1) + SecretLine() + "\n" + b.files[path]; break;
    case 3: deleted_.emplace_back(path, b.files[path]); b.files.erase(path); break;
    case 4:  // re-add deleted content, at its path or another
      if (deleted_.empty()) break;
      b.files[Pick(2) ? deleted_.back().first : NewPath("readd", ".txt")] = deleted_.back().second;
      break;
    case 5: {  // rename, sometimes with an edit, sometimes out of or into vendor/ or onto *.cfg
      const char* dirs[] = {"src", "vendor", "moved", "conf"};
      const int d = Pick(4);
      std::string to = NewPath(dirs[d], d == 3 ? ".cfg" : ".txt");
      b.files[to] = b.files[path] + (Pick(2) ? "" : Filler(1));
      b.files.erase(path);
      break;
    }
    case 6: b.files[NewPath("bin", ".dat")] = std::string("\x01\x00\x02", 3) + SecretLine() + std::string("\x00\x7f", 2); break;
    case 7: b.files[NewPath("wide", ".txt")] = Utf16(Filler(2) + SecretLine() + "\n"); break;
    case 8: b.files[NewPath("big", ".txt")] = Filler(400) + SecretLine() + "\n"; break;  // over kMax
    case 9: b.files[path] = Filler(2); break;  // the secrets go
    case 10: b.files[NewPath("medium", ".txt")] = Filler(6000) + SecretLine() + "\n" + Filler(3000); break;
    case 11: {  // a secret into the middle of a file, or an edit of a middle line
      std::string& text = b.files[path];
      size_t at = text.find('\n', text.size() / 2);
      at = at == std::string::npos ? text.size() : at + 1;
      text.insert(at, Pick(2) ? SecretLine() + "\n" : Filler(1));
      break;
    }
    default: b.files[path] += Filler(2); break;
  }
}

void Generator::Merge(Branch& into, Branch& from) {
  for (const auto& [path, content] : from.files)
    if (!into.files.count(path) || Pick(2) == 0) into.files[path] = content;
  if (Pick(2) == 0) into.files[NewPath("resolution", ".txt")] = SecretLine() + "\n";  // added in the merge
  else if (!into.files.empty()) into.files[AnyPath(into)] += SecretLine() + "\n";
  Emit(into, "merge side\n", from.tip);
  if (Pick(3) == 0) from = {from.name, into.tip, into.files};
}

void Generator::Emit(Branch& b, const std::string& message, int merge_mark) {
  std::string& s = stream_;
  const std::string when = std::to_string(clock_ += 60) + " +0000";
  s += "commit refs/heads/" + b.name + "\nmark :" + std::to_string(++mark_) + "\n";
  s += "author A <a@example.org> " + when + "\ncommitter A <a@example.org> " + when + "\n";
  s += "data " + std::to_string(message.size()) + "\n" + message + "\n";
  if (b.tip) s += "from :" + std::to_string(b.tip) + "\n";
  if (merge_mark) s += "merge :" + std::to_string(merge_mark) + "\n";
  s += "deleteall\n";
  for (const auto& [path, content] : b.files)
    s += "M 100644 inline " + path + "\ndata " + std::to_string(content.size()) + "\n" + content + "\n";
  b.tip = mark_;
}

struct Found {
  std::vector<core::Finding> kept;  // one per fingerprint (KeepIntroductions)
  std::vector<core::Finding> all;
  std::vector<long> orders;
};

template <typename Scan>
Found Collect(const Matcher& engine, Scan scan) {
  Collector c(engine);
  core::Status s = scan(&c);
  EXPECT_TRUE(s) << (s ? "" : s.error().ToString());
  Found f;
  f.all = c.findings();
  f.orders = c.orders();
  long repeats = 0;
  f.kept = KeepIntroductions(c.findings(), c.orders(), core::WaiverFile{}, &repeats);
  return f;
}

CommitSelection History(Shard shard = {}) {
  CommitSelection sel;
  sel.kind = CommitSelection::Kind::kHistory;
  sel.all_refs = true;
  sel.target = "history";
  sel.shard = shard;
  return sel;
}

std::map<std::string, std::string> CommitByFingerprint(const std::vector<core::Finding>& kept) {
  std::map<std::string, std::string> out;
  for (const auto& f : kept) {
    EXPECT_FALSE(out.count(f.fingerprint)) << f.fingerprint << " reported twice";
    out[f.fingerprint] = f.location.commit;
  }
  return out;
}

class BlobWalkTest : public ::testing::TestWithParam<unsigned> {};

/// The blob walk against the oracle on one repository and size limit.
void Compare(const Matcher& engine, const std::string& repo, const MaxFileSize& max);

TEST_P(BlobWalkTest, FindsEverySecretTheOracleFindsAtTheSameIntroducingCommit) {
  testing::TempDir dir;
  Generator gen(GetParam());
  gen.Build(dir.path(), 90);
  auto engine = TestEngine();
  for (const MaxFileSize& max : {kMax, kRoomy}) {
    SCOPED_TRACE(max.bytes);
    Compare(*engine, dir.path(), max);
  }
}

void Compare(const Matcher& engine, const std::string& repo, const MaxFileSize& max) {
  auto oracle = Collect(engine, [&](Collector* c) {
    return ScanCommitsByDiff(repo, History(), max, 2, c);
  });
  auto walk = Collect(engine, [&](Collector* c) { return ScanCommits(repo, History(), max, 2, c); });
  ASSERT_GT(oracle.kept.size(), 20u);  // the generator plants enough to compare
  EXPECT_EQ(CommitByFingerprint(walk.kept), CommitByFingerprint(oracle.kept));
  // The paths and lines of the introducing finds agree as well.
  std::set<std::string> where_walk, where_oracle;
  for (const auto& f : walk.kept) where_walk.insert(f.fingerprint + " " + f.location.path);
  for (const auto& f : oracle.kept) where_oracle.insert(f.fingerprint + " " + f.location.path);
  EXPECT_EQ(where_walk, where_oracle);
  // Far fewer raw finds than the oracle: each blob is read once.
  EXPECT_LT(walk.all.size(), oracle.all.size());
}

TEST_P(BlobWalkTest, TheShardsTogetherAreOneWholeRun) {
  testing::TempDir dir;
  Generator(GetParam()).Build(dir.path(), 60);
  auto engine = TestEngine();
  auto whole = Collect(*engine, [&](Collector* c) { return ScanCommits(dir.path(), History(), kMax, 2, c); });
  std::vector<core::Finding> all;
  std::vector<long> orders;
  std::set<std::string> per_shard_total;
  for (int k = 1; k <= 3; ++k) {
    auto part = Collect(*engine, [&](Collector* c) {
      return ScanCommits(dir.path(), History(Shard{k, 3}), kMax, 1, c);
    });
    EXPECT_LT(part.kept.size(), whole.kept.size()) << "shard " << k << " read everything";
    all.insert(all.end(), part.all.begin(), part.all.end());
    orders.insert(orders.end(), part.orders.begin(), part.orders.end());
  }
  long repeats = 0;
  auto united = KeepIntroductions(all, orders, core::WaiverFile{}, &repeats);
  ASSERT_FALSE(whole.kept.empty());
  ASSERT_EQ(united.size(), whole.kept.size());
  for (size_t i = 0; i < united.size(); ++i) {
    EXPECT_EQ(united[i].fingerprint, whole.kept[i].fingerprint);
    EXPECT_EQ(united[i].location.commit, whole.kept[i].location.commit);
    EXPECT_EQ(united[i].location.path, whole.kept[i].location.path);
    EXPECT_EQ(united[i].location.line, whole.kept[i].location.line);
  }
}

INSTANTIATE_TEST_SUITE_P(Seeds, BlobWalkTest, ::testing::Values(1u, 7u, 42u));

/// A small hand-made history, committed with the git CLI.
class BlobWalkCases : public ::testing::Test {
 protected:
  void SetUp() override { RunGit(dir.path(), {"init", "-q", "-b", "main"}); }
  std::string Commit(const std::string& msg) {
    RunGit(dir.path(), {"add", "-A"});
    RunGit(dir.path(), {"commit", "-q", "--allow-empty", "-m", msg}, "", clock += 60);
    std::string id = RunGit(dir.path(), {"rev-parse", "HEAD"}).out;
    return id.substr(0, 40);
  }
  Found Range(const Matcher& engine, const std::string& spec, bool oracle) {
    CommitSelection sel;
    sel.kind = CommitSelection::Kind::kRange;
    sel.spec = spec;
    sel.target = spec;
    return Collect(engine, [&](Collector* c) {
      return oracle ? ScanCommitsByDiff(dir.path(), sel, kMax, 1, c)
                    : ScanCommits(dir.path(), sel, kMax, 1, c);
    });
  }
  testing::TempDir dir;
  long clock = 1700000000;
};

TEST_F(BlobWalkCases, APlainRenameOfBaseContentIsNotNewButOneOutOfAnAllowlistIs) {
  RulePack pack = TestPack();
  pack.allowlist.paths.push_back("fixtures/**");
  Matcher engine(std::move(pack));
  const std::string t1 = std::string("t = ") + kToken + "\n";
  const std::string t2 = std::string("k = ") + kKeyId + "\n";
  dir.Write("old/a.txt", t1);
  dir.Write("fixtures/b.txt", t2);
  const std::string base = Commit("base");
  dir.Write("new/a.txt", t1);
  dir.Write("src/b.txt", t2);
  RunGit(dir.path(), {"rm", "-q", "old/a.txt", "fixtures/b.txt"});
  const std::string moved = Commit("move");
  auto walk = Range(engine, base + "..HEAD", false);
  ASSERT_EQ(walk.kept.size(), 1u);  // the allowlisted file is judged at its new path
  EXPECT_EQ(walk.kept[0].location.path, "src/b.txt");
  EXPECT_EQ(walk.kept[0].location.commit, moved);
  // Intended difference: the oracle has no rename detection and reports
  // the plain move of base content as new as well.
  auto oracle = Range(engine, base + "..HEAD", true);
  EXPECT_EQ(oracle.kept.size(), 2u);
}

TEST_F(BlobWalkCases, ARenameOntoAPathFilteredRulesFilesIsJudgedThere) {
  auto engine = TestEngine();
  dir.Write("notes.txt", "cfgsecret=Zx81Kq03Lm72Pw\n");
  const std::string first = Commit("notes");
  RunGit(dir.path(), {"mv", "notes.txt", "app.cfg"});
  const std::string moved = Commit("as config");
  auto walk = Collect(*engine, [&](Collector* c) { return ScanCommits(dir.path(), History(), kMax, 1, c); });
  ASSERT_EQ(walk.kept.size(), 1u);
  EXPECT_EQ(walk.kept[0].id, "test-config-only");
  EXPECT_EQ(walk.kept[0].location.commit, moved);
  EXPECT_NE(walk.kept[0].location.commit, first);
}

TEST_F(BlobWalkCases, MergeSecretsAreFoundOnceAndLinesFromAHiddenParentAreNotNew) {
  auto engine = TestEngine();
  dir.Write("conf.txt", "a = 1\n");
  const std::string base = Commit("base");
  RunGit(dir.path(), {"checkout", "-q", "-b", "feature"});
  dir.Write("feature.txt", "x = 1\n");
  Commit("feature work");
  RunGit(dir.path(), {"checkout", "-q", "main"});
  dir.Write("conf.txt", std::string("a = 1\nt = ") + kToken + "\n");  // main adds a secret
  const std::string on_main = Commit("main secret");
  RunGit(dir.path(), {"checkout", "-q", "feature"});
  dir.Write("conf.txt", "a = 2\n");  // conflicting edit on the feature
  const std::string feature_tip = Commit("feature edit");
  RunGit(dir.path(), {"merge", "-q", "--no-commit", "main"}, "", clock, false);  // conflicts
  // Resolution: keep main's secret line, and add a new secret in the merge.
  dir.Write("conf.txt", std::string("a = 2\nt = ") + kToken + "\nk = " + kKeyId + "\n");
  const std::string merge = Commit("merge main");
  // --range over the feature (main hidden): the merge resolution's own
  // secret is found at the merge; main's line is in a parent, not new.
  auto walk = Range(*engine, on_main + "..HEAD", false);
  ASSERT_EQ(walk.kept.size(), 1u);
  EXPECT_EQ(walk.kept[0].id, "test-key-id");
  EXPECT_EQ(walk.kept[0].location.commit, merge);
  // Intended difference: the first-parent oracle blames main's line on the merge too.
  auto oracle = Range(*engine, on_main + "..HEAD", true);
  EXPECT_EQ(oracle.kept.size(), 2u);
  // History: each secret once, at the commit that introduced it.
  auto all = Collect(*engine, [&](Collector* c) { return ScanCommits(dir.path(), History(), kMax, 2, c); });
  auto by = CommitByFingerprint(all.kept);
  EXPECT_EQ(by[core::SecretFingerprint("test-token", kToken)], on_main);
  EXPECT_EQ(by[core::SecretFingerprint("test-key-id", kKeyId)], merge);
  EXPECT_EQ(by.size(), 2u);
  (void)base;
  (void)feature_tip;
}

TEST_F(BlobWalkCases, ADeletedAndReAddedSecretIsReportedOnceAtItsFirstCommit) {
  auto engine = TestEngine();
  dir.Write("a.txt", std::string("t = ") + kToken + "\n");
  const std::string first = Commit("add");
  dir.Write("a.txt", "gone\n");
  Commit("remove");
  dir.Write("a.txt", std::string("t = ") + kToken + "\n");
  dir.Write("b.txt", std::string("again = ") + kToken + "\n");
  Commit("re-add and copy");
  auto walk = Collect(*engine, [&](Collector* c) { return ScanCommits(dir.path(), History(), kMax, 1, c); });
  ASSERT_EQ(walk.kept.size(), 1u);
  EXPECT_EQ(walk.kept[0].location.commit, first);
  EXPECT_EQ(walk.kept[0].location.path, "a.txt");
}

TEST_F(BlobWalkCases, AnUnreadableObjectIsAnErrorNotNoFindings) {
  auto engine = TestEngine();
  dir.Write("a.txt", std::string("t = ") + kToken + "\n");
  Commit("add");
  // Remove the blob's loose object: the walk sees the tree but cannot read it.
  std::string blob = RunGit(dir.path(), {"rev-parse", "HEAD:a.txt"}).out.substr(0, 40);
  ASSERT_EQ(::unlink((dir.path() + "/.git/objects/" + blob.substr(0, 2) + "/" + blob.substr(2)).c_str()), 0);
  Collector c(*engine);
  core::Status s = ScanCommits(dir.path(), History(), kMax, 2, &c);
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().ToString().find("cannot read blob"), std::string::npos) << s.error().ToString();
}

}  // namespace
}  // namespace secgate::secrets
