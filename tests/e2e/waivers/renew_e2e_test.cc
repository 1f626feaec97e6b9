// secgate-waivers renew, end to end: within the policy's limit the file is
// edited in place and still lints clean; past dates and spans beyond
// waivers.max_days are refused (exit 2) and the file is untouched.
#include <gtest/gtest.h>

#include "tests/e2e/waivers/e2e_util.h"

namespace secgate::testing {
namespace {

TEST(RenewE2e, WithinAndBeyondLimits) {
  TempDir dir;
  std::string original = "version: 1\nwaivers:\n" +
                         Entry("CVE-2024-0002", "bob@example.com", "2026-03-01", "2026-04-04", "soon");
  std::string path = dir.Write("secgate-waivers.yaml", original);

  ProcessResult beyond = Waivers({"renew", "CVE-2024-0002", "--until", "2026-07-01", "--reason",
                                  "x", "--today", kToday}, dir.path());
  EXPECT_EQ(beyond.exit_code, 2);
  EXPECT_EQ(beyond.err,
            "secgate-waivers: error: --until: 2026-07-01 is 91 days after today (2026-04-01); the "
            "policy allows at most 90 (waivers.max_days)\n");
  EXPECT_EQ(ReadFile(path), original);

  ProcessResult past = Waivers({"renew", "CVE-2024-0002", "--until", "2026-03-31", "--reason", "x",
                                "--today", kToday}, dir.path());
  EXPECT_EQ(past.exit_code, 2);
  EXPECT_EQ(past.err, "secgate-waivers: error: --until: 2026-03-31 is in the past (today is 2026-04-01)\n");
  EXPECT_EQ(ReadFile(path), original);

  ProcessResult ok = Waivers({"renew", "CVE-2024-0002", "--until", "2026-06-30", "--reason",
                              "upgrade scheduled for June", "--by", "lead@example.com", "--today",
                              kToday}, dir.path());
  ASSERT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_EQ(ok.err, "secgate-waivers: renewed CVE-2024-0002 until 2026-06-30 in secgate-waivers.yaml\n");
  std::string renewed = ReadFile(path);
  EXPECT_NE(renewed.find("    expires: 2026-06-30\n    renewed:\n      - date: 2026-04-01\n"
                         "        from: 2026-04-04\n        until: 2026-06-30\n"
                         "        reason: \"upgrade scheduled for June\"\n        by: lead@example.com\n"),
            std::string::npos)
      << renewed;
  EXPECT_EQ(Waivers({"lint", "--today", kToday}, dir.path()).exit_code, 0);
  ProcessResult report = Waivers({"report", "--today", kToday}, dir.path());
  EXPECT_NE(report.out.find("renewed 2026-04-01: 2026-04-04 -> 2026-06-30 (upgrade scheduled for "
                            "June, by lead@example.com)"),
            std::string::npos)
      << report.out;

  // A stricter policy is counted from the renewal date.
  dir.Write("secgate.yaml", "waivers:\n  max_days: 30\n");
  ProcessResult strict = Waivers({"renew", "CVE-2024-0002", "--until", "2026-07-30", "--reason",
                                  "again", "--today", "2026-06-29"}, dir.path());
  EXPECT_EQ(strict.exit_code, 2);
  EXPECT_EQ(strict.err,
            "secgate-waivers: error: --until: 2026-07-30 is 31 days after today (2026-06-29); the "
            "policy allows at most 30 (waivers.max_days)\n");
  ProcessResult strict_ok = Waivers({"renew", "CVE-2024-0002", "--until", "2026-07-29", "--reason",
                                     "again", "--today", "2026-06-29"}, dir.path());
  EXPECT_EQ(strict_ok.exit_code, 0) << strict_ok.err;
  EXPECT_EQ(Count(ReadFile(path), "      - date: "), 2);
}

TEST(RenewE2e, UnknownIdIsExit2) {
  TempDir dir;
  dir.Write("secgate-waivers.yaml", "version: 1\nwaivers: []\n");
  ProcessResult r = Waivers({"renew", "CVE-1", "--until", "2026-05-01", "--reason", "x"}, dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "secgate-waivers: error: secgate-waivers.yaml: no waiver with id 'CVE-1'\n");
  ProcessResult no_reason = Waivers({"renew", "CVE-1", "--until", "2026-05-01"}, dir.path());
  EXPECT_EQ(no_reason.exit_code, 2);
}

}  // namespace
}  // namespace secgate::testing
