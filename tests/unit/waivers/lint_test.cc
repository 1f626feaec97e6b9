// Tests for the checks `secgate-waivers lint` reports that concern the whole
// file: scope containment and overlaps, future dates (all in core now).
#include "gates/waivers_tool/lint.h"

#include <gtest/gtest.h>

namespace secgate::waivers {
namespace {

TEST(ScopeContains, Packages) {
  EXPECT_TRUE(core::PackageScopeContains("", "pkg:npm/a@1"));
  EXPECT_TRUE(core::PackageScopeContains("pkg:npm/a", "pkg:npm/a@1"));
  EXPECT_TRUE(core::PackageScopeContains("pkg:npm/a@1", "pkg:npm/a@1"));
  EXPECT_FALSE(core::PackageScopeContains("pkg:npm/a@1", "pkg:npm/a"));
  EXPECT_FALSE(core::PackageScopeContains("pkg:npm/a@1", "pkg:npm/a@2"));
  EXPECT_FALSE(core::PackageScopeContains("pkg:npm/a", "pkg:npm/b@1"));
  EXPECT_TRUE(core::PackageScopeContains("a", "a@1"));
  EXPECT_FALSE(core::PackageScopeContains("a@1", "a"));
  EXPECT_FALSE(core::PackageScopeContains("pkg:npm/a@1", ""));
}

TEST(ScopeContains, Paths) {
  EXPECT_TRUE(core::PathScopeContains("", "x"));
  EXPECT_TRUE(core::PathScopeContains("src/**", "src/a/b.js"));
  EXPECT_TRUE(core::PathScopeContains("src/**", "src/a/*.js"));
  EXPECT_FALSE(core::PathScopeContains("src/*", "src/a/b.js"));
  EXPECT_FALSE(core::PathScopeContains("src/a.js", "src/**"));
  EXPECT_FALSE(core::PathScopeContains("lib/**", "src/a.js"));
}

core::WaiverFile Parse(const std::string& yaml, const core::Date& today) {
  auto f = core::ParseWaiverFile(yaml, "w.yaml", {}, today);
  EXPECT_TRUE(f.ok());
  return f.ok() ? *f : core::WaiverFile{};
}

// The whole-file checks lint reports are core's (ParseWaiverFile), so the
// gates make them too.
TEST(WholeFileChecks, OverlapsAndFutureDates) {
  core::WaiverFile f = Parse(R"(version: 1
waivers:
  - {id: CVE-2024-1, gate: vuln, package: pkg:npm/a@1, reason: r, owner: o, created: 2026-01-01, expires: 2026-01-02}
  - {id: CVE-2024-1, gate: vuln, package: pkg:npm/a, reason: r, owner: o, created: 2026-01-01, expires: 2026-01-02}
  - {id: CVE-2024-1, gate: vuln, package: pkg:npm/b, reason: r, owner: o, created: 2026-01-01, expires: 2026-01-02}
  - {id: CVE-2024-1, gate: sbom, package: pkg:npm/a, reason: r, owner: o, created: 2026-01-01, expires: 2026-01-02}
  - {id: CVE-2024-2, gate: vuln, reason: r, owner: o, created: 2026-05-01, expires: 2026-05-02}
)", *core::ParseDate("2026-04-01"));
  ASSERT_EQ(f.problems.size(), 2u);
  EXPECT_EQ(f.problems[0].line, 4);
  EXPECT_EQ(f.problems[0].message,
            "waiver CVE-2024-1: overlaps the entry on line 3 (this scope covers that one)");
  EXPECT_EQ(f.problems[1].line, 7);
  EXPECT_EQ(f.problems[1].message,
            "waiver CVE-2024-2: created 2026-05-01 is in the future (today is 2026-04-01)");
  EXPECT_TRUE(f.waivers[0].valid);
  EXPECT_FALSE(f.waivers[1].valid);
  EXPECT_TRUE(f.waivers[2].valid);
  EXPECT_TRUE(f.waivers[3].valid);
}

}  // namespace
}  // namespace secgate::waivers
