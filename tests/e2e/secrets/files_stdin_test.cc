// secgate-secrets PATH... and --stdin: .gitignore, symlinks, named files,
// allowlisted paths, unified diffs and plain text on stdin.
#include <unistd.h>

#include "tests/e2e/secrets/secrets_e2e.h"

namespace secgate::secrets::e2e {
namespace {

class FilesTest : public ::testing::Test {
 protected:
  testing::TempDir cfg;
  std::string policy = PolicyFile(cfg);
};

TEST_F(FilesTest, FoldersHonourGitignoreAndSkipSymlinks) {
  Repo repo;
  repo.Write(".gitignore", "build/\n*.log\n");
  repo.Write("src/a.py", "x\nt = '" + kToken + "'\n");
  repo.Write("build/out.txt", kKeyId + "\n");
  repo.Write("ci.log", "k=" + kKeyId + "\n");
  repo.Write("package-lock.json", "{\"t\": \"" + kToken2 + "\"}\n");  // allowlisted path
  repo.Write("outside/secret.txt", kToken2 + "\n");
  ASSERT_EQ(::symlink((repo.path() + "/outside/secret.txt").c_str(),
                      (repo.path() + "/src/link.txt").c_str()), 0);
  auto v = GateJson({"--policy", policy, "src", "build", "ci.log"}, repo.path(), 1);
  // A named file is scanned even when ignored (never silently skipped);
  // folders are walked with .gitignore applied, and what it hides is counted.
  EXPECT_EQ(Where(v), (std::vector<std::string>{"test-key-id ci.log:1", "test-token src/a.py:2"}));
  EXPECT_EQ(v["inputs"][0]["skipped"]["symlinks (not followed)"], 1);
  EXPECT_EQ(v["inputs"][0]["skipped"]["ignored by .gitignore"], 1);
  auto all = GateJson({"--policy", policy, "."}, repo.path(), 1);
  EXPECT_EQ(Where(all), (std::vector<std::string>{"test-token outside/secret.txt:1",
                                                  "test-token src/a.py:2"}));
  EXPECT_EQ(all["inputs"][0]["skipped"]["ignored by .gitignore"], 2);
  EXPECT_EQ(all["inputs"][0]["skipped"]["allowlisted paths"], 1);
  auto no_ignore = GateJson({"--policy", policy, "--no-ignore", "."}, repo.path(), 1);
  EXPECT_EQ(Where(no_ignore).size(), 4u);
}

TEST_F(FilesTest, NamedBinaryFileIsScannedForPrintableRuns) {
  testing::TempDir d;
  d.Write("blob.bin", std::string("\0\0", 2) + kToken);
  auto v = GateJson({"--policy", policy, "blob.bin"}, d.path(), 1);
  EXPECT_EQ(Where(v), std::vector<std::string>{"test-token blob.bin:1"});
}

TEST_F(FilesTest, RulePathFiltersUseTheFilePath) {
  testing::TempDir d;
  d.Write("conf/app.cfg", "cfgsecret=Zx81Kq03Lm72Pw\n");
  d.Write("conf/app.txt", "cfgsecret=Zx81Kq03Lm72Pw\n");
  EXPECT_EQ(Where(GateJson({"--policy", policy, "conf"}, d.path(), 1)),
            std::vector<std::string>{"test-config-only conf/app.cfg:1"});
}

TEST_F(FilesTest, StdinUnifiedDiffScansOnlyAddedLines) {
  Repo repo;
  repo.Write("a.py", "x = 1\nold = '" + kToken + "'\n");
  repo.Git({"add", "."});
  repo.Commit("base");
  repo.Write("a.py", "x = 1\ny = 2\nold = '" + kToken + "'\nk = '" + kKeyId + "'\n");
  std::string diff = repo.Git({"diff"}).out;
  auto v = GateJson({"--policy", policy, "--stdin"}, repo.path(), 1, diff);
  EXPECT_EQ(Where(v), std::vector<std::string>{"test-key-id a.py:4"});
  EXPECT_EQ(v["inputs"][0]["format"], "diff");
  std::string log = repo.Git({"log", "-p"}).out;
  auto lv = GateJson({"--policy", policy, "--stdin"}, repo.path(), 1, log);
  ASSERT_EQ(Where(lv), std::vector<std::string>{"test-token a.py:2"});
  EXPECT_EQ(lv["findings"][0]["location"]["commit"], repo.Head());
}

TEST_F(FilesTest, StdinPlainTextScansEveryLine) {
  testing::TempDir d;
  std::string log = "step 1\n--- not a diff\nstep 2 " + kKeyId + "\r\nend\n";
  auto v = GateJson({"--policy", policy, "--stdin"}, d.path(), 1, log);
  EXPECT_EQ(Where(v), std::vector<std::string>{"test-key-id :3"});
  EXPECT_EQ(v["inputs"][0]["format"], "text");
  EXPECT_EQ(v["findings"][0]["location"]["target"], "stdin");
}

}  // namespace
}  // namespace secgate::secrets::e2e
