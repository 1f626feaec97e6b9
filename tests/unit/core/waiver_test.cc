// Tests for gates/core/waiver.h: parsing and validation (every problem with
// its line, blank fields, checks against today), matching a waiver against a
// finding (globs: glob_test.cc).
#include "gates/core/waiver.h"

#include <gtest/gtest.h>

namespace secgate::core {
namespace {

// Late enough that no date in these tests is in the future.
const Date kToday{2099, 12, 31};

WaiverFile Parse(const std::string& yaml, WaiverPolicy policy = {}) {
  auto r = ParseWaiverFile(yaml, "w.yaml", policy, kToday);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().ToString());
  return r.ok() ? *r : WaiverFile{};
}

std::vector<std::string> Messages(const WaiverFile& f) {
  std::vector<std::string> out;
  for (const auto& p : f.problems) out.push_back(std::to_string(p.line) + ": " + p.message);
  return out;
}

const char* kGood = R"(version: 1
waivers:
  - id: CVE-2024-12345
    gate: vuln
    package: pkg:npm/lodash
    path: services/api/**
    reason: Not reachable
    owner: jane@example.com
    ticket: SEC-1
    created: 2026-11-01
    expires: 2027-01-29
)";

TEST(WaiverParse, ReadsEveryField) {
  WaiverFile f = Parse(kGood);
  ASSERT_EQ(f.waivers.size(), 1u);
  EXPECT_TRUE(f.problems.empty());
  const Waiver& w = f.waivers[0];
  EXPECT_EQ(w.id, "CVE-2024-12345");
  EXPECT_EQ(w.gate, Gate::kVuln);
  EXPECT_EQ(w.package, "pkg:npm/lodash");
  EXPECT_EQ(w.path, "services/api/**");
  EXPECT_EQ(w.owner, "jane@example.com");
  EXPECT_EQ(w.ticket, "SEC-1");
  EXPECT_EQ(w.created->ToString(), "2026-11-01");
  EXPECT_EQ(w.expires->ToString(), "2027-01-29");
  EXPECT_EQ(w.line, 3);
  EXPECT_TRUE(w.valid);
  EXPECT_EQ(f.source, "w.yaml");
  EXPECT_EQ(f.sha256.size(), 64u);
}

TEST(WaiverParse, CollectsEveryProblemWithItsLine) {
  WaiverFile f = Parse(R"(version: 1
waivers:
  - id: CVE-2024-1
    gate: vuln
    reason: r
    created: 2026-01-01
    expires: 2026-02-30
  - id: not an id
    gate: nope
    reason: TODO
    owner: a
    created: 2026-01-01
    expires: 2026-01-02
    colour: red
)");
  ASSERT_EQ(f.waivers.size(), 2u);
  EXPECT_FALSE(f.waivers[0].valid);
  EXPECT_FALSE(f.waivers[1].valid);
  std::vector<std::string> want = {
      "3: waiver CVE-2024-1: missing owner",
      "7: waiver CVE-2024-1: expires: '2026-02-30' is not a real date (YYYY-MM-DD)",
      "8: waiver not an id: id 'not an id' is not a vulnerability id (CVE-\u2026, GHSA-\u2026, "
      "\u2026) or vuln fingerprint",
      "8: waiver not an id: id 'not an id' contains white space",
      "9: waiver not an id: gate: unknown gate 'nope' (expected vuln, secrets, sbom or code)",
      "10: waiver not an id: missing reason (placeholder 'TODO')",
      "14: waiver not an id: unknown key 'colour'",
  };  // sorted by line, as lint prints them
  EXPECT_EQ(Messages(f), want);
}

TEST(WaiverParse, ExpiryBeyondMaxDaysAndBeforeCreated) {
  WaiverPolicy p;
  p.max_days = 30;
  WaiverFile f = Parse(R"(version: 1
waivers:
  - {id: CVE-2024-1, gate: vuln, reason: r, owner: o, created: 2026-01-01, expires: 2026-03-01}
  - {id: CVE-2024-2, gate: vuln, reason: r, owner: o, created: 2026-01-10, expires: 2026-01-01}
)", p);
  std::vector<std::string> want = {
      "3: waiver CVE-2024-1: expires 2026-03-01 is more than 30 days after created 2026-01-01 "
      "(waivers.max_days)",
      "4: waiver CVE-2024-2: expires 2026-01-01 is before created 2026-01-10"};
  EXPECT_EQ(Messages(f), want);
}

TEST(WaiverParse, RenewalMovesTheLimitAndKeepsBy) {
  WaiverPolicy p;
  p.max_days = 30;
  WaiverFile f = Parse(R"(version: 1
waivers:
  - id: CVE-2024-1
    gate: vuln
    reason: r
    owner: o
    created: 2026-01-01
    expires: 2026-03-01
    renewed:
      - {date: 2026-02-01, from: 2026-01-31, until: 2026-03-01, reason: still needed, by: lead}
)", p);
  EXPECT_TRUE(f.problems.empty()) << Messages(f)[0];
  ASSERT_EQ(f.waivers[0].renewed.size(), 1u);
  EXPECT_EQ(f.waivers[0].renewed[0].by, "lead");
  EXPECT_EQ(f.waivers[0].renewed[0].until, "2026-03-01");
}

TEST(WaiverParse, WildcardsAndMalformedIds) {
  WaiverFile f = Parse(R"(version: 1
waivers:
  - {id: "*", gate: vuln, reason: r, owner: o, created: 2026-01-01, expires: 2026-01-02}
  - {id: CVE-2024-9, gate: vuln, path: "**", reason: r, owner: o, created: 2026-01-01, expires: 2026-01-02}
  - {id: secret:aws:xyz, gate: secrets, reason: r, owner: o, created: 2026-01-01, expires: 2026-01-02}
  - {id: CVE-2024-8, gate: vuln, package: "pkg:", reason: r, owner: o, created: 2026-01-01, expires: 2026-01-02}
  - {id: CVE-2024-7, gate: vuln, package: "lodash js", reason: r, owner: o, created: 2026-01-01, expires: 2026-01-02}
)");
  std::vector<std::string> want = {
      "3: waiver *: id '*' waives everything (set waivers.allow_wildcards to allow)",
      "4: waiver CVE-2024-9: path '**' matches everything (set waivers.allow_wildcards to allow)",
      "5: waiver secret:aws:xyz: id 'secret:aws:xyz' is not a secret fingerprint "
      "(secret:<rule>:<16 hex>) or rule id",
      "6: waiver CVE-2024-8: package: 'pkg:' is not a valid purl",
      "7: waiver CVE-2024-7: package: 'lodash js' is not a purl or package name"};
  EXPECT_EQ(Messages(f), want);

  WaiverPolicy allow;
  allow.allow_wildcards = true;
  WaiverFile g = Parse(R"(version: 1
waivers:
  - {id: "*", gate: vuln, path: "**", reason: r, owner: o, created: 2026-01-01, expires: 2026-01-02}
)", allow);
  EXPECT_TRUE(g.problems.empty());
}

TEST(WaiverParse, DuplicatesAreProblems) {
  WaiverFile f = Parse(R"(version: 1
waivers:
  - {id: CVE-2024-1, gate: vuln, reason: r, owner: o, created: 2026-01-01, expires: 2026-01-02}
  - {id: cve-2024-1, gate: vuln, reason: r, owner: o, created: 2026-01-01, expires: 2026-01-02}
)");
  ASSERT_EQ(f.problems.size(), 1u);
  EXPECT_EQ(f.problems[0].line, 4);
  EXPECT_EQ(f.problems[0].index, 1);
  EXPECT_TRUE(f.waivers[0].valid);
  EXPECT_FALSE(f.waivers[1].valid);
}

TEST(WaiverParse, FileLevelErrors) {
  auto bad_version = ParseWaiverFile("version: 2\nwaivers: []\n", "w.yaml", {}, kToday);
  ASSERT_FALSE(bad_version.ok());
  EXPECT_EQ(bad_version.error().ToString(), "w.yaml:1: version: expected 1");
  auto not_list = ParseWaiverFile("version: 1\nwaivers: 3\n", "w.yaml", {}, kToday);
  ASSERT_FALSE(not_list.ok());
  EXPECT_EQ(not_list.error().ToString(), "w.yaml:2: waivers: expected a list");
  auto not_yaml = ParseWaiverFile("version: [1\n", "w.yaml", {}, kToday);
  EXPECT_FALSE(not_yaml.ok());
  auto empty = ParseWaiverFile("version: 1\nwaivers:\n", "w.yaml", {}, kToday);
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->waivers.empty());
}

Finding VulnFinding() {
  Finding f;
  f.gate = Gate::kVuln;
  f.id = "CVE-2024-1";
  f.aliases = {"GHSA-aaaa-bbbb-cccc"};
  f.related = {"DSA-5000-1"};
  f.package = {"lodash", "4.17.20", "npm", "pkg:npm/lodash@4.17.20"};
  f.location.target = "package-lock.json";
  f.fingerprint = "vuln:0123456789abcdef";
  return f;
}

Waiver W(const std::string& id, const std::string& package = "", const std::string& path = "") {
  Waiver w;
  w.id = id;
  w.package = package;
  w.path = path;
  return w;
}

TEST(WaiverMatches, IdAliasRelatedAndFingerprint) {
  Finding f = VulnFinding();
  EXPECT_TRUE(WaiverMatches(W("cve-2024-1"), f));
  EXPECT_TRUE(WaiverMatches(W("GHSA-AAAA-bbbb-cccc"), f));
  EXPECT_TRUE(WaiverMatches(W("DSA-5000-1"), f));
  EXPECT_TRUE(WaiverMatches(W("vuln:0123456789abcdef"), f));
  EXPECT_FALSE(WaiverMatches(W("CVE-2024-2"), f));
  Waiver other_gate = W("CVE-2024-1");
  other_gate.gate = Gate::kSbom;
  EXPECT_FALSE(WaiverMatches(other_gate, f));
}

TEST(WaiverMatches, PackageScopes) {
  Finding f = VulnFinding();
  EXPECT_TRUE(WaiverMatches(W("CVE-2024-1", "pkg:npm/lodash"), f));
  EXPECT_TRUE(WaiverMatches(W("CVE-2024-1", "pkg:npm/lodash@4.17.20"), f));
  EXPECT_FALSE(WaiverMatches(W("CVE-2024-1", "pkg:npm/lodash@4.17.21"), f));
  EXPECT_FALSE(WaiverMatches(W("CVE-2024-1", "pkg:pypi/lodash"), f));
  EXPECT_TRUE(WaiverMatches(W("CVE-2024-1", "lodash"), f));
  EXPECT_TRUE(WaiverMatches(W("CVE-2024-1", "lodash@4.17.20"), f));
  EXPECT_FALSE(WaiverMatches(W("CVE-2024-1", "lodash@1.0.0"), f));
  EXPECT_FALSE(WaiverMatches(W("CVE-2024-1", "underscore"), f));
}

TEST(WaiverMatches, PathScopeOverPathOrTarget) {
  Finding f = VulnFinding();
  EXPECT_TRUE(WaiverMatches(W("CVE-2024-1", "", "package-lock.json"), f));
  EXPECT_TRUE(WaiverMatches(W("CVE-2024-1", "", "*.json"), f));
  EXPECT_FALSE(WaiverMatches(W("CVE-2024-1", "", "services/**"), f));
  f.location.path = "services/api/x.js";
  EXPECT_TRUE(WaiverMatches(W("CVE-2024-1", "", "services/**"), f));
}

TEST(WaiverMatches, WildcardIds) {
  Finding f = VulnFinding();
  EXPECT_TRUE(WaiverMatches(W("*"), f));
  EXPECT_TRUE(WaiverMatches(W("CVE-2024-*"), f));
  EXPECT_FALSE(WaiverMatches(W("CVE-2023-*"), f));
}

// A secrets waiver may name a rule id within a path scope (a Trivy report's
// secrets carry no value to fingerprint by hand); alone it would waive the
// rule everywhere.
TEST(WaiverParse, SecretRuleIdNeedsAPathScope) {
  WaiverFile f = Parse(R"(version: 1
waivers:
  - {id: aws-access-key-id, gate: secrets, path: "deploy/*.sh", reason: r, owner: o, created: 2026-01-01, expires: 2026-01-02}
  - {id: github-pat, gate: secrets, reason: r, owner: o, created: 2026-01-01, expires: 2026-01-02}
  - {id: "bad rule!", gate: secrets, path: a, reason: r, owner: o, created: 2026-01-01, expires: 2026-01-02}
  - {id: slack-token, gate: secrets, path: "**", reason: r, owner: o, created: 2026-01-01, expires: 2026-01-02}
)");
  std::vector<std::string> want = {
      "4: waiver github-pat: id 'github-pat' is a rule id: give a path scope, or use the "
      "fingerprint",
      "5: waiver bad rule!: id 'bad rule!' is not a secret fingerprint (secret:<rule>:<16 hex>) "
      "or rule id",
      "5: waiver bad rule!: id 'bad rule!' contains white space",
      "6: waiver slack-token: path '**' matches everything (set waivers.allow_wildcards to allow)"};
  EXPECT_EQ(Messages(f), want);
  ASSERT_EQ(f.waivers.size(), 4u);
  EXPECT_TRUE(f.waivers[0].valid);

  Finding secret;
  secret.gate = Gate::kSecrets;
  secret.id = "aws-access-key-id";
  secret.location.path = "deploy/run.sh";
  EXPECT_TRUE(WaiverMatches(f.waivers[0], secret));
  secret.location.path = "src/run.sh";
  EXPECT_FALSE(WaiverMatches(f.waivers[0], secret));
  secret.gate = Gate::kVuln;  // same id, another gate
  secret.location.path = "deploy/run.sh";
  EXPECT_FALSE(WaiverMatches(f.waivers[0], secret));
}

// The security review's waiver holes: blank fields (item 22) and the checks
// that need today (8), on the review's day.
const Date kReviewDay{2026, 4, 1};

std::vector<std::string> Problems(const std::string& entry, WaiverPolicy policy = {}) {
  auto f = ParseWaiverFile("version: 1\nwaivers:\n" + entry, "w.yaml", policy, kReviewDay);
  EXPECT_TRUE(f.ok()) << (f.ok() ? "" : f.error().ToString());
  return f.ok() ? Messages(*f) : std::vector<std::string>{};
}

std::string Entry(const std::string& owner, const std::string& extra = "") {
  return "  - id: CVE-2024-1\n    gate: vuln\n    reason: r\n    owner: " + owner +
         "\n    created: 2026-03-01\n    expires: 2026-04-30\n" + extra;
}

TEST(WaiverBlankFields, TrimmedBeforePlaceholderCheck) {
  EXPECT_EQ(Problems(Entry("' '")),
            std::vector<std::string>{"6: waiver CVE-2024-1: missing owner (placeholder ' ')"});
  EXPECT_EQ(Problems(Entry("'  todo later'")).size(), 1u);
  EXPECT_EQ(Problems(Entry("\"\\u00a0\\u200b\\u3000\"")).size(), 1u);  // NBSP, ZWSP, ideographic
  EXPECT_EQ(Problems(Entry("\"\\t\\ufeff\"")).size(), 1u);
  EXPECT_TRUE(Problems(Entry("' alice '")).empty());
  EXPECT_TRUE(Problems(Entry("\"\\u00a0bob\"")).empty());
}

TEST(WaiverBlankFields, BlankTicketUnderRequireTicket) {
  WaiverPolicy p;
  p.require_ticket = true;
  EXPECT_EQ(Problems(Entry("a", "    ticket: ' '\n"), p),
            std::vector<std::string>{"9: waiver CVE-2024-1: missing ticket (placeholder ' ')"});
  EXPECT_EQ(Problems(Entry("a"), p),
            std::vector<std::string>{"3: waiver CVE-2024-1: missing ticket"});
  EXPECT_TRUE(Problems(Entry("a", "    ticket: SEC-1\n"), p).empty());
}

TEST(WaiverToday, RenewalAfterTodayNeverExtendsTheSpan) {
  std::string renewed = "    renewed:\n      - {date: 2026-04-02, from: 2026-04-30, until: 2026-06-30, "
                        "reason: r}\n";
  auto got = Problems(Entry("a", renewed));
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0], "10: waiver CVE-2024-1: renewed.date 2026-04-02 is in the future (today is "
                    "2026-04-01)");
  std::string today_renewal = "    renewed:\n      - {date: 2026-04-01, from: 2026-04-30, until: "
                              "2026-06-30, reason: r}\n";
  EXPECT_TRUE(Problems(Entry("a", today_renewal)).empty());
}

}  // namespace
}  // namespace secgate::core
