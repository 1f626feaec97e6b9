// What users rely on from every gate, through the real secgate-vuln binary:
// thresholds, waivers (waived, expired, expiring), policy discovery, and the
// exact one-line error (exit 2) for each kind of bad input.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/testing/run_process.h"

namespace secgate {
namespace {

using testing::Fixture;
using testing::GateBinary;
using testing::ProcessResult;
using testing::RunProcess;
using testing::TempDir;

// alpine-39.json: CVE-2019-14697 (critical) in musl and musl-utils, plus four
// medium findings.
const std::string kAlpine = Fixture("vuln/trivy/alpine-39.json");

ProcessResult Vuln(const TempDir& dir, std::vector<std::string> args, std::string stdin_data = "") {
  std::vector<std::string> argv = {GateBinary("secgate-vuln"), "--color", "never"};
  if (std::find(args.begin(), args.end(), "--today") == args.end()) {
    argv.push_back("--today");
    argv.push_back("2026-11-21");
  }
  argv.insert(argv.end(), args.begin(), args.end());
  return RunProcess(argv, {.stdin_data = std::move(stdin_data), .cwd = dir.path()});
}

std::string WaiverFile(const std::string& entries) { return "version: 1\nwaivers:\n" + entries; }

const char* kMuslWaiver = R"(  - id: CVE-2019-14697
    gate: vuln
    package: pkg:apk/alpine/musl
    reason: Not reachable from our entrypoint
    owner: jane.doe@example.com
    ticket: SEC-123
    created: 2026-11-10
    expires: EXPIRES
)";

std::string MuslWaiver(const std::string& expires, const std::string& package = "pkg:apk/alpine/musl") {
  std::string w = kMuslWaiver;
  w.replace(w.find("EXPIRES"), 7, expires);
  w.replace(w.find("pkg:apk/alpine/musl"), 19, package);
  return w;
}

TEST(GateBehaviourTest, ThresholdComesFromPolicyAndFailOnOverridesIt) {
  TempDir dir;
  const std::string amazon = Fixture("vuln/trivy/amazon-2.json");  // one medium, one low
  EXPECT_EQ(Vuln(dir, {amazon}).exit_code, 0);
  EXPECT_EQ(Vuln(dir, {"--fail-on", "medium", amazon}).exit_code, 1);
  EXPECT_EQ(Vuln(dir, {"--fail-on", "critical", kAlpine}).exit_code, 1);
  dir.Write("strict.yaml", "vuln:\n  fail_on: low\n");
  EXPECT_EQ(Vuln(dir, {"--policy", "strict.yaml", amazon}).exit_code, 1);
  EXPECT_EQ(Vuln(dir, {"--policy", "strict.yaml", "--fail-on", "high", amazon}).exit_code, 0);
}

TEST(GateBehaviourTest, PolicyFileInTheCurrentDirectoryIsFound) {
  TempDir dir;
  const std::string amazon = Fixture("vuln/trivy/amazon-2.json");
  auto without = Vuln(dir, {amazon});
  EXPECT_NE(without.out.find("Note:    no secgate.yaml: using built-in policy defaults"),
            std::string::npos);
  dir.Write("secgate.yaml", "version: 1\nvuln:\n  fail_on: low\n");
  auto with = Vuln(dir, {amazon});
  EXPECT_EQ(with.exit_code, 1);
  EXPECT_EQ(with.out.find("no secgate.yaml"), std::string::npos);
}

TEST(GateBehaviourTest, WaivedFindingIsListedWithOwnerAndExpiry) {
  TempDir dir;
  dir.Write("secgate-waivers.yaml",
            WaiverFile(MuslWaiver("2027-01-31") + MuslWaiver("2027-01-31", "pkg:apk/alpine/musl-utils")));
  auto r = Vuln(dir, {"--report", "json=v.json", kAlpine});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("PASS"), std::string::npos);
  EXPECT_NE(r.out.find("CVE-2019-14697       musl@1.1.20-r4 → 1.1.20-r5"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("[waived by jane.doe@example.com until 2027-01-31]"), std::string::npos);
  auto v = nlohmann::json::parse(testing::ReadFile(dir.path() + "/v.json"));
  EXPECT_EQ(v["summary"]["waived"], 2);
  EXPECT_EQ(v["summary"]["violations"], 0);
  EXPECT_EQ(v["findings"][0]["disposition"], "waived");
  EXPECT_EQ(v["findings"][0]["waiver"]["owner"], "jane.doe@example.com");
  EXPECT_EQ(v["findings"][0]["waiver"]["ticket"], "SEC-123");
  EXPECT_EQ(v["waivers"][0]["status"], "active");
}

TEST(GateBehaviourTest, WaiverScopedToOnePackageLeavesTheOtherFailing) {
  TempDir dir;
  dir.Write("secgate-waivers.yaml", WaiverFile(MuslWaiver("2027-01-31")));
  auto r = Vuln(dir, {kAlpine});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("Violations (1):\n  CRITICAL  CVE-2019-14697       musl-utils@"),
            std::string::npos)
      << r.out;
}

