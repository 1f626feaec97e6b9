// Calendar dates for waiver expiry. Dates are civil (no time zone): a waiver
// that expires on 2027-01-31 still waives on that day and stops the day after.
// "today" is always passed in (--today or the clock read once in main), so the
// verdict is a pure function of its inputs.
//
//   auto d = ParseDate("2027-01-31");          // nullopt for 2027-02-30
//   int left = DaysBetween(today, d.value());  // negative when past
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "gates/core/error.h"

namespace secgate::core {

struct Date {
  int year = 1970;
  int month = 1;  ///< 1..12
  int day = 1;    ///< 1..31, valid for the month.

  /// Days since 1970-01-01 (proleptic Gregorian).
  long DaysSinceEpoch() const;
  static Date FromDaysSinceEpoch(long days);
  Date AddDays(long n) const { return FromDaysSinceEpoch(DaysSinceEpoch() + n); }
  std::string ToString() const;  ///< "YYYY-MM-DD"

  friend bool operator==(const Date&, const Date&) = default;
  friend auto operator<=>(const Date& a, const Date& b) {
    return a.DaysSinceEpoch() <=> b.DaysSinceEpoch();
  }
};

/// Strict "YYYY-MM-DD" with a real calendar day; nullopt otherwise.
std::optional<Date> ParseDate(std::string_view text);

/// "'<text>' is not a real date (YYYY-MM-DD)": the one message for a bad date
/// in a flag, a policy or a waiver file.
std::string NotARealDate(std::string_view text);

/// ParseDate, or an Error at `where` with NotARealDate's message.
Result<Date> ParseDateAt(std::string_view text, const std::string& where);

/// b - a in days.
long DaysBetween(const Date& a, const Date& b);

/// Today's date in UTC from the system clock. Only gate mains call this.
Date TodayUtc();

}  // namespace secgate::core
