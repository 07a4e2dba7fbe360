// SPDX-License-Identifier: Apache-2.0
#include "analytics/segments/rfm_segment.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "status_matchers.h"

namespace centric::analytics::segments {
namespace {

struct Cell {
  int r;
  int fm;
  RfmSegment segment;
};

// Chosen points of the rule table in docs/segments.md, at least one per segment and the
// corners of each segment's block.
const Cell kCells[] = {
    {5, 5, RfmSegment::kChampions},         {5, 4, RfmSegment::kChampions},
    {4, 5, RfmSegment::kLoyal},             {4, 4, RfmSegment::kLoyal},
    {3, 4, RfmSegment::kLoyal},             {3, 5, RfmSegment::kLoyal},
    {5, 2, RfmSegment::kPotentialLoyalist}, {4, 3, RfmSegment::kPotentialLoyalist},
    {5, 1, RfmSegment::kNew},               {4, 1, RfmSegment::kPromising},
    {3, 3, RfmSegment::kNeedAttention},     {3, 1, RfmSegment::kAboutToSleep},
    {3, 2, RfmSegment::kAboutToSleep},      {2, 3, RfmSegment::kAtRisk},
    {1, 4, RfmSegment::kAtRisk},            {2, 5, RfmSegment::kCantLose},
    {1, 5, RfmSegment::kCantLose},          {2, 1, RfmSegment::kHibernating},
    {2, 2, RfmSegment::kHibernating},       {1, 1, RfmSegment::kLost},
    {1, 2, RfmSegment::kLost},
};

TEST(RfmSegmentTest, ChosenCellsFollowTheRuleTable) {
  for (const Cell& c : kCells) {
    EXPECT_EQ(SegmentOf(c.r, c.fm), c.segment) << "R=" << c.r << " FM=" << c.fm;
  }
}

TEST(RfmSegmentTest, EverySegmentOwnsItsBlockOfCells) {
  // Cells per segment, from the table: champions 2 (R5 x FM4-5), loyal 4 (R3-4 x FM4-5),
  // potential_loyalist 4 (R4-5 x FM2-3), new 1, promising 1, need_attention 1,
  // about_to_sleep 2, at_risk 4 (R1-2 x FM3-4), cant_lose 2, hibernating 2, lost 2: 25.
  std::array<int, kRfmSegmentCount> cells{};
  for (int r = 1; r <= 5; ++r) {
    for (int fm = 1; fm <= 5; ++fm) ++cells[static_cast<size_t>(SegmentOf(r, fm))];
  }
  EXPECT_THAT(cells, ::testing::ElementsAre(2, 4, 4, 1, 1, 1, 2, 4, 2, 2, 2));
}

TEST(RfmSegmentTest, FrequencyMonetaryIsTheMeanRoundedDown) {
  EXPECT_EQ(FrequencyMonetaryScore(1, 1), 1);
  EXPECT_EQ(FrequencyMonetaryScore(1, 2), 1);
  EXPECT_EQ(FrequencyMonetaryScore(2, 1), 1);
  EXPECT_EQ(FrequencyMonetaryScore(1, 5), 3);
  EXPECT_EQ(FrequencyMonetaryScore(4, 5), 4);
  EXPECT_EQ(FrequencyMonetaryScore(5, 5), 5);
}

TEST(RfmSegmentTest, MachineNamesAreStableAndParseBack) {
  const char* kExpected[] = {"champions",      "loyal",   "potential_loyalist", "new",
                             "promising",      "need_attention", "about_to_sleep",
                             "at_risk",        "cant_lose",      "hibernating", "lost"};
  for (size_t i = 0; i < kRfmSegmentCount; ++i) {
    const auto segment = static_cast<RfmSegment>(i);
    EXPECT_EQ(RfmSegmentName(segment), kExpected[i]);
    auto parsed = ParseRfmSegment(kExpected[i]);
    ASSERT_TRUE(parsed);
    EXPECT_EQ(*parsed, segment);
  }
  EXPECT_THAT(ParseRfmSegment("Champions"), FailsOnField("segment"));
  EXPECT_THAT(ParseRfmSegment(""), FailsOnField("segment"));
}

}  // namespace
}  // namespace centric::analytics::segments
