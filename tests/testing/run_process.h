// Test helpers shared by every test target: run a real binary with
// arguments, stdin and environment and capture what it did; make scratch
// directories; find fixtures and built binaries.
//
//   ProcessResult r = RunProcess({GateBinary("secgate-vuln"), "--version"});
//   EXPECT_EQ(r.exit_code, 0);
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace secgate::testing {

struct ProcessResult {
  int exit_code = -1;  ///< Exit status, or 128+signal when killed by a signal.
  std::string out;     ///< Everything written to stdout.
  std::string err;     ///< Everything written to stderr.
  /// The child's peak resident set size (wait4 rusage). Linux folds the
  /// forked copy of the caller (before exec) into it, so it is at least the
  /// caller's own resident size at the time of the call.
  long peak_rss_kb = 0;
  double seconds = 0;    ///< Wall-clock time from fork to exit.
  bool timed_out = false;  ///< True when it was killed for exceeding the timeout.
  size_t out_bytes = 0;  ///< Bytes written to stdout (more than out.size() past stdout_limit).
};

struct ProcessOptions {
  std::string stdin_data;                  ///< Written to the child's stdin.
  std::string cwd;                         ///< Working directory; empty = inherit.
  std::map<std::string, std::string> env;  ///< Set (added/overridden) for the child.
  std::vector<std::string> unset_env;      ///< Removed from the child's environment.
  int timeout_seconds = 120;               ///< Killed (SIGKILL) after this.
  /// When set, stdin is fed from this instead of stdin_data: called for the
  /// next chunk until it returns "" (end of input). Streams inputs far larger
  /// than the test wants to hold in memory.
  std::function<std::string()> stdin_generator;
  /// When non-empty, the child's stdin is this file (stdin_data is ignored).
  std::string stdin_file;
  /// Keep at most this many bytes of stdout in ProcessResult::out (the rest
  /// is read and counted in out_bytes), for children that write gigabytes.
  size_t stdout_limit = static_cast<size_t>(-1);
};

/// Runs argv[0] (a path) with the arguments; never goes through a shell.
ProcessResult RunProcess(const std::vector<std::string>& argv, const ProcessOptions& o = {});

/// Absolute path of a built gate binary ("secgate-vuln"), from the
/// SECGATE_BIN_DIR compile definition.
std::string GateBinary(const std::string& name);

/// Absolute path under tests/fixtures/ ("vuln/trivy/alpine-39.json").
std::string Fixture(const std::string& relative);

/// Absolute path of the source tree root.
std::string SourceRoot();

/// A fresh directory under the system temp dir, removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  /// Writes `content` to path()/relative (creating parent directories) and
  /// returns the absolute path.
  std::string Write(const std::string& relative, const std::string& content) const;

 private:
  std::string path_;
};

/// Whole file contents; "" when it cannot be read.
std::string ReadFile(const std::string& path);

}  // namespace secgate::testing
