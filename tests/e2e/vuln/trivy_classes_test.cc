// End-to-end: secgate-vuln on real Trivy reports with secrets, licenses and
// misconfigurations (tests/fixtures/vuln/trivy-misconfig/, ../trivy/secrets.json).
// Expected counts are computed in the test from the fixture's JSON with
// nlohmann (Classes() below walks Results[] of every Trivy shape), never by
// running secgate; exit codes follow the default policy (vuln.fail_on high,
// secrets.fail_on low).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/e2e/vuln/vuln_e2e_util.h"
#include "tests/testing/run_process.h"

namespace secgate::testing {
namespace {

using nlohmann::json;

const std::string kSecretScan = "vuln/trivy-misconfig/trivyaction-secret-scan.json";
const std::string kSecrets = "vuln/trivy/secrets.json";
const std::string kLicenses = "vuln/trivy-misconfig/dd-trivy-license_scheme.json";
const std::string kDockerfile = "vuln/trivy-misconfig/trivy-dockerfile.json";
const std::string kHelm = "vuln/trivy-misconfig/trivy-helm_testchart.json";
const std::string kK8s = "vuln/trivy-misconfig/dd-trivy-k8s-kubernetes.json";

// Every result of a Trivy report: Results[], Resources[].Results[] and the
// old k8s Vulnerabilities[]/Misconfigurations[] of resources.
std::vector<json> Results(const json& doc) {
  std::vector<json> out;
  auto add = [&](const json& arr) {
    if (arr.is_array())
      for (const auto& r : arr) out.push_back(r);
  };
  add(doc.value("Results", json()));
  for (const char* k : {"Resources", "Vulnerabilities", "Misconfigurations"})
    if (doc.contains(k) && doc[k].is_array())
      for (const auto& res : doc[k]) add(res.value("Results", json()));
  return out;
}

// Records of `cls` ("Secrets", "Licenses", "Misconfigurations") in a fixture.
std::vector<json> Records(const std::string& fixture, const std::string& cls) {
  std::vector<json> out;
  for (const auto& r : Results(json::parse(ReadFile(Fixture(fixture)))))
    if (r.contains(cls) && r[cls].is_array())
      for (const auto& x : r[cls]) out.push_back(x);
  return out;
}

int FailedMisconfigurations(const std::string& fixture) {
  int n = 0;
  for (const auto& m : Records(fixture, "Misconfigurations"))
    n += m.value("Status", "") != "PASS" && m.value("Status", "") != "EXCEPTION";
  return n;
}

struct FixtureRun {
  ProcessResult p;
  json verdict;
  std::map<std::string, std::string> reports;  // format -> content
};

// Runs the gate on a fixture with every report format written to a file.
FixtureRun GateOn(const std::string& fixture, const std::string& policy = "",
         const std::string& waivers = "") {
  TempDir dir;
  std::vector<std::string> argv = {GateBinary("secgate-vuln"), "--today", "2026-01-15"};
  if (!policy.empty()) argv.insert(argv.end(), {"--policy", dir.Write("policy.yaml", policy)});
  if (!waivers.empty()) argv.insert(argv.end(), {"--waivers", dir.Write("w.yaml", waivers)});
  const std::vector<std::string> formats = {"json", "text", "markdown", "sarif", "junit", "github"};
  for (const auto& f : formats) argv.insert(argv.end(), {"--report", f + "=" + dir.path() + "/r." + f});
  argv.push_back(Fixture(fixture));
  FixtureRun r{RunProcess(argv, {.cwd = dir.path(), .unset_env = {"GITHUB_ACTIONS"}}), nullptr, {}};
  for (const auto& f : formats) r.reports[f] = ReadFile(dir.path() + "/r." + f);
  r.verdict = json::parse(r.reports["json"], nullptr, false);
  return r;
}

std::string Waiver(const std::string& id, const std::string& gate, const std::string& scope) {
  return "version: 1\nwaivers:\n  - id: \"" + id + "\"\n    gate: " + gate + "\n" + scope +
         "    reason: test token of the fixture\n    owner: sec@example.com\n"
         "    created: 2026-01-01\n    expires: 2026-03-01\n";
}

TEST(TrivyClasses, SecretsFailTheDefaultPolicy) {
  for (const std::string& fixture : {kSecretScan, kSecrets}) {
    const auto secrets = Records(fixture, "Secrets");
    ASSERT_FALSE(secrets.empty()) << fixture;
    FixtureRun r = GateOn(fixture);
    EXPECT_EQ(r.p.exit_code, 1) << fixture << r.p.err;
    ASSERT_TRUE(r.verdict.is_object()) << fixture;
    EXPECT_EQ(r.verdict["summary"]["violations"], secrets.size()) << fixture;
    EXPECT_EQ(r.verdict["summary"]["by_class"], json({{"secret", secrets.size()}})) << fixture;
    for (const auto& f : r.verdict["findings"]) {
      EXPECT_EQ(f["class"], "secret");
      EXPECT_EQ(f["fail_on"], "low");
      EXPECT_EQ(f["fingerprint"].get<std::string>().rfind("secret:" + f["id"].get<std::string>() + ":", 0), 0u);
    }
    // Rule ids and severities as the fixture lists them.
    std::multiset<std::string> want, got;
    for (const auto& s : secrets)
      want.insert(s["RuleID"].get<std::string>() + "/" + s["Severity"].get<std::string>());
    for (const auto& f : r.verdict["findings"]) {
      std::string sev = f["severity"];
      for (char& c : sev) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      got.insert(f["id"].get<std::string>() + "/" + sev);
    }
    EXPECT_EQ(got, want) << fixture;
    EXPECT_NE(r.reports["text"].find("at or above high (secrets: low)"), std::string::npos)
        << r.reports["text"];
    EXPECT_NE(r.reports["text"].find("Violations — Secrets (" + std::to_string(secrets.size()) + ")"),
              std::string::npos)
        << r.reports["text"];
  }
}

TEST(TrivyClasses, NoReportRepeatsMatchOrCode) {
  for (const std::string& fixture : {kSecretScan, kSecrets}) {
    std::vector<std::string> values;
    for (const auto& s : Records(fixture, "Secrets")) {
      values.push_back(s["Match"]);
      for (const auto& line : s["Code"]["Lines"])
        if (!line["Content"].get<std::string>().empty()) values.push_back(line["Content"]);
    }
    FixtureRun r = GateOn(fixture);
    ASSERT_EQ(r.p.exit_code, 1) << r.p.err;
    r.reports["stdout"] = r.p.out;
    r.reports["stderr"] = r.p.err;
    for (const auto& [format, text] : r.reports) {
      EXPECT_FALSE(text.empty() && format != "stderr") << format;
      for (const auto& v : values) EXPECT_EQ(text.find(v), std::string::npos) << format << ": " << v;
    }
    // The fixture does hold an unredacted neighbour line: the test checks something.
    bool clear_text = false;
    for (const auto& v : values) clear_text |= v.find('*') == std::string::npos && v.size() > 12;
    EXPECT_TRUE(clear_text) << fixture;
  }
}

TEST(TrivyClasses, SecretsWaiversByRuleAndPathOrFingerprint) {
  const json secret = Records(kSecretScan, "Secrets").at(0);
  const std::string target = Results(json::parse(ReadFile(Fixture(kSecretScan)))).at(0)["Target"];
  FixtureRun by_rule = GateOn(kSecretScan, "", Waiver(secret["RuleID"], "secrets", "    path: \"" + target + "\"\n"));
  EXPECT_EQ(by_rule.p.exit_code, 0) << by_rule.p.err << by_rule.p.out;
  EXPECT_EQ(by_rule.verdict["summary"]["waived"], 1);
  ASSERT_EQ(by_rule.verdict["waivers"].size(), 1u);
  EXPECT_EQ(by_rule.verdict["waivers"][0]["gate"], "secrets");
  EXPECT_EQ(by_rule.verdict["waivers"][0]["matches"], 1);

  // Another path: the waiver does not apply, and is not listed as unused here.
  FixtureRun elsewhere = GateOn(kSecretScan, "", Waiver(secret["RuleID"], "secrets", "    path: \"src/*\"\n"));
  EXPECT_EQ(elsewhere.p.exit_code, 1);
  EXPECT_TRUE(elsewhere.verdict["waivers"].empty());

  // A rule id without a path scope is refused: exit 2, one line.
  FixtureRun unscoped = GateOn(kSecretScan, "", Waiver(secret["RuleID"], "secrets", ""));
  EXPECT_EQ(unscoped.p.exit_code, 2);
  EXPECT_NE(unscoped.p.err.find("is a rule id: give a path scope"), std::string::npos) << unscoped.p.err;

  FixtureRun first = GateOn(kSecretScan);
  const std::string fp = first.verdict["findings"][0]["fingerprint"];
  FixtureRun by_fp = GateOn(kSecretScan, "", Waiver(fp, "secrets", ""));
  EXPECT_EQ(by_fp.p.exit_code, 0) << by_fp.p.err;
  // A vuln waiver of the same id does not waive a secret.
  FixtureRun wrong_gate = GateOn(kSecretScan, "", Waiver("GHSA-aaaa-bbbb-cccc", "vuln", ""));
  EXPECT_EQ(wrong_gate.p.exit_code, 1);
}

TEST(TrivyClasses, LicensesWithoutPolicyUseTrivysSeverity) {
  const auto licenses = Records(kLicenses, "Licenses");
  int high = 0;
  for (const auto& l : licenses) high += l["Severity"] == "HIGH" || l["Severity"] == "CRITICAL";
  ASSERT_GT(high, 0);
  FixtureRun r = GateOn(kLicenses);
  EXPECT_EQ(r.p.exit_code, 1) << r.p.err;
  EXPECT_EQ(r.verdict["summary"]["findings"], licenses.size());
  EXPECT_EQ(r.verdict["summary"]["violations"], high);
  EXPECT_EQ(r.verdict["summary"]["by_class"], json({{"license", licenses.size()}}));
  EXPECT_NE(r.reports["markdown"].find("#### Violations: Licenses (" + std::to_string(high) + ")"),
            std::string::npos)
      << r.reports["markdown"];
}

TEST(TrivyClasses, LicenseDenyFailsAndAllowPasses) {
  const auto licenses = Records(kLicenses, "Licenses");
  int mpl = 0;
  std::set<std::string> names;
  for (const auto& l : licenses) {
    mpl += l["Name"] == "MPL-2.0";
    names.insert(l["Name"].get<std::string>());
  }
  ASSERT_GT(mpl, 0);
  // Deny MPL-2.0 only: the GPL entries Trivy rates HIGH are allowed now.
  FixtureRun deny = GateOn(kLicenses, "version: 1\nsbom:\n  licenses:\n    deny: [MPL-2.0]\n");
  EXPECT_EQ(deny.p.exit_code, 1) << deny.p.err;
  EXPECT_EQ(deny.verdict["summary"]["violations"], mpl);
  EXPECT_EQ(deny.verdict["summary"]["ignored"], licenses.size() - mpl);
  for (const auto& f : deny.verdict["findings"])
    if (f["disposition"] == "violation") EXPECT_EQ(f["id"], "MPL-2.0");

  std::string allow = "version: 1\nsbom:\n  licenses:\n    allow: [";
  for (const auto& n : names) allow += (allow.back() == '[' ? "" : ", ") + n;
  FixtureRun allowed = GateOn(kLicenses, allow + "]\n");
  EXPECT_EQ(allowed.p.exit_code, 0) << allowed.p.err << allowed.p.out;
  EXPECT_EQ(allowed.verdict["summary"]["ignored"], licenses.size());

  // A license waiver (gate sbom) by id and package.
  FixtureRun waived = GateOn(kLicenses, "version: 1\nsbom:\n  licenses:\n    deny: [MPL-2.0]\n",
                    Waiver("MPL-2.0", "sbom", "    package: ca-certificates-cacert\n"));
  EXPECT_EQ(waived.p.exit_code, 0) << waived.p.err;
  EXPECT_EQ(waived.verdict["summary"]["waived"], mpl);
}

TEST(TrivyClasses, MisconfigurationsAreNamedInEveryReport) {
  for (const std::string& fixture : {kDockerfile, kHelm, kK8s}) {
    const int n = FailedMisconfigurations(fixture);
    ASSERT_GT(n, 0) << fixture;
    FixtureRun r = GateOn(fixture);
    const std::string note = std::to_string(n) + " misconfigurations not gated here: run secgate-code";
    EXPECT_NE(r.p.exit_code, 2) << r.p.err;
    EXPECT_EQ(r.verdict["inputs"][0]["skipped"]["misconfigurations"], n) << fixture;
    for (const char* format : {"text", "json", "markdown", "sarif", "junit"})
      EXPECT_NE(r.reports[format].find(note), std::string::npos) << fixture << " " << format;
    EXPECT_NE(r.p.out.find(note), std::string::npos) << r.p.out;
  }
  // Misconfigurations only: nothing gated here, so the run passes.
  EXPECT_EQ(GateOn(kDockerfile).p.exit_code, 0);
}

TEST(TrivyClasses, K8sVulnerabilitiesAreStillGated) {
  int vulns = static_cast<int>(Records(kK8s, "Vulnerabilities").size());
  ASSERT_GT(vulns, 0);
  FixtureRun r = GateOn(kK8s);
  EXPECT_EQ(r.verdict["summary"]["findings_before_dedup"], vulns);
  EXPECT_FALSE(r.verdict["summary"].contains("by_class"));  // vulnerabilities only
}

// Bad input, through the gate (vuln_e2e_util.h writes in.json).
std::string TrivySecret(const std::string& secrets) {
  return R"({"SchemaVersion":2,"ArtifactName":"a","Results":[{"Target":"t","Class":"secret",)"
         R"("Secrets":)" + secrets + "}]}";
}

TEST(TrivyClasses, BadSecretRecordsExitTwo) {
  GateRun not_array = Gate(TrivySecret(R"({"RuleID":"r","Severity":"HIGH"})"));
  EXPECT_EQ(not_array.p.exit_code, 2);
  EXPECT_EQ(not_array.p.err, ErrorLine("/Results/0/Secrets: expected array, got object"));
  GateRun no_rule = Gate(TrivySecret(R"([{"Severity":"HIGH","Match":"x=***"}])"));
  EXPECT_EQ(no_rule.p.exit_code, 2);
  EXPECT_EQ(no_rule.p.err,
            ErrorLine("/Results/0/Secrets/0: missing RuleID (Trivy always writes one)"));
  GateRun bad_word = Gate(TrivySecret(R"([{"RuleID":"r","Severity":"URGENT"}])"));
  EXPECT_EQ(bad_word.p.exit_code, 2);
  EXPECT_EQ(bad_word.p.err, ErrorLine("/Results/0/Secrets/0/Severity: unknown severity 'URGENT'"));
}

TEST(TrivyClasses, UnknownSecretSeverityFollowsUnknownAs) {
  const std::string report = TrivySecret(R"([{"RuleID":"r","Severity":"UNKNOWN"}])");
  GateRun r = Gate(report);
  EXPECT_EQ(r.p.exit_code, 1) << r.p.err;
  EXPECT_EQ(r.verdict["findings"][0]["counted_as"], "high");
  TempDir dir;
  std::string policy = dir.Write("p.yaml", "version: 1\nvuln:\n  unknown_as: ignore\n");
  GateRun ignored = Gate(report, {"--policy", policy});
  EXPECT_EQ(ignored.p.exit_code, 0) << ignored.p.err;
  EXPECT_EQ(ignored.verdict["summary"]["ignored"], 1);
}

}  // namespace
}  // namespace secgate::testing
