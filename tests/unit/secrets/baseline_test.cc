// --baseline-out (MakeBaseline) writes a waiver file core::ParseWaiverFile accepts, and
// whose waivers match the findings it came from (gates/secrets/baseline.cc).
#include <gtest/gtest.h>

#include "gates/core/fingerprint.h"
#include "gates/core/waiver.h"
#include "gates/secrets/baseline.h"

namespace secgate::secrets {
namespace {

core::Finding SecretFinding(const std::string& path, const std::string& secret) {
  core::Finding f;
  f.gate = core::Gate::kSecrets;
  f.id = "test-token";
  f.location.path = path;
  f.fingerprint = core::SecretFingerprint("test-token", secret);
  return f;
}

TEST(BaselineTest, ValidWaiverFileMatchingEachFinding) {
  core::Date today = *core::ParseDate("2026-03-01");
  std::vector<core::Finding> fs = {SecretFinding("src/it's.py", "s1"), SecretFinding("b.py", "s2"),
                                   SecretFinding("b.py", "s2")};  // duplicate: one waiver
  Baseline b = MakeBaseline(fs, today, 30);
  EXPECT_EQ(b.waivers, 2);
  EXPECT_EQ(b.refused, 0);
  const std::string& yaml = b.yaml;
  core::WaiverPolicy wp;
  wp.max_days = 30;
  auto w = core::ParseWaiverFile(yaml, "baseline.yaml", wp, today);
  ASSERT_TRUE(w.ok()) << w.error().ToString();
  EXPECT_TRUE(w->problems.empty()) << w->problems[0].message;
  ASSERT_EQ(w->waivers.size(), 2u);
  EXPECT_EQ(w->waivers[0].owner, "unassigned");
  EXPECT_EQ(w->waivers[0].reason, "baseline: pre-existing at adoption");
  // Sorted by path, whatever the scan order.
  EXPECT_EQ(w->waivers[0].path, "b.py");
  EXPECT_EQ(w->waivers[1].path, "src/it's.py");
  EXPECT_EQ(w->waivers[0].expires->ToString(), "2026-03-31");
  EXPECT_EQ(w->waivers[0].gate, core::Gate::kSecrets);
  EXPECT_TRUE(core::WaiverMatches(w->waivers[1], fs[0]));
  EXPECT_FALSE(core::WaiverMatches(w->waivers[1], fs[1]));
  EXPECT_TRUE(core::WaiverMatches(w->waivers[0], fs[1]));
}

TEST(BaselineTest, NoFindingsIsAnEmptyValidFile) {
  auto w = core::ParseWaiverFile(MakeBaseline({}, *core::ParseDate("2026-03-01"), 90).yaml, "b.yaml",
                                 core::WaiverPolicy{}, *core::ParseDate("2026-03-01"));
  ASSERT_TRUE(w.ok()) << w.error().ToString();
  EXPECT_TRUE(w->waivers.empty());
  EXPECT_TRUE(w->problems.empty());
}

TEST(BaselineTest, PathsReadBackExactlyOrAreRefused) {
  const core::Date today = *core::ParseDate("2026-03-01");
  std::vector<core::Finding> fs;
  for (const char* path : {"src/a\nb.env", "t\tq\"\\.env", "deploy*.env", "x?.env"})
    fs.push_back(SecretFinding(path, "s1"));
  Baseline b = MakeBaseline(fs, today, 30);
  EXPECT_EQ(b.refused, 2);
  EXPECT_EQ(b.waivers, 2);
  const std::string& yaml = b.yaml;
  core::WaiverPolicy wp;
  wp.max_days = 30;
  auto w = core::ParseWaiverFile(yaml, "b.yaml", wp, today);
  ASSERT_TRUE(w.ok()) << w.error().ToString();
  ASSERT_EQ(w->waivers.size(), 2u) << yaml;
  EXPECT_EQ(w->waivers[0].path, "src/a\nb.env");
  EXPECT_EQ(w->waivers[1].path, "t\tq\"\\.env");
  for (const auto& waiver : w->waivers) {
    EXPECT_FALSE(core::WaiverMatches(waiver, SecretFinding("src/a b.env", "s1")));
    EXPECT_FALSE(core::WaiverMatches(waiver, SecretFinding("deploy-x.env", "s1")));
  }
  EXPECT_TRUE(core::WaiverMatches(w->waivers[0], SecretFinding("src/a\nb.env", "s1")));
}

}  // namespace
}  // namespace secgate::secrets
