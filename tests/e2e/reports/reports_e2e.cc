#include "tests/e2e/reports/reports_e2e.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace secgate::reports_e2e {

using secgate::testing::Fixture;
using secgate::testing::GateBinary;
using secgate::testing::ReadFile;
using secgate::testing::RunProcess;
using secgate::testing::SourceRoot;

const std::vector<std::string>& TrivyFixtures() {
  static const std::vector<std::string> kFixtures = {
      "alpine-39.json", "debian-buster.json", "gomod.json",
      "pnpm.json",      "centos-7.json",      "alpine-39-skip.json"};
  return kFixtures;
}

Workspace::Workspace() {
  for (const auto& f : TrivyFixtures()) dir_.Write(f, ReadFile(Fixture("vuln/trivy/" + f)));
  dir_.Write("secgate-waivers.yaml", R"(version: 1
waivers:
  - id: CVE-2019-14697
    gate: vuln
    package: pkg:apk/alpine/musl
    reason: "Not reachable: we never call iconv | tested, 100% sure"
    owner: jane@example.com
    ticket: SEC-101
    created: 2026-01-01
    expires: 2026-03-31
  - id: CVE-2019-10744
    gate: vuln
    reason: lodash defaultsDeep is never called with user input
    owner: bob@example.com
    created: 2026-01-01
    expires: 2026-03-01
  - id: CVE-2019-18224
    gate: vuln
    reason: libidn2 is not used by the service
    owner: carol@example.com
    ticket: SEC-102
    created: 2026-01-01
    expires: 2026-01-20
)");
}

std::string Workspace::Path(const std::string& name) const { return dir_.path() + "/" + name; }

std::string Workspace::Write(const std::string& name, const std::string& content) const {
  return dir_.Write(name, content);
}

ProcessResult Workspace::Vuln(std::vector<std::string> args,
                              const std::map<std::string, std::string>& env) const {
  std::vector<std::string> argv = {GateBinary("secgate-vuln"), "--today", kToday, "--waivers",
                                   "secgate-waivers.yaml"};
  argv.insert(argv.end(), args.begin(), args.end());
  ProcessOptions o;
  o.cwd = dir_.path();
  o.env = env;
  for (const char* name : {"GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "NO_COLOR"})
    if (!env.count(name)) o.unset_env.push_back(name);
  return RunProcess(argv, o);
}

void InstallNodeTools() {
  ProcessResult r = RunProcess({"/bin/sh", SourceRoot() + "/tests/tools/install-node-tools.sh"},
                               {.timeout_seconds = 300});
  ASSERT_EQ(r.exit_code, 0) << "install-node-tools.sh failed; the SARIF schema tests need "
                               "node and npm\n"
                            << r.out << r.err;
}

ProcessResult ValidateSarif(const std::vector<std::string>& files) {
  std::vector<std::string> argv = {"/usr/bin/env", "node",
                                   SourceRoot() + "/tests/tools/validate-json-schema.js",
                                   SourceRoot() + "/tests/schemas/sarif-2.1.0.json"};
  argv.insert(argv.end(), files.begin(), files.end());
  return RunProcess(argv, {.timeout_seconds = 300});
}

std::string GenerateTrivy(int critical, int low, const std::string& name_extra) {
  nlohmann::ordered_json vulns = nlohmann::ordered_json::array();
  for (int i = 0; i < critical + low; ++i) {
    bool crit = i < critical;
    std::string name = "pkg-" + std::to_string(i) + name_extra;
    // Low ones share 40 ids: the schema's uniqueItems on rules makes Ajv
    // quadratic in the rule count, and real reports repeat ids anyway.
    std::string id = crit ? "CVE-2099-" + std::to_string(10000 + i)
                          : "CVE-2098-" + std::to_string(10000 + i % 40);
    vulns.push_back({{"VulnerabilityID", id},
                     {"PkgName", name},
                     {"InstalledVersion", "1.0.0"},
                     {"FixedVersion", "1.0.1"},
                     {"Severity", crit ? "CRITICAL" : "LOW"},
                     {"Title", "generated " + std::string(crit ? "critical" : "low")}});
  }
  nlohmann::ordered_json doc = {
      {"SchemaVersion", 2},
      {"ArtifactName", "."},
      {"ArtifactType", "filesystem"},
      {"Results",
       {{{"Target", "package-lock.json"}, {"Class", "lang-pkgs"}, {"Type", "npm"},
         {"Vulnerabilities", vulns}}}}};
  return doc.dump(1);
}

}  // namespace secgate::reports_e2e
