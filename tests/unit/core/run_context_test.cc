// core/run_context: policy discovery, --today and waiver discovery, the one
// implementation the gates' front end and secgate-waivers share.
#include "gates/core/run_context.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include "tests/testing/run_process.h"

namespace secgate::core {
namespace {

// Runs the test body inside a fresh temporary directory (discovery looks at
// the working directory), restoring the old one afterwards.
class InTempDir : public ::testing::Test {
 protected:
  void SetUp() override {
    char buf[4096];
    ASSERT_NE(::getcwd(buf, sizeof buf), nullptr);
    old_ = buf;
    ASSERT_EQ(::chdir(dir_.path().c_str()), 0);
  }
  void TearDown() override { ASSERT_EQ(::chdir(old_.c_str()), 0); }
  secgate::testing::TempDir dir_;
  std::string old_;
};

TEST_F(InTempDir, NoPolicyFileMeansDefaultsWithANote) {
  std::string note;
  auto p = LoadPolicyOrDefault("", &note);
  ASSERT_TRUE(p) << p.error().ToString();
  EXPECT_EQ(p->vuln.fail_on, DefaultPolicy().vuln.fail_on);
  EXPECT_NE(note.find("no secgate.yaml"), std::string::npos);
}

TEST_F(InTempDir, PolicyFileInWorkingDirectoryIsFound) {
  dir_.Write("secgate.yaml", "version: 1\nvuln:\n  fail_on: critical\n");
  std::string note;
  auto p = LoadPolicyOrDefault("", &note);
  ASSERT_TRUE(p) << p.error().ToString();
  EXPECT_EQ(p->vuln.fail_on, Severity::kCritical);
  EXPECT_EQ(p->source, "secgate.yaml");
  EXPECT_TRUE(note.empty());
}

TEST_F(InTempDir, NamedPolicyThatIsMissingIsAnError) {
  auto p = LoadPolicyOrDefault("nope.yaml");
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error().where, "nope.yaml");
}

TEST_F(InTempDir, BadPolicyIsAnErrorNotTheDefaults) {
  dir_.Write("secgate.yaml", "version: 1\nvuln:\n  fail_on: sometimes\n");
  EXPECT_FALSE(LoadPolicyOrDefault(""));
}

TEST_F(InTempDir, PolicyLargerThanTheConfigLimitIsRefused) {
  dir_.Write("big.yaml", "version: 1\n" + std::string(kMaxConfigBytes, '#'));
  auto p = LoadPolicyOrDefault("big.yaml");
  ASSERT_FALSE(p);
  EXPECT_NE(p.error().message.find("larger"), std::string::npos) << p.error().message;
}

TEST_F(InTempDir, NoWaiverFileMeansNone) {
  auto w = LoadWaiversOrNone("", DefaultPolicy().waivers, Date{2026, 1, 1});
  ASSERT_TRUE(w);
  EXPECT_EQ(w->source, "none");
  EXPECT_TRUE(w->waivers.empty());
}

TEST_F(InTempDir, WaiverFileInWorkingDirectoryIsFoundAndItsProblemsKept) {
  dir_.Write("secgate-waivers.yaml",
             "version: 1\nwaivers:\n  - id: CVE-2026-1\n    gate: vuln\n    owner: a@b.c\n"
             "    reason: r\n    created: 2026-01-01\n    expires: 2026-02-30\n");
  auto w = LoadWaiversOrNone("", DefaultPolicy().waivers, Date{2026, 1, 1});
  ASSERT_TRUE(w) << w.error().ToString();
  EXPECT_EQ(w->source, "secgate-waivers.yaml");
  ASSERT_FALSE(w->problems.empty());
  bool named = false;
  for (const auto& p : w->problems)
    named = named || p.message.find(NotARealDate("2026-02-30")) != std::string::npos;
  EXPECT_TRUE(named) << w->problems[0].message;
}

TEST(ResolveToday, EmptyIsTheClock) {
  auto t = ResolveToday("");
  ASSERT_TRUE(t);
  EXPECT_EQ(*t, TodayUtc());
}

TEST(ResolveToday, PinnedDate) {
  auto t = ResolveToday("2027-01-31");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->ToString(), "2027-01-31");
}

TEST(ResolveToday, BadDateNamesTheFlag) {
  auto t = ResolveToday("2027-02-30", "--until");
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().where, "--until");
  EXPECT_EQ(t.error().message, "'2027-02-30' is not a real date (YYYY-MM-DD)");
}

}  // namespace
}  // namespace secgate::core
