// Helpers for the secgate-secrets end-to-end tests: a scratch git
// repository driven by the git CLI (fixed identity and dates, no user or
// system config), a policy using the fixture rule pack, and running the
// real binary.
#pragma once

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "gates/core/fingerprint.h"
#include "tests/testing/run_process.h"

namespace secgate::secrets::e2e {

// Synthetic values shaped like the fixture rules (never real credentials).
inline const std::string kToken = "tstk_Q7mZ2xR9pL4vK8nB3cW6yT1dF5gH0jSa";
inline const std::string kToken2 = "tstk_Hq3Lw8Zr1Xn6Vb9Mc2Kd7Pf4Tg5Js0Ya";
inline const std::string kKeyId = "TKIAQ3ZR7WX2MN4PL8KD";
inline const std::string kPassword = "Vq8#mK2!zR5pL";

inline std::string FindGit() {
  for (const char* p : {"/usr/bin/git", "/usr/local/bin/git", "/bin/git"})
    if (::access(p, X_OK) == 0) return p;
  return "git";
}

class Repo {
 public:
  Repo() { Git({"init", "-q", "-b", "main"}); }
  const std::string& path() const { return dir_.path(); }
  std::string Write(const std::string& rel, const std::string& content) const {
    return dir_.Write(rel, content);
  }
  testing::ProcessResult Git(const std::vector<std::string>& args) {
    std::vector<std::string> argv = {FindGit()};
    argv.insert(argv.end(), args.begin(), args.end());
    testing::ProcessOptions o;
    o.cwd = path();
    o.env = Env();
    o.env["GIT_AUTHOR_DATE"] = o.env["GIT_COMMITTER_DATE"] =
        "2024-01-" + std::to_string(10 + (clock_ % 18)) + "T12:00:00+00:00";
    ++clock_;
    auto r = testing::RunProcess(argv, o);
    EXPECT_EQ(r.exit_code, 0) << "git " << args[0] << ": " << r.err;
    return r;
  }
  /// Commits everything staged; returns the new commit id.
  std::string Commit(const std::string& msg) {
    Git({"commit", "-q", "--allow-empty", "-m", msg});
    return Head();
  }
  std::string Head() {
    std::string id = Git({"rev-parse", "HEAD"}).out;
    while (!id.empty() && id.back() == '\n') id.pop_back();
    return id;
  }
  static std::map<std::string, std::string> Env() {
    return {{"GIT_AUTHOR_NAME", "Ann Author"}, {"GIT_AUTHOR_EMAIL", "ann@example.org"},
            {"GIT_COMMITTER_NAME", "Ann Author"}, {"GIT_COMMITTER_EMAIL", "ann@example.org"},
            {"GIT_CONFIG_NOSYSTEM", "1"}, {"GIT_CONFIG_GLOBAL", "/dev/null"},
            {"HOME", "/nonexistent"}};
  }

 private:
  testing::TempDir dir_;
  int clock_ = 0;
};

/// A policy file using only the fixture pack (independent of the built-in
/// rules), plus `extra` YAML lines under `secrets:`.
inline std::string PolicyFile(const testing::TempDir& dir, const std::string& extra = "") {
  return dir.Write("secgate.yaml",
                   "version: 1\nsecrets:\n  rules: ['" +
                       testing::Fixture("secrets/rules/test_pack.yaml") +
                       "']\n  replace_rules: true\n" + extra);
}

inline testing::ProcessResult Gate(const std::vector<std::string>& args, const std::string& cwd,
                                   const std::string& stdin_data = "") {
  std::vector<std::string> argv = {testing::GateBinary("secgate-secrets")};
  argv.insert(argv.end(), args.begin(), args.end());
  testing::ProcessOptions o;
  o.cwd = cwd;
  o.stdin_data = stdin_data;
  o.env = Repo::Env();
  o.unset_env = {"GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY"};
  return testing::RunProcess(argv, o);
}

/// Runs the gate with a JSON report and returns the parsed verdict
/// (`want_exit` -1: exit 0 or 1).
inline nlohmann::json GateJson(std::vector<std::string> args, const std::string& cwd,
                               int want_exit, const std::string& stdin_data = "") {
  testing::TempDir out;
  const std::string report = out.path() + "/v.json";
  args.push_back("--report");
  args.push_back("json=" + report);
  args.push_back("--today");
  args.push_back("2024-02-01");
  auto r = Gate(args, cwd, stdin_data);
  if (want_exit >= 0) {
    EXPECT_EQ(r.exit_code, want_exit) << r.out << r.err;
  } else {  // -1: a pass or a fail, not an error
    EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.out << r.err;
  }
  std::string text = testing::ReadFile(report);
  if (text.empty()) return nlohmann::json::object();
  return nlohmann::json::parse(text);
}

/// "rule path:line" for each finding, in report order.
inline std::vector<std::string> Where(const nlohmann::json& v) {
  std::vector<std::string> out;
  for (const auto& f : v.value("findings", nlohmann::json::array()))
    out.push_back(f["id"].get<std::string>() + " " + f["location"].value("path", "") + ":" +
                  std::to_string(f["location"].value("line", 0)));
  return out;
}

}  // namespace secgate::secrets::e2e
