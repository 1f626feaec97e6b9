// One validator (security review item 8, and 22/23): every problem
// `secgate-waivers lint` reports also makes a gate refuse the waiver file
// (exit 2 with the same message), because both call core::ParseWaiverFile.
// Each case is a waiver file with one problem; the same file is linted and
// given to the real secgate-vuln on an empty Trivy report.
#include <gtest/gtest.h>

#include "tests/e2e/waivers/e2e_util.h"

namespace secgate::testing {
namespace {

constexpr const char* kEmptyTrivy = R"({"SchemaVersion": 2, "Results": []})";

struct LintCase {
  const char* name;
  std::string entries;  ///< Waiver entries (block style, under "waivers:").
  std::string problem;  ///< The lint line, "secgate-waivers.yaml:LINE: message".
  std::string policy = "version: 1\n";
  std::string second_problem;  ///< A consequence of the first, if any.
};

// A good entry (lines 3-8) that cases reuse; kToday is 2026-04-01.
const std::string kGood = Entry("CVE-2024-0001", "a@example.com", "2026-03-01", "2026-05-01");

// Path scopes that name nothing (only `*`, `**`, `?`, `/`), however spelled.
std::vector<LintCase> PathCases() {
  std::vector<LintCase> out;
  for (const char* glob : {"?*", "*?", "***", "**/**", "*?*", "*/*", "/"}) {
    out.push_back({glob,
                   Entry("CVE-2024-0002", "a@example.com", "2026-03-01", "2026-05-01", "reviewed",
                         "    path: '" + std::string(glob) + "'\n"),
                   "secgate-waivers.yaml:5: waiver CVE-2024-0002: path '" + std::string(glob) +
                       "' matches everything (set waivers.allow_wildcards to allow)"});
  }
  return out;
}

std::vector<LintCase> Cases() {
  std::vector<LintCase> cases = PathCases();
  std::vector<LintCase> more = {
      {"created_in_future", Entry("CVE-2024-0002", "a@example.com", "2026-04-02", "2026-05-01"),
       "secgate-waivers.yaml:3: waiver CVE-2024-0002: created 2026-04-02 is in the future "
       "(today is 2026-04-01)"},
      // A renewal dated later made max_days count from a future day: the
      // span is counted from `created` instead.
      {"renewed_in_future",
       Entry("CVE-2024-0002", "a@example.com", "2026-03-01", "2026-12-20", "reviewed",
             "    renewed:\n      - {date: 2026-12-01, from: 2026-05-01, until: 2026-12-20, "
             "reason: r}\n"),
       "secgate-waivers.yaml:6: waiver CVE-2024-0002: renewed.date 2026-12-01 is in the future "
       "(today is 2026-04-01)",
       "version: 1\n",
       "secgate-waivers.yaml:10: waiver CVE-2024-0002: expires 2026-12-20 is more than 90 days "
       "after created 2026-03-01 (waivers.max_days)"},
      {"overlapping_scopes",
       kGood + Entry("CVE-2024-0001", "b@example.com", "2026-03-01", "2026-05-01", "reviewed",
                     "    package: pkg:npm/lodash\n"),
       "secgate-waivers.yaml:9: waiver CVE-2024-0001: overlaps the entry on line 3 (its scope "
       "already covers this one)"},
      {"exact_duplicate", kGood + kGood,
       "secgate-waivers.yaml:9: waiver CVE-2024-0001: duplicate of an earlier entry with the "
       "same gate, id and scopes"},
      {"blank_owner", Entry("CVE-2024-0002", "' '", "2026-03-01", "2026-05-01"),
       "secgate-waivers.yaml:6: waiver CVE-2024-0002: missing owner (placeholder ' ')"},
      {"padded_todo_owner", Entry("CVE-2024-0002", "'  TODO'", "2026-03-01", "2026-05-01"),
       "secgate-waivers.yaml:6: waiver CVE-2024-0002: missing owner (placeholder '  TODO')"},
      {"blank_reason", Entry("CVE-2024-0002", "a@example.com", "2026-03-01", "2026-05-01", "   "),
       "secgate-waivers.yaml:5: waiver CVE-2024-0002: missing reason (placeholder '   ')"},
      {"blank_ticket_required",
       Entry("CVE-2024-0002", "a@example.com", "2026-03-01", "2026-05-01", "reviewed",
             "    ticket: '  '\n"),
       "secgate-waivers.yaml:5: waiver CVE-2024-0002: missing ticket (placeholder '  ')",
       "version: 1\nwaivers:\n  require_ticket: true\n"},
      {"wildcard_id", Entry("CVE-*", "a@example.com", "2026-03-01", "2026-05-01"),
       "secgate-waivers.yaml:3: waiver CVE-*: id 'CVE-*' waives everything (set "
       "waivers.allow_wildcards to allow)"},
      {"too_long", Entry("CVE-2024-0002", "a@example.com", "2026-03-01", "2026-07-01"),
       "secgate-waivers.yaml:8: waiver CVE-2024-0002: expires 2026-07-01 is more than 90 days "
       "after created 2026-03-01 (waivers.max_days)"},
      {"expires_before_created", Entry("CVE-2024-0002", "a@example.com", "2026-03-01", "2026-02-01"),
       "secgate-waivers.yaml:8: waiver CVE-2024-0002: expires 2026-02-01 is before created "
       "2026-03-01"},
      {"not_a_date", Entry("CVE-2024-0002", "a@example.com", "2026-02-30", "2026-05-01"),
       "secgate-waivers.yaml:7: waiver CVE-2024-0002: created: '2026-02-30' is not a real date "
       "(YYYY-MM-DD)"},
      {"unknown_key", Entry("CVE-2024-0002", "a@example.com", "2026-03-01", "2026-05-01",
                            "reviewed", "    colour: red\n"),
       "secgate-waivers.yaml:5: waiver CVE-2024-0002: unknown key 'colour'"},
      {"bad_purl", Entry("CVE-2024-0002", "a@example.com", "2026-03-01", "2026-05-01",
                         "reviewed", "    package: 'pkg:'\n"),
       "secgate-waivers.yaml:5: waiver CVE-2024-0002: package: 'pkg:' is not a valid purl"},
  };
  cases.insert(cases.end(), more.begin(), more.end());
  return cases;
}

std::string File(const std::string& entries) { return "version: 1\nwaivers:\n" + entries; }

TEST(WaiverHolesE2e, GoodFilePassesLintAndGate) {
  TempDir dir;
  dir.Write("secgate-waivers.yaml", File(kGood));
  dir.Write("trivy.json", kEmptyTrivy);
  EXPECT_EQ(Waivers({"lint", "--today", kToday}, dir.path()).exit_code, 0);
  ProcessResult gate = RunProcess({GateBinary("secgate-vuln"), "--today", kToday, "--quiet",
                                   "trivy.json"},
                                  {.cwd = dir.path()});
  EXPECT_EQ(gate.exit_code, 0) << gate.err;
}

TEST(WaiverHolesE2e, EveryLintCheckFailsAGateRun) {
  for (const LintCase& c : Cases()) {
    SCOPED_TRACE(c.name);
    TempDir dir;
    dir.Write("secgate-waivers.yaml", File(c.entries));
    dir.Write("secgate.yaml", c.policy);
    dir.Write("trivy.json", kEmptyTrivy);
    ProcessResult lint = Waivers({"lint", "--today", kToday}, dir.path());
    EXPECT_EQ(lint.exit_code, 1) << lint.err;
    const bool two = !c.second_problem.empty();
    EXPECT_EQ(lint.out, c.problem + "\n" + (two ? c.second_problem + "\n" : ""));
    ProcessResult gate = RunProcess({GateBinary("secgate-vuln"), "--today", kToday, "--quiet",
                                     "trivy.json"},
                                    {.cwd = dir.path()});
    EXPECT_EQ(gate.exit_code, 2) << gate.out;
    EXPECT_EQ(gate.err, "secgate-vuln: error: " + c.problem +
                            (two ? " (and 1 more problems; run secgate-waivers lint)" : "") + "\n");
  }
}

// Strict YAML (items 9, 10) in the waiver file: both refuse it, exit 2.
TEST(WaiverHolesE2e, DuplicateKeysAndSecondDocumentsAreErrorsForLintAndGate) {
  struct Bad {
    std::string text, message;
  };
  const std::vector<Bad> bad = {
      {File("  - id: CVE-2024-0001\n    gate: vuln\n    reason: r\n    owner: TODO\n"
            "    owner: a@example.com\n    created: 2026-03-01\n    expires: 2026-05-01\n"),
       "secgate-waivers.yaml:7: duplicate key 'owner' (first on line 6; YAML forbids repeated "
       "keys)"},
      {File(kGood) + "...\nwaivers:\n  - {id: '*', gate: vuln}\n",
       "secgate-waivers.yaml:10: more than one YAML document (content after '...' or a second "
       "'---'); expected exactly one"},
      {File(kGood) + "---\nversion: 1\n",
       "secgate-waivers.yaml:10: more than one YAML document (content after '...' or a second "
       "'---'); expected exactly one"},
  };
  for (const Bad& b : bad) {
    TempDir dir;
    dir.Write("secgate-waivers.yaml", b.text);
    dir.Write("trivy.json", kEmptyTrivy);
    ProcessResult lint = Waivers({"lint", "--today", kToday}, dir.path());
    EXPECT_EQ(lint.exit_code, 2);
    EXPECT_EQ(lint.err, "secgate-waivers: error: " + b.message + "\n");
    ProcessResult gate = RunProcess({GateBinary("secgate-vuln"), "--today", kToday, "--quiet",
                                     "trivy.json"},
                                    {.cwd = dir.path()});
    EXPECT_EQ(gate.exit_code, 2);
    EXPECT_EQ(gate.err, "secgate-vuln: error: " + b.message + "\n");
  }
}

}  // namespace
}  // namespace secgate::testing
