#include "gates/core/date.h"

#include <gtest/gtest.h>

namespace secgate::core {
namespace {

TEST(DateTest, ParsesRealDatesOnly) {
  EXPECT_TRUE(ParseDate("2027-01-31"));
  EXPECT_TRUE(ParseDate("2024-02-29"));   // leap year
  EXPECT_FALSE(ParseDate("2023-02-29"));  // not a leap year
  EXPECT_FALSE(ParseDate("1900-02-29"));  // century, not leap
  EXPECT_TRUE(ParseDate("2000-02-29"));   // 400-year leap
  EXPECT_FALSE(ParseDate("2027-02-30"));
  EXPECT_FALSE(ParseDate("2027-13-01"));
  EXPECT_FALSE(ParseDate("2027-00-10"));
  EXPECT_FALSE(ParseDate("2027-04-31"));
  EXPECT_FALSE(ParseDate("2027-1-31"));
  EXPECT_FALSE(ParseDate("27-01-31"));
  EXPECT_FALSE(ParseDate("2027/01/31"));
  EXPECT_FALSE(ParseDate("2027-01-31T00:00:00Z"));
  EXPECT_FALSE(ParseDate(""));
  EXPECT_FALSE(ParseDate("tomorrow"));
}

TEST(DateTest, RoundTripsThroughDaysSinceEpoch) {
  EXPECT_EQ(ParseDate("1970-01-01")->DaysSinceEpoch(), 0);
  EXPECT_EQ(ParseDate("2000-03-01")->DaysSinceEpoch(), 11017);
  for (long d = -1000; d < 30000; d += 37) {
    Date x = Date::FromDaysSinceEpoch(d);
    EXPECT_EQ(x.DaysSinceEpoch(), d);
    EXPECT_EQ(ParseDate(x.ToString()), x);
  }
}

TEST(DateTest, Arithmetic) {
  Date a = *ParseDate("2026-11-21");
  EXPECT_EQ(a.AddDays(90).ToString(), "2027-02-19");
  EXPECT_EQ(a.AddDays(-21).ToString(), "2026-10-31");
  EXPECT_EQ(DaysBetween(a, *ParseDate("2026-12-01")), 10);
  EXPECT_EQ(DaysBetween(*ParseDate("2026-12-01"), a), -10);
  EXPECT_LT(a, *ParseDate("2026-11-22"));
}

}  // namespace
}  // namespace secgate::core
