// Colour in the human text: only when stdout is a terminal, never with
// NO_COLOR set (https://no-color.org) or TERM=dumb, and --color
// always/never override the detection. Runs secgate-vuln on a real
// pseudo-terminal to test the detection itself.
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cerrno>
#include <cstdlib>
#include <map>

#include "tests/e2e/reports/reports_e2e.h"

extern char** environ;

namespace secgate::reports_e2e {
namespace {

using secgate::testing::GateBinary;

constexpr char kEsc[] = "\033[";

// Runs argv in `cwd` with stdout and stderr on a new pseudo-terminal and
// returns what it printed. `env` entries are set; an empty value unsets.
std::string RunOnPty(const std::vector<std::string>& argv, const std::string& cwd,
                     const std::map<std::string, std::string>& env) {
  int master = posix_openpt(O_RDWR | O_NOCTTY);
  if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0) return "<no pty>";
  std::string slave_name = ptsname(master);
  pid_t pid = fork();
  if (pid == 0) {
    setsid();
    int slave = open(slave_name.c_str(), O_RDWR);
    if (slave < 0) _exit(126);
    dup2(slave, STDOUT_FILENO);
    dup2(slave, STDERR_FILENO);
    int devnull = open("/dev/null", O_RDONLY);
    dup2(devnull, STDIN_FILENO);
    close(master);
    if (chdir(cwd.c_str()) != 0) _exit(126);
    for (const auto& [k, v] : env) {
      if (v.empty()) unsetenv(k.c_str());
      else setenv(k.c_str(), v.c_str(), 1);
    }
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execve(args[0], args.data(), environ);
    _exit(127);
  }
  std::string out;
  char buf[4096];
  for (;;) {
    ssize_t n = read(master, buf, sizeof buf);
    if (n > 0) {
      out.append(buf, n);
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      break;  // EIO once the child has exited and closed the terminal.
    }
  }
  close(master);
  int status = 0;
  waitpid(pid, &status, 0);
  return out;
}

class TerminalTest : public ::testing::Test {
 protected:
  std::string Run(std::vector<std::string> extra, std::map<std::string, std::string> env) {
    std::vector<std::string> argv = {GateBinary("secgate-vuln"), "--today", kToday, "--waivers",
                                     "secgate-waivers.yaml"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    argv.push_back("alpine-39.json");
    for (const char* k : {"NO_COLOR", "GITHUB_ACTIONS"})
      if (!env.count(k)) env[k] = "";
    if (!env.count("TERM")) env["TERM"] = "xterm";
    return RunOnPty(argv, ws_.Path(""), env);
  }
  Workspace ws_;
};

TEST_F(TerminalTest, ColourOnATerminal) {
  std::string out = Run({}, {});
  EXPECT_NE(out.find("FAIL"), std::string::npos) << out;
  EXPECT_NE(out.find(kEsc), std::string::npos) << out;
}

TEST_F(TerminalTest, NoColorTurnsItOff) {
  std::string out = Run({}, {{"NO_COLOR", "1"}});
  EXPECT_NE(out.find("FAIL"), std::string::npos) << out;
  EXPECT_EQ(out.find(kEsc), std::string::npos) << out;
}

TEST_F(TerminalTest, DumbTerminalHasNoColour) {
  std::string out = Run({}, {{"TERM", "dumb"}});
  EXPECT_NE(out.find("FAIL"), std::string::npos) << out;
  EXPECT_EQ(out.find(kEsc), std::string::npos) << out;
}

TEST_F(TerminalTest, ColorNeverOnATerminal) {
  std::string out = Run({"--color", "never"}, {});
  EXPECT_NE(out.find("FAIL"), std::string::npos) << out;
  EXPECT_EQ(out.find(kEsc), std::string::npos) << out;
}

TEST_F(TerminalTest, PipeHasNoColourUnlessForced) {
  auto piped = ws_.Vuln({"alpine-39.json"});
  EXPECT_NE(piped.out.find("FAIL"), std::string::npos);
  EXPECT_EQ(piped.out.find(kEsc), std::string::npos);
  auto forced = ws_.Vuln({"--color", "always", "alpine-39.json"});
  EXPECT_NE(forced.out.find(kEsc), std::string::npos);
}

TEST_F(TerminalTest, ReportsNeverCarryColour) {
  std::string out = Run({"--color", "always", "--report", "markdown=out.md", "--report",
                         "junit=out.xml", "--report", "sarif=out.sarif"},
                        {});
  EXPECT_NE(out.find(kEsc), std::string::npos);  // The text is coloured...
  for (const char* f : {"out.md", "out.xml", "out.sarif"}) {
    std::string text = secgate::testing::ReadFile(ws_.Path(f));
    ASSERT_FALSE(text.empty()) << f;
    EXPECT_EQ(text.find('\033'), std::string::npos) << f;  // ...the reports are not.
  }
}

}  // namespace
}  // namespace secgate::reports_e2e
