// `secgate-secrets mask` as a process on a pipe (each line comes out before
// the next goes in) and `install-hook` (writes, recognises, blocks a commit).
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/e2e/secrets/secrets_e2e.h"

namespace secgate::secrets::e2e {
namespace {

std::string ReadLine(int fd, int ms) {
  std::string out;
  char c;
  while (out.empty() || out.back() != '\n') {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, ms) <= 0) break;
    if (read(fd, &c, 1) != 1) break;
    out.push_back(c);
  }
  return out;
}

TEST(MaskProcessTest, LinesComeOutAsTheyGoIn) {
  testing::TempDir cfg;
  std::string policy = PolicyFile(cfg);
  int in[2], out[2];
  ASSERT_EQ(pipe(in), 0);
  ASSERT_EQ(pipe(out), 0);
  std::string bin = testing::GateBinary("secgate-secrets");
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    dup2(in[0], 0);
    dup2(out[1], 1);
    close(in[1]);
    close(out[0]);
    execl(bin.c_str(), bin.c_str(), "mask", "--quiet", "--policy", policy.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  close(in[0]);
  close(out[1]);
  signal(SIGPIPE, SIG_IGN);
  std::string l1 = "deploying with " + kToken + "\n";
  ASSERT_EQ(write(in[1], l1.data(), l1.size()), static_cast<ssize_t>(l1.size()));
  std::string fp = core::SecretFingerprint("test-token", kToken);
  EXPECT_EQ(ReadLine(out[0], 10000),
            "deploying with [secgate:test-token:" + fp.substr(fp.rfind(':') + 1) + "]\n");
  std::string l2 = "done\n";
  ASSERT_EQ(write(in[1], l2.data(), l2.size()), static_cast<ssize_t>(l2.size()));
  EXPECT_EQ(ReadLine(out[0], 10000), "done\n");
  close(in[1]);
  int status = 0;
  waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 1);
  close(out[0]);
}

TEST(MaskProcessTest, NothingMaskedExitsZero) {
  testing::TempDir cfg;
  auto r = Gate({"mask", "--policy", PolicyFile(cfg)}, cfg.path(), "all clean\nno secrets\n");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "all clean\nno secrets\n");
}

TEST(InstallHookTest, InstallsRecognisesAndBlocksACommit) {
  Repo repo;
  testing::TempDir cfg;
  auto r = Gate({"install-hook"}, repo.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string hook = repo.path() + "/.git/hooks/pre-commit";
  EXPECT_EQ(r.out, "secgate-secrets: installed " + hook + "\n");
  EXPECT_NE(testing::ReadFile(hook).find("--staged"), std::string::npos);
  EXPECT_EQ(::access(hook.c_str(), X_OK), 0);
  EXPECT_EQ(Gate({"install-hook"}, repo.path()).exit_code, 0);  // its own hook: updated
  // The hook runs the gate: a staged secret blocks the commit. The policy
  // is the repository's secgate.yaml (the fixture pack).
  repo.Write("secgate.yaml", testing::ReadFile(PolicyFile(cfg)));
  repo.Write("a.py", "t = '" + kToken + "'\n");
  repo.Git({"add", "a.py"});
  std::vector<std::string> argv = {FindGit(), "commit", "-q", "-m", "leak"};
  testing::ProcessOptions o;
  o.cwd = repo.path();
  o.env = Repo::Env();
  auto commit = testing::RunProcess(argv, o);
  EXPECT_EQ(commit.exit_code, 1) << commit.out << commit.err;
  // git sends a hook's stdout to its stderr.
  EXPECT_NE((commit.out + commit.err).find("test-token"), std::string::npos) << commit.err;
  EXPECT_EQ(repo.Git({"rev-list", "--all"}).out, "");  // nothing was committed
  // --force replaces a foreign hook.
  repo.Write(".git/hooks/pre-commit", "#!/bin/sh\nexit 0\n");
  EXPECT_EQ(Gate({"install-hook"}, repo.path()).exit_code, 2);
  EXPECT_EQ(Gate({"install-hook", "--force"}, repo.path()).exit_code, 0);
  EXPECT_NE(testing::ReadFile(hook).find("secgate-secrets"), std::string::npos);
}

}  // namespace
}  // namespace secgate::secrets::e2e
