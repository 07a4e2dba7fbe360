// SPDX-License-Identifier: Apache-2.0
#include "platform/store/codec.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace centric::store::internal {
namespace {

TEST(CodecTest, CursorsRoundTripAndRejectForgeries) {
  EXPECT_EQ(*DecodeIdCursor(EncodeIdCursor(42)), 42);
  EXPECT_EQ(*DecodeIdCursor(""), 0);
  for (const char* bad : {"42", "i", "i-1", "ix", "t1.0.1"}) {
    auto r = DecodeIdCursor(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().field(), "cursor");
  }
  TimelinePosition p{1700000000, 1, 99};
  auto back = DecodeTimelineCursor(EncodeTimelineCursor(p));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->at, p.at);
  EXPECT_EQ(back->rank, 1);
  EXPECT_EQ(back->id, 99);
  EXPECT_FALSE(DecodeTimelineCursor("t1.2.3"));
  EXPECT_FALSE(DecodeTimelineCursor("t1.0"));
}

TEST(CodecTest, SearchTermsSplitAtPunctuationAndKeepUnicode) {
  EXPECT_THAT(SearchTerms("Mai@Example.vn"), ::testing::ElementsAre("mai", "example", "vn"));
  EXPECT_THAT(SearchTerms("  Nguyễn  "), ::testing::ElementsAre("nguyễn"));
  EXPECT_THAT(SearchTerms("\"*) OR ("), ::testing::ElementsAre("or"));
  EXPECT_TRUE(SearchTerms("").empty());
}

TEST(CodecTest, ListsAndMapsRoundTripThroughJsonText) {
  std::vector<std::string> list = {"a", "b\"c"};
  EXPECT_EQ(*StringListFromJson(StringListToJson(list)), list);
  std::map<std::string, bool> consent = {{"email", true}};
  EXPECT_EQ(*BoolMapFromJson(BoolMapToJson(consent)), consent);
  EXPECT_EQ(StringListFromJson("{\"a\":1}").error().code(), StatusCode::kInternal);
  EXPECT_EQ(ClampLimit(0), 1);
  EXPECT_EQ(ClampLimit(100000), 500);
}

}  // namespace
}  // namespace centric::store::internal
