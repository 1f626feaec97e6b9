// secgate-waivers lint, end to end: exact messages with line numbers, exit
// codes 0/1/2, the shipped example file, --help.
#include <gtest/gtest.h>

#include "tests/e2e/waivers/e2e_util.h"

namespace secgate::testing {
namespace {

TEST(LintE2e, EveryProblemWithFileAndLine) {
  TempDir dir;
  dir.Write("secgate-waivers.yaml", R"(version: 1
waivers:
  - id: CVE-2024-0001
    gate: vuln
    reason: ok
    owner: a@example.com
    created: 2026-03-01
    expires: 2026-08-01
  - id: "*"
    gate: vuln
    reason: everything
    owner: TODO
    created: 2026-03-01
    expires: 2026-04-01
  - id: CVE-2024-0001
    gate: vuln
    package: pkg:npm/lodash@4.17.20
    path: "**"
    reason: narrower
    owner: b@example.com
    created: 2026-03-01
    expires: 2026-03-31
  - id: secret:aws:zz
    gate: secrets
    reason: test key
    owner: c@example.com
    created: 2026-05-01
    expires: 2026-05-02
)");
  ProcessResult r = Waivers({"lint", "--today", kToday}, dir.path());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.out,
            "secgate-waivers.yaml:8: waiver CVE-2024-0001: expires 2026-08-01 is more than 90 days "
            "after created 2026-03-01 (waivers.max_days)\n"
            "secgate-waivers.yaml:9: waiver *: id '*' waives everything (set "
            "waivers.allow_wildcards to allow)\n"
            "secgate-waivers.yaml:12: waiver *: missing owner (placeholder 'TODO')\n"
            "secgate-waivers.yaml:15: waiver CVE-2024-0001: overlaps the entry on line 3 (its "
            "scope already covers this one)\n"
            "secgate-waivers.yaml:18: waiver CVE-2024-0001: path '**' matches everything (set "
            "waivers.allow_wildcards to allow)\n"
            "secgate-waivers.yaml:23: waiver secret:aws:zz: id 'secret:aws:zz' is not a secret "
            "fingerprint (secret:<rule>:<16 hex>) or rule id\n"
            "secgate-waivers.yaml:23: waiver secret:aws:zz: created 2026-05-01 is in the future "
            "(today is 2026-04-01)\n");
  EXPECT_EQ(r.err, "secgate-waivers.yaml: 7 problems in 4 waivers\n");
}

TEST(LintE2e, PolicyAllowsWildcardsAndLongerExpiry) {
  TempDir dir;
  std::string waivers = dir.Write("w.yaml", "version: 1\nwaivers:\n" +
                                                Entry("\"*\"", "a@example.com", "2026-03-01", "2026-12-01"));
  std::string policy = dir.Write("p.yaml", "waivers:\n  max_days: 365\n  allow_wildcards: true\n");
  ProcessResult strict = Waivers({"lint", waivers, "--today", kToday});
  EXPECT_EQ(strict.exit_code, 1);
  ProcessResult lax = Waivers({"lint", waivers, "--policy", policy, "--today", kToday});
  EXPECT_EQ(lax.exit_code, 0) << lax.out;
  EXPECT_EQ(lax.out, "");
  EXPECT_EQ(lax.err, waivers + ": 1 waiver, no problems\n");
}

// --codeowners warns (stderr, exit unchanged) until CODEOWNERS covers the
// waiver file with an owner, as a branch protection's "require review from
// code owners" needs.
TEST(LintE2e, CodeownersWarnsUntilAnOwnerCoversTheFile) {
  TempDir dir;
  dir.Write("secgate-waivers.yaml", "version: 1\nwaivers:\n" +
                                        Entry("CVE-2024-0001", "sec@example.com", "2026-03-01",
                                              "2026-05-01"));
  auto r = Waivers({"lint", "--today", kToday, "--codeowners"}, dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("secgate-waivers.yaml: warning: no CODEOWNERS file"), std::string::npos) << r.err;
  dir.Write(".github/CODEOWNERS", "*.go @backend\n");
  r = Waivers({"lint", "--today", kToday, "--codeowners"}, dir.path());
  EXPECT_NE(r.err.find("warning: no entry in .github/CODEOWNERS covers the waiver file"),
            std::string::npos) << r.err;
  dir.Write(".github/CODEOWNERS", "*.go @backend\n/secgate-waivers.yaml @org/security\n");
  r = Waivers({"lint", "--today", kToday, "--codeowners"}, dir.path());
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err.find("warning"), std::string::npos) << r.err;
  // Without the flag nothing is said about CODEOWNERS.
  dir.Write(".github/CODEOWNERS", "*.go @backend\n");
  r = Waivers({"lint", "--today", kToday}, dir.path());
  EXPECT_EQ(r.err.find("CODEOWNERS"), std::string::npos) << r.err;
}

TEST(LintE2e, UnreadableOrNotAWaiverFileIsExit2) {
  TempDir dir;
  ProcessResult missing = Waivers({"lint", "nope.yaml"}, dir.path());
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_EQ(missing.err.rfind("secgate-waivers: error: nope.yaml", 0), 0u) << missing.err;
  EXPECT_EQ(missing.out, "");

  dir.Write("bad.yaml", "version: 1\nwaivers: [\n");
  ProcessResult bad = Waivers({"lint", "bad.yaml"}, dir.path());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err.rfind("secgate-waivers: error: bad.yaml:", 0), 0u) << bad.err;

  dir.Write("v2.yaml", "version: 2\nwaivers: []\n");
  ProcessResult v2 = Waivers({"lint", "v2.yaml"}, dir.path());
  EXPECT_EQ(v2.exit_code, 2);
  EXPECT_EQ(v2.err, "secgate-waivers: error: v2.yaml:1: version: expected 1\n");

  ProcessResult bad_today = Waivers({"lint", "v2.yaml", "--today", "2026-13-01"}, dir.path());
  EXPECT_EQ(bad_today.exit_code, 2);
  EXPECT_EQ(bad_today.err,
            "secgate-waivers: error: --today: '2026-13-01' is not a real date (YYYY-MM-DD)\n");
}

TEST(LintE2e, ShippedExampleLintsClean) {
  ProcessResult r = Waivers({"lint", SourceRoot() + "/waivers/example.yaml", "--today", "2026-11-20"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(r.out, "");
}

TEST(LintE2e, HelpAndUsage) {
  ProcessResult help = Waivers({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  for (const char* cmd : {"lint", "baseline", "report", "import", "renew"})
    EXPECT_NE(help.out.find(cmd), std::string::npos) << cmd;
  ProcessResult none = Waivers({});
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_EQ(none.err.rfind("secgate-waivers: error: ", 0), 0u);
  ProcessResult unknown = Waivers({"frobnicate"});
  EXPECT_EQ(unknown.exit_code, 2);
}

}  // namespace
}  // namespace secgate::testing
