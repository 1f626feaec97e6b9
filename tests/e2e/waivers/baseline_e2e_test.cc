// secgate-waivers baseline, end to end: findings of several gates become
// waivers; merging into an existing file twice adds nothing the second time
// and keeps the existing text (comments included) byte for byte.
#include <gtest/gtest.h>

#include "tests/e2e/waivers/e2e_util.h"

namespace secgate::testing {
namespace {

const char* kExisting = R"(# Owned by the security team. Keep sorted by gate.
version: 1
waivers:
  # lodash: template() is never called
  - id: CVE-2024-0001
    gate: vuln
    package: pkg:npm/lodash
    reason: Not reachable
    owner: jane@example.com
    created: 2026-03-01
    expires: 2026-05-01
)";

void WriteResults(const TempDir& dir) {
  dir.Write("vuln.json", VerdictJson("vuln", {{"CVE-2024-0001", "pkg:npm/lodash@4.17.20", "", ""},
                                              {"CVE-2024-0002", "pkg:npm/axios@0.21.0", "", ""},
                                              {"CVE-2024-0002", "pkg:npm/axios@0.21.0", "", ""},
                                              {"GHSA-aaaa-bbbb-cccc", "pkg:npm/minimist@1.2.0", "", ""}}));
  dir.Write("secrets.json",
            VerdictJson("secrets", {{"github-pat", "", "config/dev.env", "secret:github-pat:0123456789abcdef"}}));
}

TEST(BaselineE2e, MergeTwiceAddsNothingTheSecondTime) {
  TempDir dir;
  WriteResults(dir);
  dir.Write("secgate-waivers.yaml", kExisting);
  std::vector<std::string> args = {"baseline", "--from", "vuln.json", "--from", "secrets.json",
                                   "--waivers", "secgate-waivers.yaml", "--owner", "lead@example.com",
                                   "--days", "30", "--today", kToday};
  ProcessResult first = Waivers(args, dir.path());
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.err, "secgate-waivers: baseline: 5 findings, 3 new waivers, 2 already covered\n");
  EXPECT_EQ(first.out.rfind(kExisting, 0), 0u) << "existing text kept first, byte for byte";
  EXPECT_EQ(first.out.substr(std::string(kExisting).size()),
            "\n  - id: CVE-2024-0002\n    gate: vuln\n    package: pkg:npm/axios@0.21.0\n"
            "    reason: \"baseline: pre-existing at adoption\"\n    owner: lead@example.com\n"
            "    created: 2026-04-01\n    expires: 2026-05-01\n"
            "\n  - id: GHSA-aaaa-bbbb-cccc\n    gate: vuln\n    package: pkg:npm/minimist@1.2.0\n"
            "    reason: \"baseline: pre-existing at adoption\"\n    owner: lead@example.com\n"
            "    created: 2026-04-01\n    expires: 2026-05-01\n"
            "\n  - id: secret:github-pat:0123456789abcdef\n    gate: secrets\n    path: config/dev.env\n"
            "    reason: \"baseline: pre-existing at adoption\"\n    owner: lead@example.com\n"
            "    created: 2026-04-01\n    expires: 2026-05-01\n");
  dir.Write("secgate-waivers.yaml", first.out);

  ProcessResult second = Waivers(args, dir.path());
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(second.out, first.out);
  EXPECT_EQ(second.err, "secgate-waivers: baseline: 5 findings, 0 new waivers, 5 already covered\n");
  EXPECT_EQ(Count(second.out, "- id: "), 4);

  ProcessResult lint = Waivers({"lint", "--today", kToday}, dir.path());
  EXPECT_EQ(lint.exit_code, 0) << lint.out;
  ProcessResult report = Waivers({"report", "--results", "vuln.json", "--results", "secrets.json",
                                  "--format", "json", "--today", kToday}, dir.path());
  EXPECT_EQ(report.exit_code, 0) << report.err;
  EXPECT_NE(report.out.find("\"unused\": 0"), std::string::npos) << report.out;
}

TEST(BaselineE2e, FreshFileIsDeterministicAndDefaultsToMaxDays) {
  TempDir dir;
  WriteResults(dir);
  std::vector<std::string> args = {"baseline", "--from", "vuln.json", "--today", kToday,
                                   "--output", "out.yaml"};
  ASSERT_EQ(Waivers(args, dir.path()).exit_code, 0);
  std::string once = ReadFile(dir.path() + "/out.yaml");
  ASSERT_EQ(Waivers(args, dir.path()).exit_code, 0);
  EXPECT_EQ(ReadFile(dir.path() + "/out.yaml"), once);
  EXPECT_EQ(Count(once, "- id: "), 3);
  EXPECT_EQ(Count(once, "    owner: unassigned\n"), 3);
  EXPECT_EQ(Count(once, "    expires: 2026-06-30\n"), 3) << once;  // + 90 days
  EXPECT_EQ(Waivers({"lint", "out.yaml", "--today", kToday}, dir.path()).exit_code, 0);
}

TEST(BaselineE2e, RealVulnGatePassesWithItsBaseline) {
  TempDir dir;
  std::string results = dir.path() + "/vuln.json";
  std::string fixture = Fixture("vuln/trivy/alpine-39.json");
  ProcessResult before = RunProcess({GateBinary("secgate-vuln"), fixture, "--report",
                                     "json=" + results, "--today", kToday, "--quiet"});
  ASSERT_EQ(before.exit_code, 1) << "the fixture must fail the gate to prove anything";
  ProcessResult base = Waivers({"baseline", "--from", results, "--today", kToday, "--output",
                                "secgate-waivers.yaml"}, dir.path());
  ASSERT_EQ(base.exit_code, 0) << base.err;
  ProcessResult after = RunProcess({GateBinary("secgate-vuln"), fixture, "--waivers",
                                    dir.path() + "/secgate-waivers.yaml", "--today", kToday, "--quiet"});
  EXPECT_EQ(after.exit_code, 0) << after.err;
}

TEST(BaselineE2e, Errors) {
  TempDir dir;
  WriteResults(dir);
  ProcessResult days = Waivers({"baseline", "--from", "vuln.json", "--days", "91"}, dir.path());
  EXPECT_EQ(days.exit_code, 2);
  EXPECT_EQ(days.err, "secgate-waivers: error: --days: 91 is outside 1..90 (waivers.max_days)\n");
  ProcessResult no_from = Waivers({"baseline"}, dir.path());
  EXPECT_EQ(no_from.exit_code, 2);
  dir.Write("list.json", "[]");
  ProcessResult wrong = Waivers({"baseline", "--from", "list.json"}, dir.path());
  EXPECT_EQ(wrong.exit_code, 2);
  EXPECT_EQ(wrong.err, "secgate-waivers: error: list.json: expected a secgate.verdict/v1 JSON object\n");
  EXPECT_EQ(wrong.out, "");
}

}  // namespace
}  // namespace secgate::testing
