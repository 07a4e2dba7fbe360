// SPDX-License-Identifier: Apache-2.0
#include "jobs/plain_fields.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <chrono>
#include <random>

#include "core/money.h"
#include "core/time.h"

namespace centric::jobs {
namespace {

TEST(PlainFieldsTest, IsoDaysAgreeWithTheCalendarEveryDayOfFourCenturies) {
  using namespace std::chrono;
  for (sys_days d = sys_days(year(1800) / 1 / 1); d < sys_days(year(2201) / 1 / 1); d += days(1)) {
    year_month_day ymd(d);
    std::string text = fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                                   static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    auto parsed = ParseIsoDay(text);
    ASSERT_TRUE(parsed) << text;
    ASSERT_EQ(*parsed, d.time_since_epoch().count()) << text;
  }
}

TEST(PlainFieldsTest, LeavesEveryOtherDateToTheGeneralParser) {
  for (const char* text : {"2023-02-29", "2100-02-29", "2024-13-01", "2024-00-10", "2024-04-31",
                           "2024-01-00", "2024-1-01", "2024/01/01", "20240101", "2024-01-0x",
                           "2024-01-01T10:00", " 2024-01-01", ""}) {
    EXPECT_FALSE(ParseIsoDay(text)) << text;
  }
  EXPECT_TRUE(ParseIsoDay("2000-02-29"));
  EXPECT_TRUE(ParseIsoDay("2024-02-29"));
}

TEST(PlainFieldsTest, AmountsAgreeWithTheGeneralDecimalParser) {
  std::mt19937_64 rng(11);
  const std::string alphabet = "0123456789.-+ e,";
  int accepted = 0;
  for (int i = 0; i < 200000; ++i) {
    std::string text;
    const size_t length = rng() % 12;
    for (size_t k = 0; k < length; ++k) {
      text += rng() % 4 ? static_cast<char>('0' + rng() % 10) : alphabet[rng() % alphabet.size()];
    }
    for (int exponent : {0, 2, 3}) {
      auto fast = ParsePlainMinorUnits(text, exponent);
      if (!fast) continue;
      ++accepted;
      auto decimal = ParseDecimal(text);
      ASSERT_TRUE(decimal) << "'" << text << "' accepted only by the fast parser";
      auto general = ToMinorUnits(*decimal, exponent);
      ASSERT_TRUE(general) << text;
      ASSERT_EQ(*fast, *general) << "'" << text << "' exponent " << exponent;
    }
  }
  EXPECT_GT(accepted, 10000);
  EXPECT_EQ(*ParsePlainMinorUnits("27.6", 2), 2760);
  EXPECT_EQ(*ParsePlainMinorUnits("-0.05", 2), -5);
  EXPECT_EQ(*ParsePlainMinorUnits("+12", 0), 12);
  EXPECT_EQ(*ParsePlainMinorUnits("5.", 2), 500);
  EXPECT_EQ(*ParsePlainMinorUnits(".5", 2), 50);
  EXPECT_FALSE(ParsePlainMinorUnits("1.005", 2));  // needs rounding: the general path decides
  EXPECT_FALSE(ParsePlainMinorUnits("1e3", 2));
  EXPECT_FALSE(ParsePlainMinorUnits("-", 2));
  EXPECT_FALSE(ParsePlainMinorUnits(".", 2));
  EXPECT_FALSE(ParsePlainMinorUnits("1234567890123456789", 2));  // could overflow
}

}  // namespace
}  // namespace centric::jobs
