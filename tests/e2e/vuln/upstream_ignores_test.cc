// vuln.upstream_ignores end to end on a real Grype report (dd-many_vulns3.json,
// see tests/fixtures/vuln/ORIGIN.md) whose critical matches the test moves
// into ignoredMatches, as Grype writes them when an ignore rule applies.
// Counts are computed here from the fixture's JSON, never by the gate.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/testing/run_process.h"

namespace secgate::testing {
namespace {

using nlohmann::json;

struct Case {
  std::string report;  // the edited report
  int moved = 0;       // matches now in ignoredMatches (all of the critical ones)
};

Case CriticalsIgnoredByGrype() {
  json doc = json::parse(ReadFile(Fixture("vuln/grype/dd-many_vulns3.json")));
  json kept = json::array(), ignored = json::array();
  Case c;
  for (auto& m : doc["matches"]) {
    const std::string sev = m["vulnerability"].value("severity", "");
    if (sev == "Critical") {
      m["appliedIgnoreRules"] = json::array({{{"vulnerability", m["vulnerability"]["id"]},
                                              {"reason", "accepted by the platform team"}}});
      ignored.push_back(m);
    } else {
      kept.push_back(m);
    }
  }
  c.moved = static_cast<int>(ignored.size());
  doc["matches"] = kept;
  doc["ignoredMatches"] = ignored;
  c.report = doc.dump();
  return c;
}

json RunGate(const Case& c, const std::string& policy, int expected_exit) {
  TempDir d;
  d.Write("grype.json", c.report);
  d.Write("secgate.yaml", policy);
  ProcessOptions o;
  o.cwd = d.path();
  ProcessResult r = RunProcess({GateBinary("secgate-vuln"), "--quiet", "--today", "2026-11-21",
                                "--fail-on", "critical", "--report", "json=v.json", "grype.json"},
                               o);
  EXPECT_EQ(r.exit_code, expected_exit) << r.err;
  return json::parse(ReadFile(d.path() + "/v.json"));
}

TEST(UpstreamIgnores, HonourKeepsGrypesIgnoresShownAsIgnored) {
  Case c = CriticalsIgnoredByGrype();
  ASSERT_GT(c.moved, 0) << "the fixture must hold critical matches for this test to mean anything";
  json v = RunGate(c, "version: 1\n", 0);  // honour is the default
  int upstream = 0;
  for (const auto& f : v["findings"])
    upstream += f.value("reason", "").rfind("ignored upstream: grype ignore rule", 0) == 0;
  EXPECT_GE(upstream, 1);
  EXPECT_EQ(v["summary"]["violations"], 0);
}

TEST(UpstreamIgnoresDeny, GrypesIgnoresAreGatedLikeAnyFinding) {
  Case c = CriticalsIgnoredByGrype();
  json v = RunGate(c, "version: 1\nvuln:\n  upstream_ignores: deny\n", 1);
  EXPECT_GE(v["summary"]["violations"].get<int>(), 1);
}

TEST(UpstreamIgnoresDeny, BadValueIsExitTwo) {
  TempDir d;
  d.Write("secgate.yaml", "version: 1\nvuln:\n  upstream_ignores: sometimes\n");
  d.Write("grype.json", CriticalsIgnoredByGrype().report);
  ProcessOptions o;
  o.cwd = d.path();
  ProcessResult r = RunProcess({GateBinary("secgate-vuln"), "grype.json"}, o);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "secgate-vuln: error: secgate.yaml:3: vuln.upstream_ignores: expected honour "
                   "or deny, got 'sometimes'\n");
}

}  // namespace
}  // namespace secgate::testing
