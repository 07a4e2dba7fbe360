// SPDX-License-Identifier: Apache-2.0
#include "core/time.h"

#include <gtest/gtest.h>

namespace centric {
namespace {

TEST(Iso8601Test, ParsesDateAndDateTimeForms) {
  EXPECT_EQ(ToUnixSeconds(*ParseIso8601("1970-01-02")), 86400);
  EXPECT_EQ(FormatIso8601(*ParseIso8601("2010-12-01T08:26")), "2010-12-01T08:26:00Z");
  EXPECT_EQ(FormatIso8601(*ParseIso8601("2010-12-01 08:26:59.123Z")), "2010-12-01T08:26:59Z");
  EXPECT_EQ(FormatIso8601(*ParseIso8601("2010-12-01T08:26:00+01:00")), "2010-12-01T07:26:00Z");
  EXPECT_EQ(FormatIso8601(*ParseIso8601("2010-12-01T08:26:00-0230")), "2010-12-01T10:56:00Z");
}

TEST(Iso8601Test, RejectsImpossibleDatesWithReason) {
  auto r = ParseIso8601("2011-02-29");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message(), "'2011-02-29' does not match date format 'ISO 8601': no such day");
  EXPECT_FALSE(ParseIso8601("2010-13-01"));
  EXPECT_FALSE(ParseIso8601("2010-12-01T25:00"));
  EXPECT_FALSE(ParseIso8601("12/1/2010"));
  EXPECT_FALSE(ParseIso8601("2010-12-01x"));
  EXPECT_FALSE(ParseIso8601(""));
}

TEST(DateFormatTest, ReadsOnlineRetailFormats) {
  auto us = DateFormat::Compile("%m/%d/%Y %H:%M");
  ASSERT_TRUE(us);
  EXPECT_EQ(FormatIso8601(*us->Parse("12/1/2010 08:26")), "2010-12-01T08:26:00Z");
  EXPECT_EQ(FormatIso8601(*us->Parse("1/13/2011 8:05")), "2011-01-13T08:05:00Z");
  auto short_year = DateFormat::Compile("%m/%d/%y %H:%M");
  EXPECT_EQ(FormatIso8601(*short_year->Parse("12/1/10 9:49")), "2010-12-01T09:49:00Z");
  EXPECT_EQ(FormatIso8601(*short_year->Parse("1/1/99 0:00")), "1999-01-01T00:00:00Z");
}

TEST(DateFormatTest, ReadsTwelveHourClockMonthNamesAndOffsets) {
  auto f = DateFormat::Compile("%d %b %Y %I:%M %p %z");
  ASSERT_TRUE(f);
  EXPECT_EQ(FormatIso8601(*f->Parse("3 Feb 2024 12:15 AM +0100")), "2024-02-02T23:15:00Z");
  EXPECT_EQ(FormatIso8601(*f->Parse("3 february 2024 1:15 pm Z")), "2024-02-03T13:15:00Z");
}

TEST(DateFormatTest, NamesTheFormatAndReasonOnMismatch) {
  auto f = DateFormat::Compile("%m/%d/%Y");
  auto r = f->Parse("2010-12-01");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message(), "'2010-12-01' does not match date format '%m/%d/%Y': expected '/'");
  EXPECT_EQ(f->Parse("2/30/2010").error().message(),
            "'2/30/2010' does not match date format '%m/%d/%Y': no such day");
  EXPECT_EQ(f->Parse("12/1/2010 8:00").error().message(),
            "'12/1/2010 8:00' does not match date format '%m/%d/%Y': unexpected trailing text");
}

TEST(DateFormatTest, RejectsUnknownDirectivesAtCompileTime) {
  auto r = DateFormat::Compile("%Q-%m");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field(), "date-format");
  EXPECT_FALSE(DateFormat::Compile("%Y%"));
}

}  // namespace
}  // namespace centric
