#include "tests/e2e/sbom/sbom_e2e_util.h"

#include <algorithm>

namespace secgate::sbom_e2e {

GateRun RunGate(const testing::TempDir& dir, const std::string& policy,
                const std::vector<std::string>& args, const std::string& waivers) {
  std::vector<std::string> argv = {testing::GateBinary("secgate-sbom"),
                                   "--policy", dir.Write("secgate.yaml", policy),
                                   "--today", "2026-11-01", "--no-github",
                                   "--report", "json=" + dir.path() + "/report.json"};
  if (!waivers.empty()) {
    argv.push_back("--waivers");
    argv.push_back(dir.Write("secgate-waivers.yaml", waivers));
  }
  argv.insert(argv.end(), args.begin(), args.end());
  testing::ProcessOptions o;
  o.cwd = dir.path();
  o.unset_env = {"GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY"};
  testing::ProcessResult r = testing::RunProcess(argv, o);
  GateRun g{r.exit_code, r.out, r.err, nullptr};
  std::string text = testing::ReadFile(dir.path() + "/report.json");
  if (!text.empty()) g.report = nlohmann::json::parse(text, nullptr, false);
  return g;
}

std::string ErrorLine(const testing::TempDir& dir, const std::string& name,
                      const std::string& msg) {
  return "secgate-sbom: error: " + dir.path() + "/" + name + msg + "\n";
}

std::vector<std::string> WithDisposition(const nlohmann::json& report, const std::string& d) {
  std::vector<std::string> out;
  for (const auto& f : report.value("findings", nlohmann::json::array()))
    if (f.value("disposition", "") == d)
      out.push_back(f.value("id", "") + " " + f.value("package", nlohmann::json::object()).value("name", ""));
  std::sort(out.begin(), out.end());
  return out;
}

nlohmann::json FindingFor(const nlohmann::json& report, const std::string& id,
                          const std::string& package) {
  for (const auto& f : report.value("findings", nlohmann::json::array()))
    if (f.value("id", "") == id && f.value("package", nlohmann::json::object()).value("name", "") == package) return f;
  return nullptr;
}

}  // namespace secgate::sbom_e2e
