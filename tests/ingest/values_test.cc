// SPDX-License-Identifier: Apache-2.0
#include "ingest/values.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace centric::ingest {
namespace {

using ::testing::ElementsAre;

TEST(ValuesTest, ReadsWholeNumbers) {
  EXPECT_EQ(*ParseWholeNumber("6"), 6);
  EXPECT_EQ(*ParseWholeNumber("-12"), -12);
  EXPECT_EQ(*ParseWholeNumber("+3"), 3);
  EXPECT_EQ(*ParseWholeNumber(" 7 "), 7);
  EXPECT_EQ(*ParseWholeNumber("6.00"), 6);
  for (const char* bad : {"", "-", "6.5", "abc", "1e3", "12x", "99999999999999999999"}) {
    EXPECT_FALSE(ParseWholeNumber(bad)) << bad;
  }
  EXPECT_EQ(ParseWholeNumber("6.5").error().message(), "'6.5' is not a whole number");
}

TEST(ValuesTest, ReadsFlags) {
  for (const char* yes : {"true", "TRUE", "yes", "Yes", "1"}) EXPECT_TRUE(*ParseFlag(yes)) << yes;
  for (const char* no : {"false", "No", "0"}) EXPECT_FALSE(*ParseFlag(no)) << no;
  EXPECT_EQ(ParseFlag("maybe").error().message(),
            "'maybe' is not one of true, false, yes, no, 1, 0");
}

TEST(ValuesTest, SplitsListsAndNormalizesCategories) {
  EXPECT_THAT(SplitList(" a@x.org ; b@y.org;;"), ElementsAre("a@x.org", "b@y.org"));
  EXPECT_TRUE(SplitList("").empty());
  EXPECT_EQ(NormalizeCategory(" Food / Pizza/"), "Food/Pizza");
  EXPECT_EQ(NormalizeCategory("//"), "");
}

}  // namespace
}  // namespace centric::ingest
