// secgate-secrets on real git repositories (built with the git CLI):
// --staged, --range, --since, --history, --all; removal, rename, merge,
// binary and oversized files, inline markers, waivers, the first commit.
// (holes_git_test.cc: what a pull request could hide from these sources.)
#include <algorithm>
#include <set>

#include "tests/e2e/secrets/secrets_e2e.h"

namespace secgate::secrets::e2e {
namespace {

class GitModesTest : public ::testing::Test {
 protected:
  Repo repo;
  testing::TempDir cfg;
  std::string policy = PolicyFile(cfg);
  nlohmann::json Run(std::vector<std::string> args, int want_exit) {
    args.insert(args.begin(), {"--policy", policy});
    return GateJson(args, repo.path(), want_exit);
  }
};

TEST_F(GitModesTest, StagedBeforeTheFirstCommit) {
  repo.Write("app/config.py", "# config\nKEY = \"" + kKeyId + "\"\n");
  repo.Write("unstaged.py", "T = '" + kToken + "'\n");  // not in the index: not scanned
  repo.Git({"add", "app/config.py"});
  auto v = Run({"--staged"}, 1);
  EXPECT_EQ(Where(v), std::vector<std::string>{"test-key-id app/config.py:2"});
  EXPECT_EQ(v["findings"][0]["location"]["target"], "staged");
  EXPECT_EQ(v["findings"][0]["fingerprint"], core::SecretFingerprint("test-key-id", kKeyId));
}

TEST_F(GitModesTest, AddedThenRemovedIsInHistoryNotStaged) {
  repo.Write("a.txt", "one\ntoken: " + kToken + "\n");
  repo.Git({"add", "a.txt"});
  const std::string added = repo.Commit("add");
  repo.Write("a.txt", "one\n");
  repo.Git({"add", "a.txt"});
  repo.Commit("remove");
  auto staged = Run({"--staged"}, 0);
  EXPECT_EQ(Where(staged), std::vector<std::string>{});
  auto history = Run({"--history"}, 1);
  ASSERT_EQ(Where(history), std::vector<std::string>{"test-token a.txt:2"});
  const auto& loc = history["findings"][0]["location"];
  EXPECT_EQ(loc["commit"], added);
  EXPECT_EQ(loc["author"], "Ann Author <ann@example.org>");
  EXPECT_EQ(loc["date"], "2024-01-12T12:00:00+00:00");
  // The removal commit alone adds nothing.
  EXPECT_EQ(Where(Run({"--range", added + "..HEAD"}, 0)), std::vector<std::string>{});
  EXPECT_EQ(Where(Run({"--since", added}, 0)), std::vector<std::string>{});
}

TEST_F(GitModesTest, StagedSeesOnlyAddedLinesWithNewLineNumbers) {
  repo.Write("a.py", "x = 1\nold = '" + kToken + "'\n");
  repo.Git({"add", "a.py"});
  repo.Commit("old secret, already committed");
  repo.Write("a.py", "x = 1\nnew = 2\nnew = 3\nold = '" + kToken + "'\nk = '" + kKeyId + "'\n");
  repo.Git({"add", "a.py"});
  EXPECT_EQ(Where(Run({"--staged"}, 1)), std::vector<std::string>{"test-key-id a.py:5"});
}

TEST_F(GitModesTest, RenameScansTheContentAtItsNewPath) {
  // No rename detection in --staged: the old path may have been allowlisted
  // or waived (tests/e2e/secrets/holes_git_test.cc), so a moved file is an
  // addition. In history the secret is reported once, at the commit that
  // introduced it first (docs/secrets.md "What introduced means").
  std::string body;
  for (int i = 0; i < 30; ++i) body += "line " + std::to_string(i) + "\n";
  repo.Write("old/name.py", body + "t = '" + kToken + "'\n");
  repo.Git({"add", "."});
  const std::string first = repo.Commit("add");
  repo.Git({"mv", "old/name.py", "renamed.py"});
  repo.Write("renamed.py", body + "t = '" + kToken + "'\nextra = 1\n");
  repo.Git({"add", "."});
  EXPECT_EQ(Where(Run({"--staged"}, 1)), std::vector<std::string>{"test-token renamed.py:31"});
  repo.Commit("rename and edit");
  EXPECT_EQ(Where(Run({"--range", first + "..HEAD"}, 1)),
            std::vector<std::string>{"test-token renamed.py:31"});
  auto history = Run({"--history"}, 1);
  EXPECT_EQ(Where(history), std::vector<std::string>{"test-token old/name.py:31"});
  EXPECT_EQ(history["findings"][0]["location"]["commit"], first);
}

TEST_F(GitModesTest, MergeCommitsDiffAgainstTheirFirstParent) {
  repo.Write("base.txt", "base\n");
  repo.Git({"add", "."});
  repo.Commit("base");
  repo.Git({"checkout", "-q", "-b", "feature"});
  repo.Write("feature.txt", "t = " + kToken + "\n");
  repo.Git({"add", "."});
  const std::string feature = repo.Commit("feature secret");
  repo.Git({"checkout", "-q", "main"});
  repo.Write("main.txt", "main work\n");
  repo.Git({"add", "."});
  const std::string main_tip = repo.Commit("main work");
  repo.Git({"merge", "-q", "--no-ff", "--no-commit", "feature"});
  repo.Write("resolution.txt", "k = " + kKeyId + "\n");  // added in the merge itself
  repo.Git({"add", "."});
  const std::string merge = repo.Commit("merge feature");
  auto v = Run({"--range", main_tip + "..HEAD"}, 1);
  ASSERT_EQ(Where(v), (std::vector<std::string>{"test-key-id resolution.txt:1",
                                                "test-token feature.txt:1"}));
  EXPECT_EQ(v["findings"][0]["location"]["commit"], merge);
  // The merge re-adds the feature's lines against main: reported once, at
  // the commit that introduced them.
  EXPECT_EQ(v["findings"][1]["location"]["commit"], feature);
  EXPECT_EQ(Where(Run({"--history", "--jobs", "1"}, 1)).size(), 2u);
}

TEST_F(GitModesTest, AllRefsIncludesOtherBranches) {
  repo.Write("a.txt", "a\n");
  repo.Git({"add", "."});
  repo.Commit("a");
  repo.Git({"checkout", "-q", "-b", "side"});
  repo.Write("b.txt", kKeyId + "\n");
  repo.Git({"add", "."});
  repo.Commit("side secret");
  repo.Git({"checkout", "-q", "main"});
  EXPECT_EQ(Where(Run({"--history"}, 0)), std::vector<std::string>{});
  EXPECT_EQ(Where(Run({"--history", "--all"}, 1)), std::vector<std::string>{"test-key-id b.txt:1"});
}

TEST_F(GitModesTest, BinaryAndOversizedFilesAreScannedOrSkippedByPolicy) {
  // Binary content is scanned for printable runs and large files in chunks
  // (tests/e2e/secrets/holes_git_test.cc); only skip_large_files skips.
  std::string binary = std::string("\x89PNG\0\0\0", 7) + kToken + "\n";
  repo.Write("img.png", binary);
  repo.Write("big.txt", std::string(3000, 'a') + "\n" + kToken + "\n");
  repo.Write("ok.txt", "fine\n");
  repo.Git({"add", "."});
  std::string small_policy = PolicyFile(cfg, "  max_file_size: 2000\n  skip_large_files: true\n");
  auto v = GateJson({"--policy", small_policy, "--staged"}, repo.path(), 1);
  EXPECT_EQ(Where(v), std::vector<std::string>{"test-token img.png:1"});
  ASSERT_EQ(v["inputs"].size(), 1u);
  EXPECT_EQ(v["inputs"][0]["skipped"]["files over size limit"], 1);
  auto text = Gate({"--policy", small_policy, "--staged", "--today", "2024-02-01"}, repo.path());
  EXPECT_NE(text.out.find("skipped: 1 files over size limit"), std::string::npos) << text.out;
  repo.Commit("assets");
  auto h = GateJson({"--policy", small_policy, "--history"}, repo.path(), 1);
  EXPECT_EQ(h["inputs"][0]["skipped"]["files over size limit"], 1);
}

TEST_F(GitModesTest, InlineAllowMarkerSuppressesTheLine) {
  repo.Write("a.py", "t = '" + kToken + "'  # secgate:allow (test fixture)\n");
  repo.Git({"add", "."});
  EXPECT_EQ(Where(Run({"--staged"}, 0)), std::vector<std::string>{});
  repo.Write("a.py", "t = '" + kToken + "'\n");
  repo.Git({"add", "."});
  EXPECT_EQ(Where(Run({"--staged"}, 1)), std::vector<std::string>{"test-token a.py:1"});
}

TEST_F(GitModesTest, WaivedFingerprintPassesWithinItsPath) {
  repo.Write("svc/a.py", "t = '" + kToken + "'\n");
  repo.Git({"add", "."});
  const std::string fp = core::SecretFingerprint("test-token", kToken);
  auto waivers = [&](const std::string& path) {
    return cfg.Write("w-" + std::to_string(path.size()) + ".yaml",
                     "version: 1\nwaivers:\n  - id: '" + fp + "'\n    gate: secrets\n    path: '" +
                         path + "'\n    reason: test fixture\n    owner: sec@example.org\n"
                         "    created: 2024-01-15\n    expires: 2024-03-01\n");
  };
  auto v = Run({"--staged", "--waivers", waivers("svc/**")}, 0);
  ASSERT_EQ(v["findings"].size(), 1u);
  EXPECT_EQ(v["findings"][0]["disposition"], "waived");
  EXPECT_EQ(v["summary"]["waived"], 1);
  auto other = Run({"--staged", "--waivers", waivers("other/**")}, 1);
  EXPECT_EQ(other["findings"][0]["disposition"], "violation");
}

TEST_F(GitModesTest, BaselineOutWaivesEverythingOnTheNextRun) {
  repo.Write("a.py", "t = '" + kToken + "'\nk = '" + kKeyId + "'\n");
  repo.Git({"add", "."});
  repo.Commit("legacy secrets");
  const std::string baseline = cfg.path() + "/baseline.yaml";
  Run({"--history", "--baseline-out", baseline}, 1);
  auto v = Run({"--history", "--waivers", baseline}, 0);
  EXPECT_EQ(v["summary"]["waived"], 2);
  EXPECT_EQ(testing::ReadFile(baseline).find(kToken), std::string::npos);
}

TEST_F(GitModesTest, ShardsSplitHistoryAndTogetherAreTheWholeRun) {
  for (int i = 0; i < 12; ++i) {
    const std::string n = std::to_string(i);
    repo.Write("d" + n + "/f.txt", "t = tstk_Q7mZ2xR9pL4vK8nB3cW6yT1dF5gH" + std::string(1, 'a' + i) +
                                       "jSa\n");
    repo.Git({"add", "."});
    repo.Commit("c" + n);
  }
  std::multiset<std::string> whole, united;
  const auto all = Run({"--history"}, 1);
  for (const auto& f : all["findings"])
    whole.insert(f["fingerprint"].get<std::string>() + " " + f["location"]["commit"].get<std::string>());
  ASSERT_EQ(whole.size(), 12u);
  for (const char* shard : {"1/3", "2/3", "3/3"}) {
    auto part = Run({"--history", "--shard", shard}, -1);
    EXPECT_LT(part["findings"].size(), 12u) << shard;
    for (const auto& f : part["findings"])
      united.insert(f["fingerprint"].get<std::string>() + " " +
                    f["location"]["commit"].get<std::string>());
  }
  EXPECT_EQ(united, whole);
}

TEST_F(GitModesTest, BadShardSpecsAreExit2WithOneLine) {
  repo.Write("a.txt", "a\n");
  repo.Git({"add", "."});
  repo.Commit("a");
  for (const std::string bad : {"0/2", "3/2", "1/0", "x", "", "1/2/3"}) {
    auto r = Gate({"--policy", policy, "--history", "--shard", bad}, repo.path());
    EXPECT_EQ(r.exit_code, 2) << bad << ": " << r.out << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  }
  auto r = Gate({"--policy", policy, "--history", "--shard", "3/2"}, repo.path());
  EXPECT_NE(r.err.find("--shard: expected K/N with 1 <= K <= N <= 4096, got '3/2'"), std::string::npos)
      << r.err;
  auto staged = Gate({"--policy", policy, "--staged", "--shard", "1/2"}, repo.path());
  EXPECT_EQ(staged.exit_code, 2);
  EXPECT_NE(staged.err.find("--shard: only valid with --history, --range or --since"),
            std::string::npos) << staged.err;
}

TEST_F(GitModesTest, EmptyRepositoryHistoryPasses) {
  auto v = Run({"--history"}, 0);
  EXPECT_EQ(Where(v), std::vector<std::string>{});
}

}  // namespace
}  // namespace secgate::secrets::e2e
