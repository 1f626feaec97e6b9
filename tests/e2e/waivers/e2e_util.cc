#include "tests/e2e/waivers/e2e_util.h"

#include <unistd.h>

#include <cstdlib>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace secgate::testing {

std::string Which(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "/usr/bin:/bin");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    std::string candidate = dir + "/" + name;
    if (!dir.empty() && ::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return "";
}

ProcessResult Waivers(const std::vector<std::string>& args, const std::string& cwd) {
  std::vector<std::string> argv = {GateBinary("secgate-waivers")};
  argv.insert(argv.end(), args.begin(), args.end());
  ProcessOptions o;
  o.cwd = cwd;
  o.unset_env = {"GITHUB_ACTIONS"};
  return RunProcess(argv, o);
}

void Git(const std::string& dir, const std::vector<std::string>& args, const std::string& name,
         const std::string& email, const std::string& date) {
  std::string git = Which("git");
  ASSERT_FALSE(git.empty()) << "git is not on PATH";
  std::vector<std::string> argv = {git, "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false"};
  argv.insert(argv.end(), args.begin(), args.end());
  ProcessOptions o;
  o.cwd = dir;
  o.env = {{"GIT_AUTHOR_NAME", name},     {"GIT_AUTHOR_EMAIL", email},
           {"GIT_AUTHOR_DATE", date},     {"GIT_COMMITTER_NAME", name},
           {"GIT_COMMITTER_EMAIL", email}, {"GIT_COMMITTER_DATE", date},
           {"GIT_CONFIG_NOSYSTEM", "1"},  {"HOME", dir}};
  ProcessResult r = RunProcess(argv, o);
  ASSERT_EQ(r.exit_code, 0) << "git failed: " << r.err;
}

std::string VerdictJson(const std::string& gate, const std::vector<TestFinding>& findings) {
  nlohmann::ordered_json j;
  j["schema"] = "secgate.verdict/v1";
  j["tool"] = {{"name", "secgate-" + gate}, {"version", "0.1.0"}};
  j["gate"] = gate;
  j["verdict"] = "fail";
  j["exit_code"] = 1;
  j["waivers"] = nlohmann::ordered_json::array();
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& f : findings) {
    nlohmann::ordered_json x;
    x["id"] = f.id;
    x["aliases"] = nlohmann::ordered_json::array();
    x["severity"] = "high";
    if (!f.purl.empty()) {
      std::string name = f.purl.substr(f.purl.find('/') + 1);
      name = name.substr(0, name.find('@'));
      std::string version = f.purl.find('@') == std::string::npos ? "" : f.purl.substr(f.purl.find('@') + 1);
      x["package"] = {{"name", name}, {"version", version}, {"ecosystem", "npm"}, {"purl", f.purl}};
    }
    x["location"] = f.path.empty() ? nlohmann::ordered_json::object()
                                   : nlohmann::ordered_json{{"path", f.path}};
    x["disposition"] = "violation";
    x["fingerprint"] = f.fingerprint;
    x["sources"] = {"test"};
    list.push_back(x);
  }
  j["findings"] = list;
  return j.dump(2);
}

std::string Entry(const std::string& id, const std::string& owner, const std::string& created,
                  const std::string& expires, const std::string& reason, const std::string& extra) {
  return "  - id: " + id + "\n    gate: vuln\n" + extra + "    reason: \"" + reason +
         "\"\n    owner: " + owner + "\n    created: " + created + "\n    expires: " + expires + "\n";
}

int Count(const std::string& haystack, const std::string& needle) {
  int n = 0;
  for (size_t pos = haystack.find(needle); pos != std::string::npos;
       pos = haystack.find(needle, pos + needle.size()))
    ++n;
  return n;
}

ImagePair AlpineMuslUpgrade() {
  nlohmann::json report = nlohmann::json::parse(ReadFile(Fixture("vuln/trivy/alpine-39.json")));
  nlohmann::json upgraded = report;
  for (auto& result : upgraded["Results"]) {
    nlohmann::json kept = nlohmann::json::array();
    for (const auto& v : result["Vulnerabilities"])
      if (v["PkgName"] != "musl" && v["PkgName"] != "musl-utils") kept.push_back(v);
    result["Vulnerabilities"] = kept;
  }
  return {report.dump(), upgraded.dump()};
}

}  // namespace secgate::testing
