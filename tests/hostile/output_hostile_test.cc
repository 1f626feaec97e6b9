// Hostile values reflected into output: dependency authors choose package
// names, versions and advisory titles, and those reach the terminal, GitHub
// workflow commands and SARIF. Asserts that terminal control sequences are
// neutralised, that a value cannot start a new workflow command, and that
// paths from a report are emitted as data and never used to write files.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include <nlohmann/json.hpp>

#include "tests/hostile/hostile_util.h"

namespace secgate::hostile {
namespace {

using testing::ProcessResult;
using testing::TempDir;

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// ESC [ 2 J clears the screen; OSC 0 sets the window title; OSC 8 makes a
// hyperlink; BEL, CR and backspace rewrite what was printed; U+009B is the
// 8-bit CSI.
const std::string kAnsiName = "evil\x1b[2J\x1b]0;pwned\x07\x1b]8;;https://example.com\x1b\\x\rfake\b\xc2\x9b" "31m";

TEST(OutputHostileTest, AnsiEscapesInPackageNamesAreSanitisedInText) {
  TempDir dir;
  TrivyVuln v;
  v.pkg = kAnsiName;
  v.version = "1.0\x1b[8m";
  v.title = "title\x1b[1A\x1b[2Kgone";
  v.id = "CVE-2024-0001";
  std::string path = dir.Write("ansi.json", TrivyReport({v}));
  ProcessResult r = RunGate("secgate-vuln", dir, {"--verbose", path}, {.timeout_seconds = 60});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("evil"), std::string::npos) << r.out;  // the name is still shown
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << "raw ESC on stdout: " << r.out;
  EXPECT_EQ(r.out.find('\x07'), std::string::npos);
  EXPECT_EQ(r.out.find('\r'), std::string::npos);
  EXPECT_EQ(r.out.find('\b'), std::string::npos);
  EXPECT_EQ(r.out.find("\xc2\x9b"), std::string::npos);
  EXPECT_EQ(r.err.find('\x1b'), std::string::npos) << "raw ESC on stderr: " << r.err;
}

TEST(OutputHostileTest, AnsiEscapesInAnErrorMessageAreSanitised) {
  TempDir dir;
  // An unknown severity word is an error naming the word: it reaches stderr.
  TrivyVuln v;
  v.severity = "\x1b[2J\x1b]0;pwned\x07";
  std::string path = dir.Write("bad-severity.json", TrivyReport({v}));
  ProcessResult r = RunGate("secgate-vuln", dir, {path}, {.timeout_seconds = 60});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_FALSE(r.err.empty());
  EXPECT_EQ(r.err.find('\x1b'), std::string::npos) << "raw ESC on stderr: " << r.err;
  EXPECT_EQ(r.err.find('\x07'), std::string::npos);
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos);
}

TEST(OutputHostileTest, NewlinesInValuesCannotStartAWorkflowCommand) {
  TempDir dir;
  TrivyVuln v;
  v.pkg = "lodash\n::error::pwned";
  v.version = "1.0\r\n::add-mask::x";
  v.title = "t\n::stop-commands::token\r::warning file=/etc/passwd::owned";
  v.pkg_path = "package-lock.json\n::error::path";
  v.id = "CVE-2024-0001";
  std::string path = dir.Write("inject.json", TrivyReport({v}));
  ProcessResult r = RunGate("secgate-vuln", dir, {"--github", path}, {.timeout_seconds = 60});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  int commands = 0;
  for (const std::string& line : Lines(r.out)) {
    EXPECT_EQ(line.find('\r'), std::string::npos) << line;
    EXPECT_NE(line.rfind("::error::pwned", 0), 0u) << "injected command: " << line;
    EXPECT_NE(line.rfind("::add-mask::", 0), 0u) << "injected command: " << line;
    EXPECT_NE(line.rfind("::stop-commands::", 0), 0u) << "injected command: " << line;
    EXPECT_NE(line.rfind("::warning file=/etc/passwd", 0), 0u) << "injected command: " << line;
    EXPECT_NE(line.rfind("::error::path", 0), 0u) << "injected command: " << line;
    if (line.rfind("::error", 0) == 0 && line.find("CVE-2024-0001") != std::string::npos) {
      ++commands;
      // The injected text is still there, as escaped data on the same line.
      EXPECT_NE(line.find("%0A::error::pwned"), std::string::npos) << line;
    }
  }
  EXPECT_EQ(commands, 1) << r.out;
}

TEST(OutputHostileTest, PathTraversalInReportPathsIsDataInSarif) {
  TempDir dir;
  std::filesystem::create_directories(dir.path() + "/run");
  TrivyVuln v;
  v.target = "../../../../../tmp/secgate-traversal-target";
  v.pkg_path = "../../../etc/cron.d/evil";
  v.pkg = "../../pkg";
  std::string path = dir.Write("run/traversal.json", TrivyReport({v}));
  ProcessResult r = RunGate("secgate-vuln", dir,
                            {"--report", "sarif=out.sarif", "--report", "json=out.json", path},
                            {.cwd = dir.path() + "/run", .timeout_seconds = 60});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  // Only the reports named on the command line were written.
  EXPECT_EQ(ListFiles(dir.path()),
            (std::vector<std::string>{"run/out.json", "run/out.sarif", "run/traversal.json"}));
  EXPECT_FALSE(std::filesystem::exists("/tmp/secgate-traversal-target"));
  auto sarif = nlohmann::json::parse(testing::ReadFile(dir.path() + "/run/out.sarif"));
  std::string dump = sarif.dump();
  // The path is reported as it was given: data, with its dot segments.
  EXPECT_NE(dump.find("etc/cron.d/evil"), std::string::npos) << dump;
  ASSERT_FALSE(sarif["runs"][0]["results"].empty()) << dump;
  for (const auto& res : sarif["runs"][0]["results"]) {
    for (const auto& loc : res["locations"]) {
      std::string uri = loc["physicalLocation"]["artifactLocation"].value("uri", "");
      EXPECT_EQ(uri.find("file://"), std::string::npos) << "absolute uri: " << uri;
    }
  }
}

}  // namespace
}  // namespace secgate::hostile
