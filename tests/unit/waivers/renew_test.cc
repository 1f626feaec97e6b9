// Tests for gates/waivers_tool/renew.h: the in-place edit keeps the rest of
// the file byte for byte, and every refusal says why.
#include "gates/waivers_tool/renew.h"

#include <gtest/gtest.h>

namespace secgate::waivers {
namespace {

const char* kFile = R"(version: 1
# keep this comment
waivers:
  - id: CVE-2024-1
    gate: vuln
    reason: r
    owner: o  # owner comment
    created: 2026-03-01
    expires: 2026-04-10
  # comment between entries
  - id: CVE-2024-2
    gate: vuln
    reason: r
    owner: o
    created: 2026-03-01
    expires: 2026-04-10
)";

RenewConfig Config(const std::string& id, const std::string& until) {
  RenewConfig c;
  c.waivers = "w.yaml";
  c.id = id;
  c.until = until;
  c.reason = "fix scheduled";
  c.by = "lead@example.com";
  c.policy = core::DefaultPolicy();  // max_days 90
  c.today = *core::ParseDate("2026-04-05");
  return c;
}

TEST(Renew, EditsOnlyTheEntry) {
  auto out = RenewText(kFile, Config("cve-2024-1", "2026-06-01"));
  ASSERT_TRUE(out.ok()) << out.error().ToString();
  EXPECT_EQ(*out, R"(version: 1
# keep this comment
waivers:
  - id: CVE-2024-1
    gate: vuln
    reason: r
    owner: o  # owner comment
    created: 2026-03-01
    expires: 2026-06-01
    renewed:
      - date: 2026-04-05
        from: 2026-04-10
        until: 2026-06-01
        reason: "fix scheduled"
        by: lead@example.com
  # comment between entries
  - id: CVE-2024-2
    gate: vuln
    reason: r
    owner: o
    created: 2026-03-01
    expires: 2026-04-10
)");
  // A second renewal appends to the list.
  RenewConfig again = Config("CVE-2024-1", "2026-07-01");
  again.today = *core::ParseDate("2026-05-30");
  again.by = "";
  auto twice = RenewText(*out, again);
  ASSERT_TRUE(twice.ok()) << twice.error().ToString();
  EXPECT_NE(twice->find("        by: lead@example.com\n      - date: 2026-05-30\n"
                        "        from: 2026-06-01\n        until: 2026-07-01\n"
                        "        reason: \"fix scheduled\"\n  # comment between entries\n"),
            std::string::npos)
      << *twice;
}

TEST(Renew, Refusals) {
  struct Case {
    std::string id, until, want;
  } cases[] = {
      {"CVE-2024-1", "2026-04-01", "--until: 2026-04-01 is in the past (today is 2026-04-05)"},
      {"CVE-2024-1", "2026-04-08", "--until: 2026-04-08 does not extend the current expiry 2026-04-10"},
      {"CVE-2024-1", "2026-07-05",
       "--until: 2026-07-05 is 91 days after today (2026-04-05); the policy allows at most 90 "
       "(waivers.max_days)"},
      {"CVE-2024-1", "2026-02-30", "--until: '2026-02-30' is not a real date (YYYY-MM-DD)"},
      {"CVE-2024-9", "2026-06-01", "w.yaml: no waiver with id 'CVE-2024-9'"},
  };
  for (const auto& c : cases) {
    auto out = RenewText(kFile, Config(c.id, c.until));
    ASSERT_FALSE(out.ok()) << c.until;
    EXPECT_EQ(out.error().ToString(), c.want);
  }
  auto exactly_max = RenewText(kFile, Config("CVE-2024-1", "2026-07-04"));
  EXPECT_TRUE(exactly_max.ok());
}

TEST(Renew, AmbiguousIdNeedsLine) {
  std::string file = std::string(kFile) + R"(  - id: CVE-2024-1
    gate: vuln
    path: src/**
    reason: r
    owner: o
    created: 2026-03-01
    expires: 2026-04-10
)";
  auto out = RenewText(file, Config("CVE-2024-1", "2026-06-01"));
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.error().ToString(),
            "w.yaml: several waivers with id 'CVE-2024-1' (lines 4, 17): choose one with --line");
  RenewConfig c = Config("CVE-2024-1", "2026-06-01");
  c.line = 17;
  auto ok = RenewText(file, c);
  ASSERT_TRUE(ok.ok()) << ok.error().ToString();
  EXPECT_EQ(ok->substr(0, std::string(kFile).size()), kFile);
}

TEST(Renew, FlowStyleIsRefusedNotMangled) {
  auto out = RenewText(
      "version: 1\nwaivers:\n  - {id: CVE-2024-1, gate: vuln, reason: r, owner: o, created: "
      "2026-03-01, expires: 2026-04-10}\n",
      Config("CVE-2024-1", "2026-06-01"));
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.error().ToString(),
            "w.yaml:3: cannot find a block-style 'expires:' line in waiver CVE-2024-1; edit it by hand");
}

}  // namespace
}  // namespace secgate::waivers
