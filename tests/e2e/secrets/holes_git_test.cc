// secgate-secrets: content a pull request could hide from the git and file
// sources (security review items): .gitattributes deciding what is binary,
// renames out of allowlisted or waived paths, tracked files matching
// .gitignore, binary, oversized and UTF-16 files, commit messages, and a
// conflicted index.
#include "tests/e2e/secrets/secrets_e2e.h"

namespace secgate::secrets::e2e {
namespace {

std::string Utf16Le(const std::string& ascii) {
  std::string out("\xFF\xFE");
  for (char c : ascii) {
    out.push_back(c);
    out.push_back('\0');
  }
  return out;
}

class HolesGitTest : public ::testing::Test {
 protected:
  Repo repo;
  testing::TempDir cfg;
  std::string policy = PolicyFile(cfg);
  nlohmann::json Run(std::vector<std::string> args, int want_exit, const std::string& pol = "") {
    args.insert(args.begin(), {"--policy", pol.empty() ? policy : pol});
    return GateJson(args, repo.path(), want_exit);
  }
  std::string Base() {
    repo.Write("README", "base\n");
    repo.Git({"add", "."});
    return repo.Commit("base");
  }
};

TEST_F(HolesGitTest, GitattributesDoNotMakeTextBinary) {
  const std::string base = Base();
  repo.Write(".gitattributes", "*.py binary\n*.txt -diff\n");
  repo.Write("app.py", "t = '" + kToken + "'\n");
  repo.Write("notes.txt", "k = " + kKeyId + "\n");
  repo.Git({"add", "."});
  const std::vector<std::string> both = {"test-key-id notes.txt:1", "test-token app.py:1"};
  EXPECT_EQ(Where(Run({"--staged"}, 1)), both);
  repo.Commit("attributes and secrets");
  EXPECT_EQ(Where(Run({"--range", base + "..HEAD"}, 1)), both);
  EXPECT_EQ(Where(Run({"--history"}, 1)), both);
}

TEST_F(HolesGitTest, UntrackedGitattributesDoNotHideStagedFiles) {
  Base();
  repo.Write(".gitattributes", "* binary\n");  // never added
  repo.Write("app.py", "t = '" + kToken + "'\n");
  repo.Git({"add", "app.py"});
  EXPECT_EQ(Where(Run({"--staged"}, 1)), std::vector<std::string>{"test-token app.py:1"});
}

TEST_F(HolesGitTest, RenameOutOfAnAllowlistedFolderIsScannedAtTheNewPath) {
  const std::string allow = PolicyFile(cfg, "  allow_paths: ['fixtures/**']\n");
  repo.Write("fixtures/t.py", "x = 1\nt = '" + kToken + "'\n");
  repo.Write("src/main.py", "pass\n");
  repo.Git({"add", "."});
  const std::string added = repo.Commit("fixture");
  repo.Git({"mv", "fixtures/t.py", "src/t.py"});
  repo.Git({"add", "."});
  EXPECT_EQ(Where(Run({"--staged"}, 1, allow)), std::vector<std::string>{"test-token src/t.py:2"});
  repo.Commit("move into the product");
  EXPECT_EQ(Where(Run({"--range", added + "..HEAD"}, 1, allow)),
            std::vector<std::string>{"test-token src/t.py:2"});
  EXPECT_EQ(Where(Run({"--history"}, 1, allow)), std::vector<std::string>{"test-token src/t.py:2"});
}

TEST_F(HolesGitTest, RenameOutOfAWaivedPathIsReportedAtTheNewPath) {
  repo.Write("test/fx.py", "t = '" + kToken + "'\n");
  repo.Write("app/main.py", "pass\n");
  repo.Git({"add", "."});
  repo.Commit("waived fixture");
  repo.Git({"mv", "test/fx.py", "app/fx.py"});
  repo.Commit("move");
  const std::string waivers = cfg.Write(
      "waivers.yaml", "version: 1\nwaivers:\n  - id: '" +
                          core::SecretFingerprint("test-token", kToken) +
                          "'\n    gate: secrets\n    path: 'test/**'\n    reason: fixture\n"
                          "    owner: sec@example.org\n    created: 2024-01-15\n"
                          "    expires: 2024-03-01\n");
  auto v = Run({"--history", "--waivers", waivers}, 1);
  ASSERT_EQ(Where(v), (std::vector<std::string>{"test-token app/fx.py:1", "test-token test/fx.py:1"}));
  EXPECT_EQ(v["findings"][0]["disposition"], "violation");
  EXPECT_EQ(v["findings"][1]["disposition"], "waived");
}

TEST_F(HolesGitTest, PathModeScansTrackedFilesThatGitignoreMatches) {
  repo.Write(".gitignore", "*.env\nbuild/\n");
  repo.Write("prod.env", "k = " + kKeyId + "\n");
  repo.Write("build/keep.txt", "t = " + kToken + "\n");
  repo.Git({"add", "-f", ".gitignore", "prod.env", "build/keep.txt"});
  repo.Commit("tracked despite .gitignore");
  repo.Write("local.env", "t = " + kToken2 + "\n");  // untracked and ignored
  repo.Write("build/out.txt", "t = " + kToken2 + "\n");
  auto v = GateJson({"--policy", policy, "."}, repo.path(), 1);
  EXPECT_EQ(Where(v), (std::vector<std::string>{"test-key-id prod.env:1",
                                                "test-token build/keep.txt:1"}));
  EXPECT_EQ(v["inputs"][0]["skipped"]["ignored by .gitignore"], 2);
}

TEST_F(HolesGitTest, BinaryFilesAreScannedForPrintableRuns) {
  const std::string bin = std::string("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16) + "\x01" + "key=" +
                          kToken + std::string("\0\x02", 2) + "k " + kKeyId + "\n";
  repo.Write("img.png", bin);
  repo.Git({"add", "."});
  // Runs: "key=<token>" is the first run of 8+ printable bytes, "k <key id>" the second.
  const std::vector<std::string> want = {"test-key-id img.png:2", "test-token img.png:1"};
  EXPECT_EQ(Where(Run({"--staged"}, 1)), want);
  repo.Commit("image");
  EXPECT_EQ(Where(Run({"--history"}, 1)), want);
  EXPECT_EQ(Where(GateJson({"--policy", policy, "img.png"}, repo.path(), 1)), want);
}

TEST_F(HolesGitTest, LargeFilesAreScannedUnlessThePolicySkipsThem) {
  const std::string small = PolicyFile(cfg, "  max_file_size: 2000\n");
  repo.Write("big.txt", std::string(3000, 'a') + "\nt = " + kToken + "\n");
  repo.Git({"add", "."});
  const std::vector<std::string> want = {"test-token big.txt:2"};
  EXPECT_EQ(Where(Run({"--staged"}, 1, small)), want);
  EXPECT_EQ(Where(GateJson({"--policy", small, "big.txt"}, repo.path(), 1)), want);
  repo.Commit("big");
  EXPECT_EQ(Where(Run({"--history"}, 1, small)), want);
  const std::string skip = PolicyFile(cfg, "  max_file_size: 2000\n  skip_large_files: true\n");
  auto v = Run({"--history"}, 0, skip);
  EXPECT_EQ(v["inputs"][0]["skipped"]["files over size limit"], 1);
  auto named = GateJson({"--policy", skip, "big.txt"}, repo.path(), 0);
  EXPECT_EQ(named["inputs"][0]["skipped"]["files over size limit"], 1);
  auto text = Gate({"--policy", skip, "--history", "--today", "2024-02-01"}, repo.path());
  EXPECT_NE(text.out.find("skipped: 1 files over size limit"), std::string::npos) << text.out;
}

TEST_F(HolesGitTest, ATokenAcrossTheFirstMegabyteIsFoundInAFileOfSeveral) {
  // Lines of 100 bytes; the token's line straddles byte 1 MiB.
  std::string body;
  while (body.size() < (1u << 20) - 20) body += std::string(99, 'a') + "\n";
  const int line = static_cast<int>(body.size() / 100) + 1;
  body += "t = " + kToken + "\n";
  while (body.size() < (3u << 20)) body += std::string(99, 'b') + "\n";
  testing::TempDir d;
  d.Write("log.txt", body);
  EXPECT_EQ(Where(GateJson({"--policy", policy, "log.txt"}, d.path(), 1)),
            std::vector<std::string>{"test-token log.txt:" + std::to_string(line)});
}

TEST_F(HolesGitTest, CommitMessagesAreScanned) {
  const std::string base = Base();
  repo.Write("a.txt", "harmless\n");
  repo.Git({"add", "."});
  const std::string c = repo.Commit("fix login\n\ntested with " + kToken + "\n");
  for (const auto& args : {std::vector<std::string>{"--range", base + "..HEAD"},
                           std::vector<std::string>{"--history"}}) {
    auto v = Run(args, 1);
    ASSERT_EQ(Where(v), std::vector<std::string>{"test-token commit message:3"});
    EXPECT_EQ(v["findings"][0]["location"]["commit"], c);
  }
}

TEST_F(HolesGitTest, StagedWithUnmergedEntriesIsAnError) {
  repo.Write("a.txt", "base\n");
  repo.Git({"add", "."});
  repo.Commit("base");
  repo.Git({"checkout", "-q", "-b", "side"});
  repo.Write("a.txt", "side\n");
  repo.Git({"commit", "-q", "-am", "side"});
  repo.Git({"checkout", "-q", "main"});
  repo.Write("a.txt", "main\n");
  repo.Git({"commit", "-q", "-am", "main"});
  std::vector<std::string> argv = {FindGit(), "merge", "-q", "side"};
  testing::ProcessOptions o;
  o.cwd = repo.path();
  o.env = Repo::Env();
  ASSERT_NE(testing::RunProcess(argv, o).exit_code, 0);  // the conflict
  auto r = Gate({"--policy", policy, "--staged"}, repo.path());
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_NE(r.err.find("secgate-secrets: error: --staged: the index has unmerged entries"),
            std::string::npos)
      << r.err;
}

TEST_F(HolesGitTest, Utf16FilesAreDecodedAndScanned) {
  repo.Write("setup.ps1", Utf16Le("# setup\r\n\r\n$t = '" + kToken + "'\r\n"));
  repo.Git({"add", "."});
  const std::vector<std::string> want = {"test-token setup.ps1:3"};
  EXPECT_EQ(Where(Run({"--staged"}, 1)), want);
  const std::string first = repo.Commit("script");
  EXPECT_EQ(Where(Run({"--history"}, 1)), want);
  EXPECT_EQ(Where(GateJson({"--policy", policy, "setup.ps1"}, repo.path(), 1)), want);
  // A later change reports only its own decoded lines.
  repo.Write("setup.ps1", Utf16Le("# setup\r\n$k = '" + kKeyId + "'\r\n\r\n$t = '" + kToken + "'\r\n"));
  repo.Git({"add", "."});
  repo.Commit("key");
  EXPECT_EQ(Where(Run({"--range", first + "..HEAD"}, 1)),
            std::vector<std::string>{"test-key-id setup.ps1:2"});
}

}  // namespace
}  // namespace secgate::secrets::e2e
