// SPDX-License-Identifier: Apache-2.0
#include "core/money.h"

#include <gtest/gtest.h>

namespace centric {
namespace {

TEST(MoneyTest, ParsesDecimalsExactly) {
  auto d = ParseDecimal("2.55");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->mantissa, 255);
  EXPECT_EQ(d->scale, 2);
  EXPECT_EQ(ParseDecimal("-0.085")->mantissa, -85);
  EXPECT_EQ(ParseDecimal("-0.085")->scale, 3);
  EXPECT_EQ(ParseDecimal("100")->mantissa, 100);
  EXPECT_EQ(ParseDecimal("+7.")->mantissa, 7);
}

TEST(MoneyTest, RejectsWhatIsNotAPlainDecimal) {
  for (const char* bad : {"", "-", ".", "1e3", "1,5", "2.5.1", "abc", " 1", "1234567890123456789"}) {
    EXPECT_FALSE(ParseDecimal(bad)) << bad;
  }
}

TEST(MoneyTest, RoundsHalfAwayFromZeroOnce) {
  EXPECT_EQ(*ToMinorUnits(*ParseDecimal("0.085"), 2), 9);
  EXPECT_EQ(*ToMinorUnits(*ParseDecimal("-0.085"), 2), -9);
  EXPECT_EQ(*ToMinorUnits(*ParseDecimal("0.084"), 2), 8);
  EXPECT_EQ(*ToMinorUnits(*ParseDecimal("3"), 2), 300);
  EXPECT_EQ(*ToMinorUnits(*ParseDecimal("3"), 0), 3);
  // 12 * 0.085 = 1.02 exactly; rounding the unit price first would give 1.08.
  EXPECT_EQ(*MultiplyToMinorUnits(*ParseDecimal("0.085"), 12, 2), 102);
  EXPECT_FALSE(ToMinorUnits(*ParseDecimal("999999999999999999"), 2));
}

TEST(MoneyTest, FormatsWithTheCurrencyExponent) {
  EXPECT_EQ(FormatMinorUnits(255, 2), "2.55");
  EXPECT_EQ(FormatMinorUnits(-5, 2), "-0.05");
  EXPECT_EQ(FormatMinorUnits(1234, 0), "1234");
  EXPECT_EQ(FormatMinorUnits(1234, 3), "1.234");
  EXPECT_EQ(CurrencyExponent("JPY"), 0);
  EXPECT_EQ(CurrencyExponent("KWD"), 3);
  EXPECT_EQ(CurrencyExponent("GBP"), 2);
  EXPECT_TRUE(IsCurrencyCode("EUR"));
  EXPECT_FALSE(IsCurrencyCode("eur"));
  EXPECT_FALSE(IsCurrencyCode("EURO"));
}

}  // namespace
}  // namespace centric
