// SPDX-License-Identifier: Apache-2.0
// The common shapes of a transaction log's date and amount, parsed without the general code:
// "YYYY-MM-DD" and plain decimals with no more fraction digits than the currency has. They
// answer nullopt for anything else, which the caller hands to the general parsers (and their
// error messages); for what they accept they give exactly what the general parsers give.
// Inline: they run once per row of files with tens of millions of rows.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace centric::jobs {

namespace plain_fields_internal {

inline constexpr int64_t kPow10[] = {1, 10, 100, 1000, 10000, 100000, 1000000};

inline bool IsDigit(char c) { return static_cast<unsigned char>(c - '0') <= 9; }

constexpr bool IsLeapYear(int year) { return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0); }

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "chrono-Compatible
// Low-Level Date Algorithms", days_from_civil): integer arithmetic only.
constexpr int32_t DaysFromCivil(int year, int month, int day) {
  year -= month <= 2;
  const int era = (year >= 0 ? year : year - 399) / 400;
  const int year_of_era = year - era * 400;
  const int day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

// Day number of the first of each month of 1900-2155 (256 years), and the month's length:
// the common case of ParseIsoDay becomes two table reads.
struct MonthStart {
  int32_t first_day;
  int32_t length;
};
inline constexpr int kTableFirstYear = 1900;
inline constexpr int kTableYears = 256;

constexpr std::array<MonthStart, kTableYears * 12> BuildMonthStarts() {
  constexpr int kLength[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  std::array<MonthStart, kTableYears * 12> table{};
  for (int y = 0; y < kTableYears; ++y) {
    const int year = kTableFirstYear + y;
    for (int m = 1; m <= 12; ++m) {
      table[y * 12 + m - 1] = {DaysFromCivil(year, m, 1),
                               kLength[m] + (m == 2 && IsLeapYear(year) ? 1 : 0)};
    }
  }
  return table;
}
inline constexpr std::array<MonthStart, kTableYears * 12> kMonthStarts = BuildMonthStarts();

}  // namespace plain_fields_internal

// The UTC day number (days since 1970-01-01) of a valid "YYYY-MM-DD".
inline std::optional<int32_t> ParseIsoDay(std::string_view s) {
  using namespace plain_fields_internal;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  if (!(IsDigit(s[0]) & IsDigit(s[1]) & IsDigit(s[2]) & IsDigit(s[3]) & IsDigit(s[5]) &
        IsDigit(s[6]) & IsDigit(s[8]) & IsDigit(s[9]))) {
    return std::nullopt;
  }
  const int year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  const int month = (s[5] - '0') * 10 + (s[6] - '0');
  const int day = (s[8] - '0') * 10 + (s[9] - '0');
  if (month < 1 || month > 12 || day < 1) return std::nullopt;
  if (static_cast<unsigned>(year - kTableFirstYear) < static_cast<unsigned>(kTableYears)) {
    const MonthStart& start = kMonthStarts[(year - kTableFirstYear) * 12 + month - 1];
    if (day > start.length) return std::nullopt;
    return start.first_day + day - 1;
  }
  static constexpr int kDaysInMonth[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (day > kDaysInMonth[month] && !(month == 2 && day == 29 && IsLeapYear(year))) {
    return std::nullopt;
  }
  return DaysFromCivil(year, month, day);
}

// [+-]digits[.digits] with at most `exponent` (0..6) fraction digits, as integer minor units,
// when the whole part has at most 18 - exponent digits (so it cannot overflow).
inline std::optional<int64_t> ParsePlainMinorUnits(std::string_view s, int exponent) {
  using namespace plain_fields_internal;
  if (exponent < 0 || exponent > 6 || s.empty()) return std::nullopt;
  const char* p = s.data();
  const char* const end = p + s.size();
  const bool negative = *p == '-';
  if (*p == '-' || *p == '+') ++p;
  int64_t whole = 0;
  const char* digits_start = p;
  for (; p < end && IsDigit(*p); ++p) whole = whole * 10 + (*p - '0');
  const int64_t digits = p - digits_start;
  int64_t fraction = 0;
  int64_t fraction_digits = 0;
  if (p < end && *p == '.') {
    const char* fraction_start = ++p;
    for (; p < end && IsDigit(*p); ++p) fraction = fraction * 10 + (*p - '0');
    fraction_digits = p - fraction_start;
  }
  if (p != end || digits + fraction_digits == 0 || digits + exponent > 18 ||
      fraction_digits > exponent) {
    return std::nullopt;
  }
  const int64_t minor = whole * kPow10[exponent] + fraction * kPow10[exponent - fraction_digits];
  return negative ? -minor : minor;
}

}  // namespace centric::jobs
