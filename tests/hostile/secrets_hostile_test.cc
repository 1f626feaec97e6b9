// Hostile inputs to secgate-secrets: a 100,000-file commit (pre-commit and
// pull-request modes), symlink loops in a scanned folder, and a gigabyte
// streamed through `mask` and `--stdin`. Each asserts the exit code and
// bounded time (the timeout) and memory.
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/hostile/hostile_util.h"

namespace secgate::hostile {
namespace {

using testing::ProcessOptions;
using testing::ProcessResult;
using testing::RunProcess;
using testing::TempDir;

// A token of the github-pat-classic shape (synthetic, random-looking).
const std::string kToken = "ghp_" "Q7rTx2LmN9vB4kZp8WcY1sHd6FjG3aE5uR0o";

ProcessResult Git(const std::string& dir, std::vector<std::string> args,
                  const std::string& stdin_data = "") {
  std::vector<std::string> argv = {FindProgram("git"), "-C", dir};
  argv.insert(argv.end(), args.begin(), args.end());
  ProcessOptions o;
  o.stdin_data = stdin_data;
  o.timeout_seconds = 300;
  o.env = {{"GIT_AUTHOR_NAME", "t"}, {"GIT_AUTHOR_EMAIL", "t@example.com"},
           {"GIT_COMMITTER_NAME", "t"}, {"GIT_COMMITTER_EMAIL", "t@example.com"},
           {"GIT_CONFIG_NOSYSTEM", "1"}, {"HOME", dir}};
  return RunProcess(argv, o);
}

// Builds, with git fast-import (no working tree files), a repository whose
// second commit adds `files` files; file 77,777 (or the last) holds kToken.
// Returns the repository path.
std::string RepoWithHugeCommit(const TempDir& dir, int files) {
  std::string repo = dir.path() + "/repo";
  EXPECT_EQ(Git(dir.path(), {"init", "-q", "-b", "main", repo}).exit_code, 0);
  std::string clean = "just some text\nnothing to see here\n";
  std::string dirty = "config:\n  token: " + kToken + "\n";
  std::string s;
  s += "blob\nmark :1\ndata " + std::to_string(clean.size()) + "\n" + clean + "\n";
  s += "blob\nmark :2\ndata " + std::to_string(dirty.size()) + "\n" + dirty + "\n";
  s += "commit refs/heads/main\nmark :3\ncommitter t <t@example.com> 1700000000 +0000\n"
       "data 5\nbase\nM 100644 :1 README\n\n";
  s += "commit refs/heads/main\nmark :4\ncommitter t <t@example.com> 1700000100 +0000\n"
       "data 5\nhuge\nfrom :3\n";
  int secret_at = std::min(77777, files - 1);
  for (int i = 0; i < files; ++i) {
    s += "M 100644 :" + std::string(i == secret_at ? "2" : "1") + " d" + std::to_string(i / 1000) +
         "/f" + std::to_string(i) + ".txt\n";
  }
  s += "\n";
  ProcessResult r = Git(repo, {"fast-import", "--quiet"}, s);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return repo;
}

TEST(SecretsHostileTest, HundredThousandFileCommitInARange_NoAsan) {
  TempDir dir;
  std::string repo = RepoWithHugeCommit(dir, 100000);
  ProcessResult r = RunGate("secgate-secrets", dir, {"--range", "main~1..main"},
                            {.cwd = repo, .timeout_seconds = 300});
  ASSERT_FALSE(r.timed_out) << "took " << r.seconds << " s";
  EXPECT_EQ(r.exit_code, 1) << r.err;  // the one token among 100,000 files
  EXPECT_NE(r.out.find("github-pat-classic"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find(kToken), std::string::npos);
  EXPECT_LT(r.peak_rss_kb, 4 * kBoundedRssKb) << "peak RSS " << r.peak_rss_kb << " kB";
}

TEST(SecretsHostileTest, HundredThousandFileStagedChange_NoAsan) {
  TempDir dir;
  std::string repo = RepoWithHugeCommit(dir, 100000);
  // Stage the huge tree on top of the base commit: the index holds 100,000
  // new files, HEAD does not (no working tree files are needed).
  // fast-import writes commits but never the index: load the huge tree into
  // it first, then point HEAD back at the base commit.
  ASSERT_EQ(Git(repo, {"read-tree", "main"}).exit_code, 0);
  ASSERT_EQ(Git(repo, {"reset", "-q", "--soft", "main~1"}).exit_code, 0);
  ProcessResult r = RunGate("secgate-secrets", dir, {"--staged"}, {.cwd = repo, .timeout_seconds = 300});
  ASSERT_FALSE(r.timed_out) << "took " << r.seconds << " s";
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("github-pat-classic"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find(kToken), std::string::npos);
  EXPECT_LT(r.peak_rss_kb, 4 * kBoundedRssKb) << "peak RSS " << r.peak_rss_kb << " kB";
}

TEST(SecretsHostileTest, SymlinkLoopsAreNotFollowed) {
  TempDir dir;
  namespace fs = std::filesystem;
  std::string root = dir.path() + "/scan";
  dir.Write("scan/real.txt", "token = " + kToken + "\n");
  dir.Write("outside/secret.txt", "token = ghp_" "Zk3Lp9Qw2Xv7Nb5Mc1Hd8Fg4Js6Rt0Ya2Ue\n");
  fs::create_directory_symlink(".", root + "/self");
  fs::create_directory_symlink("..", root + "/parent");
  fs::create_directories(root + "/a/b");
  fs::create_directory_symlink("../../a", root + "/a/b/loop");
  fs::create_symlink("../outside/secret.txt", root + "/link.txt");
  fs::create_symlink("dangling-target", root + "/dangling");
  ProcessResult r = RunGate("secgate-secrets", dir, {"--report", "json=out.json", root},
                            {.timeout_seconds = 60});
  ASSERT_FALSE(r.timed_out) << "took " << r.seconds << " s";
  EXPECT_EQ(r.exit_code, 1) << r.err;  // real.txt
  EXPECT_LT(r.seconds, 20);
  std::string report = testing::ReadFile(dir.path() + "/out.json");
  EXPECT_NE(report.find("real.txt"), std::string::npos) << report;
  // Neither the file behind link.txt nor anything through a loop was read.
  EXPECT_EQ(report.find("link.txt"), std::string::npos) << report;
  EXPECT_EQ(report.find("outside"), std::string::npos) << report;
  EXPECT_EQ(report.find("self/"), std::string::npos) << report;
  EXPECT_EQ(report.find("loop/"), std::string::npos) << report;
  EXPECT_LT(r.peak_rss_kb, kBoundedRssKb);
}

// A gigabyte of log lines; one line in the middle holds the token.
std::function<std::string()> HugeLog(size_t bytes) {
  std::string line = "2026-11-21T10:00:00Z [build] compiling module 0123456789 ok\n";
  std::string middle = "export GITHUB_TOKEN=" + kToken + "\n";
  auto first = Streamed("", line, bytes / 2, middle);
  auto second = Streamed("", line, bytes / 2, "done\n");
  auto in_second = std::make_shared<bool>(false);
  return [first, second, in_second]() -> std::string {
    if (!*in_second) {
      std::string c = first();
      if (!c.empty()) return c;
      *in_second = true;
    }
    return second();
  };
}

TEST(SecretsHostileTest, GigabyteLogThroughMaskInBoundedMemory_NoAsan) {
  TempDir dir;
  const size_t kGiB = size_t{1} << 30;
  ProcessResult r = RunGate("secgate-secrets", dir, {"mask"},
                            {.timeout_seconds = 500, .stdin_generator = HugeLog(kGiB),
                             .stdout_limit = 4096});
  ASSERT_FALSE(r.timed_out) << "took " << r.seconds << " s";
  EXPECT_EQ(r.exit_code, 1) << r.err;  // one secret masked
  EXPECT_GT(r.out_bytes, kGiB - (1 << 20));  // the whole log came through
  EXPECT_LT(r.peak_rss_kb, kBoundedRssKb) << "peak RSS " << r.peak_rss_kb << " kB";
}

TEST(SecretsHostileTest, GigabyteStdinScanInBoundedMemory_NoAsan) {
  TempDir dir;
  const size_t kGiB = size_t{1} << 30;
  ProcessResult r = RunGate("secgate-secrets", dir, {"--stdin"},
                            {.timeout_seconds = 500, .stdin_generator = HugeLog(kGiB)});
  ASSERT_FALSE(r.timed_out) << "took " << r.seconds << " s";
  // Either scanned to the end (exit 1, the token found) or refused as over a
  // size limit (exit 2): never a pass, never an out-of-memory kill.
  EXPECT_TRUE(r.exit_code == 1 || r.exit_code == 2) << r.exit_code << " " << r.err;
  EXPECT_EQ(r.out.find(kToken), std::string::npos);
  EXPECT_LT(r.peak_rss_kb, kBoundedRssKb) << "peak RSS " << r.peak_rss_kb << " kB";
}

TEST(SecretsHostileTest, TenMegabyteSingleLineOnStdin) {
  TempDir dir;
  std::string line(10 << 20, 'x');
  line.replace(5 << 20, kToken.size() + 2, " " + kToken + " ");
  ProcessResult r = RunGate("secgate-secrets", dir, {"--stdin"},
                            {.stdin_data = line + "\n", .timeout_seconds = 120});
  ASSERT_FALSE(r.timed_out);
  EXPECT_TRUE(r.exit_code == 1 || r.exit_code == 2) << r.exit_code << " " << r.err;
  EXPECT_EQ(r.out.find(kToken), std::string::npos);
  EXPECT_EQ(r.err.find(kToken), std::string::npos);
  EXPECT_LT(r.peak_rss_kb, 2 * kBoundedRssKb);
}

// One line packed with 20,000 distinct tokens (820 KB). Deciding allow
// markers and overlaps per match used to cost O(line x matches) and
// O(matches^2): such a line ran past two minutes. Each is O(n log n) now.
TEST(SecretsHostileTest, LineDenseWithTokensIsMaskedInLinearTime) {
  TempDir dir;
  const char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  uint64_t state = 0x9e3779b97f4a7c15ull;
  std::string line;
  std::vector<std::string> tokens;
  for (int i = 0; i < 20000; ++i) {
    std::string t = "ghp_";
    for (int k = 0; k < 36; ++k) {
      state = state * 6364136223846793005ull + 1442695040888963407ull;
      t += kAlphabet[(state >> 33) % 62];
    }
    line += t + " ";
    if (i % 1000 == 0) tokens.push_back(t);
  }
  ProcessResult r = RunGate("secgate-secrets", dir, {"mask"},
                            {.stdin_data = line + "\n", .timeout_seconds = 120});
  ASSERT_FALSE(r.timed_out) << "took " << r.seconds << " s";
  EXPECT_EQ(r.exit_code, 1) << r.err;
  for (const std::string& t : tokens) EXPECT_EQ(r.out.find(t), std::string::npos) << t.substr(0, 8);
  EXPECT_EQ(r.out.find("ghp_"), std::string::npos);
  EXPECT_LT(r.peak_rss_kb, 2 * kBoundedRssKb);
}

}  // namespace
}  // namespace secgate::hostile