TEST(GateBehaviourTest, ExpiredWaiverNoLongerWaivesAndSaysSo) {
  TempDir dir;
  dir.Write("secgate-waivers.yaml",
            WaiverFile(MuslWaiver("2026-11-20") + MuslWaiver("2027-01-31", "pkg:apk/alpine/musl-utils")));
  auto r = Vuln(dir, {kAlpine});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("[waiver expired 2026-11-20, owner jane.doe@example.com]"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("expired   CVE-2019-14697 (owner jane.doe@example.com, expired 2026-11-20: "
                       "no longer waives)"),
            std::string::npos)
      << r.out;
}

TEST(GateBehaviourTest, WaiverExpiringSoonWarns) {
  TempDir dir;
  dir.Write("secgate-waivers.yaml",
            WaiverFile(MuslWaiver("2026-11-24") + MuslWaiver("2027-01-31", "pkg:apk/alpine/musl-utils")));
  auto r = Vuln(dir, {"--report", "json=v.json", kAlpine});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("expiring  CVE-2019-14697 (owner jane.doe@example.com, expires 2026-11-24, "
                       "in 3 days)"),
            std::string::npos)
      << r.out;
  auto v = nlohmann::json::parse(testing::ReadFile(dir.path() + "/v.json"));
  EXPECT_EQ(v["waivers"][0]["status"], "expiring");
  EXPECT_EQ(v["waivers"][0]["days_left"], 3);
}

TEST(GateBehaviourTest, UnknownSeverityCountsAsHighByDefault) {
  TempDir dir;
  // gomod.json: one medium and two unknown; GMS-2022-20 is shown under the
  // GHSA id its references name.
  const std::string gomod = Fixture("vuln/trivy/gomod.json");
  auto r = Vuln(dir, {gomod});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("UNKNOWN(HIGH) GHSA-qq97-vm5h-rrhg"), std::string::npos) << r.out;
  dir.Write("p.yaml", "vuln:\n  unknown_as: ignore\n");
  EXPECT_EQ(Vuln(dir, {"--policy", "p.yaml", gomod}).exit_code, 0);
}

TEST(GateBehaviourTest, HelpAndVersion) {
  TempDir dir;
  auto help = Vuln(dir, {"--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("Exit codes: 0 pass, 1 violations, 2 error"), std::string::npos);
  EXPECT_NE(help.out.find("--fail-on"), std::string::npos);
  auto version = RunProcess({GateBinary("secgate-vuln"), "--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out, "secgate-vuln 0.1.0\n");
}

// --- Bad input: exit 2 and one line naming the file and the problem. -------

struct BadCase {
  const char* name;
  std::vector<std::string> args;                       // {{REPORT}} = report.json
  std::string report;                                  // written to report.json when set
  std::vector<std::pair<std::string, std::string>> files;  // extra files
  std::string expected_err;                            // exact stderr
};

class BadInputTest : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadInputTest, ExitsTwoWithOneLine) {
  const BadCase& c = GetParam();
  TempDir dir;
  if (!c.report.empty()) dir.Write("report.json", c.report);
  for (const auto& [name, content] : c.files) dir.Write(name, content);
  auto r = Vuln(dir, c.args);
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_EQ(r.err, c.expected_err);
  EXPECT_EQ(r.out, "");
}

const std::string kGoodVuln =
    R"({"VulnerabilityID": "CVE-1", "PkgName": "p", "InstalledVersion": "1", "Severity": "HIGH"})";

std::string Report(const std::string& vuln) {
  return R"({"SchemaVersion": 2, "ArtifactName": "x", "Results": [{"Target": "t", "Vulnerabilities": [)" +
         vuln + "]}]}";
}

INSTANTIATE_TEST_SUITE_P(
    Errors, BadInputTest,
    ::testing::Values(
        BadCase{"missing_file", {"nope.json"}, "", {},
                "secgate-vuln: error: nope.json: cannot open: No such file or directory\n"},
        BadCase{"empty_file", {"report.json"}, "", {{"report.json", ""}},
                "secgate-vuln: error: report.json: file is empty\n"},
        BadCase{"truncated_json", {"report.json"}, R"({"SchemaVersion": 2, "Results": [)", {},
                "secgate-vuln: error: report.json:34: invalid JSON: unexpected end of input; "
                "expected a value\n"},
        BadCase{"wrong_type_for_string", {"report.json"},
                Report(R"({"VulnerabilityID": 17, "PkgName": "p"})"), {},
                "secgate-vuln: error: report.json:/Results/0/Vulnerabilities/0/VulnerabilityID: "
                "expected string, got number\n"},
        BadCase{"results_not_an_array", {"report.json"},
                R"({"SchemaVersion": 2, "ArtifactName": "x", "Results": {"Target": "t"}})", {},
                "secgate-vuln: error: report.json:/Results: expected array, got object\n"},
        BadCase{"unknown_severity", {"report.json"},
                Report(R"({"VulnerabilityID": "CVE-1", "PkgName": "p", "Severity": "SUPER"})"), {},
                "secgate-vuln: error: report.json:/Results/0/Vulnerabilities/0/Severity: unknown "
                "severity 'SUPER'\n"},
        BadCase{"missing_package_name", {"report.json"},
                Report(R"({"VulnerabilityID": "CVE-1", "Severity": "LOW"})"), {},
                "secgate-vuln: error: report.json:/Results/0/Vulnerabilities/0: missing PkgName\n"},
        BadCase{"unsupported_schema", {"report.json"}, R"({"SchemaVersion": 3, "Results": []})", {},
                "secgate-vuln: error: report.json:/SchemaVersion: unsupported Trivy SchemaVersion 3 "
                "(expected 2)\n"},
        BadCase{"waiver_without_expiry", {"report.json"}, Report(kGoodVuln),
                {{"secgate-waivers.yaml",
                  "version: 1\nwaivers:\n  - id: CVE-1\n    gate: vuln\n    reason: r\n"
                  "    owner: o@example.com\n    created: 2026-11-01\n"}},
                "secgate-vuln: error: secgate-waivers.yaml:3: waiver CVE-1: missing expires\n"},
        BadCase{"waiver_beyond_max_days", {"report.json"}, Report(kGoodVuln),
                {{"secgate-waivers.yaml",
                  "version: 1\nwaivers:\n  - id: CVE-1\n    gate: vuln\n    reason: r\n"
                  "    owner: o@example.com\n    created: 2026-11-01\n    expires: 2027-11-01\n"}},
                "secgate-vuln: error: secgate-waivers.yaml:8: waiver CVE-1: expires 2027-11-01 is "
                "more than 90 days after created 2026-11-01 (waivers.max_days)\n"},
        BadCase{"waiver_with_impossible_date", {"report.json"}, Report(kGoodVuln),
                {{"secgate-waivers.yaml",
                  "version: 1\nwaivers:\n  - id: CVE-1\n    gate: vuln\n    reason: r\n"
                  "    owner: o@example.com\n    created: 2026-11-01\n    expires: 2026-11-31\n"}},
                "secgate-vuln: error: secgate-waivers.yaml:8: waiver CVE-1: expires: '2026-11-31' "
                "is not a real date (YYYY-MM-DD)\n"},
        BadCase{"unknown_policy_key", {"report.json"}, Report(kGoodVuln),
                {{"secgate.yaml", "vuln:\n  fail_onn: critical\n"}},
                "secgate-vuln: error: secgate.yaml:2: unknown key 'vuln.fail_onn' (expected one "
                "of: fail_on, unknown_as, ignore_unfixed, ignore_dev, severity_source, limits, "
                "only_new, baseline, trust_vex, upstream_ignores)\n"},
        BadCase{"policy_not_found", {"--policy", "missing.yaml", "report.json"}, Report(kGoodVuln), {},
                "secgate-vuln: error: missing.yaml: cannot open: No such file or directory\n"},
        BadCase{"bad_fail_on", {"--fail-on", "severe", "report.json"}, Report(kGoodVuln), {},
                "secgate-vuln: error: --fail-on: unknown severity 'severe' (expected critical, "
                "high, medium or low)\n"},
        BadCase{"bad_today", {"--today", "2026-02-30", "report.json"}, Report(kGoodVuln), {},
                "secgate-vuln: error: --today: '2026-02-30' is not a real date (YYYY-MM-DD)\n"},
        BadCase{"bad_report_spec", {"--report", "json", "report.json"}, Report(kGoodVuln), {},
                "secgate-vuln: error: --report: expected FORMAT=PATH, got 'json'\n"},
        BadCase{"no_report_given", {}, "", {},
                "secgate-vuln: error: reports is required (see --help)\n"},
        BadCase{"stdin_twice", {"-", "-"}, "", {},
                "secgate-vuln: error: -: stdin can be read only once\n"},
        BadCase{"binary_file", {"report.json"}, std::string("\x7f" "ELF\0\0\x01", 7), {},
                "secgate-vuln: error: report.json: not a scanner report: binary data\n"}),
    [](const auto& info) { return std::string(info.param.name); });

// A JSON file that is not a scanner report: the message names the file and
// what was seen (the list of supported formats grows, so only its start is fixed).
TEST(GateBehaviourTest, JsonThatIsNotAReportIsAnError) {
  TempDir dir;
  dir.Write("other.json", R"({"name": "my-app", "version": "1.0.0"})");
  auto r = Vuln(dir, {"other.json"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.rfind("secgate-vuln: error: other.json: not a recognised scanner report (a JSON "
                        "object with keys: name, version); supported: ",
                        0),
            0u)
      << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1);
}

TEST(GateBehaviourTest, ErrorStillWritesAnErrorVerdict) {
  TempDir dir;
  auto r = Vuln(dir, {"--report", "json=v.json", "missing.json"});
  EXPECT_EQ(r.exit_code, 2);
  auto v = nlohmann::json::parse(testing::ReadFile(dir.path() + "/v.json"));
  EXPECT_EQ(v["verdict"], "error");
  EXPECT_EQ(v["exit_code"], 2);
  EXPECT_EQ(v["error"], "missing.json: cannot open: No such file or directory");
}

// Errors win over violations: one bad report among good ones is exit 2.
TEST(GateBehaviourTest, OneBadInputAmongGoodOnesIsAnError) {
  TempDir dir;
  dir.Write("empty.json", "");
  EXPECT_EQ(Vuln(dir, {kAlpine, "empty.json"}).exit_code, 2);
}

TEST(GateBehaviourTest, UnwritableReportIsAnError) {
  TempDir dir;
  auto r = Vuln(dir, {"--report", "json=no/such/dir/v.json", Fixture("vuln/trivy/amazon-2.json")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("secgate-vuln: error: no/such/dir/v.json: cannot write json report"),
            std::string::npos);
}

}  // namespace
}  // namespace secgate
