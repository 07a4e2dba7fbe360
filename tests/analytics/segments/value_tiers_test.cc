// SPDX-License-Identifier: Apache-2.0
#include "analytics/segments/value_tiers.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "status_matchers.h"

namespace centric::analytics::segments {
namespace {

using ::testing::Each;
using ::testing::ElementsAre;

constexpr ValueTier kLow = ValueTier::kLow;
constexpr ValueTier kMid = ValueTier::kMiddle;
constexpr ValueTier kHigh = ValueTier::kHigh;

std::vector<double> Iota(size_t n, double first) {
  std::vector<double> v(n);
  std::iota(v.begin(), v.end(), first);
  return v;
}

TEST(ValueTiersTest, DefaultSharesSplitTwentyValues50_35_15) {
  // Values 1..20. Middle needs ceil(0.50 * 20) = 10 below: above the value of rank 9, 10.
  // High needs ceil(0.85 * 20) = 17 below: above rank 16, 17. So 1..10 low (50 %),
  // 11..17 middle (35 %), 18..20 high (15 %).
  auto t = AssignValueTiers(Iota(20, 1), {});
  ASSERT_TRUE(t) << t.error().ToString();
  EXPECT_DOUBLE_EQ(t->cuts.middle_above, 10);
  EXPECT_DOUBLE_EQ(t->cuts.high_above, 17);
  EXPECT_THAT(t->counts, ElementsAre(10, 7, 3));
  EXPECT_EQ(t->tier[9], kLow);
  EXPECT_EQ(t->tier[10], kMid);
  EXPECT_EQ(t->tier[16], kMid);
  EXPECT_EQ(t->tier[17], kHigh);
}

TEST(ValueTiersTest, SharesAreNotBentByFloatingPoint) {
  // 0.85 * 100 is 85.00000000000001 in doubles; a plain ceil would make it 86 and leave
  // 14 customers high instead of 15. Values 0..99: cuts 49 and 84.
  auto t = AssignValueTiers(Iota(100, 0), {});
  ASSERT_TRUE(t);
  EXPECT_DOUBLE_EQ(t->cuts.middle_above, 49);
  EXPECT_DOUBLE_EQ(t->cuts.high_above, 84);
  EXPECT_THAT(t->counts, ElementsAre(50, 35, 15));
}

TEST(ValueTiersTest, TiesAcrossABoundaryStayInTheLowerTier) {
  // Sorted 0 0 0 0 0 0 0 5 5 8 (n = 10). Middle cut: rank ceil(5) - 1 = 4, value 0, so the
  // seven zeros (straddling 50 %) stay low. High cut: rank ceil(8.5) - 1 = 8, value 5, so the
  // two 5s (only 70 % below them) stay middle and only 8 is high.
  auto t = AssignValueTiers(std::vector<double>{0, 5, 0, 0, 8, 0, 0, 5, 0, 0}, {});
  ASSERT_TRUE(t);
  EXPECT_DOUBLE_EQ(t->cuts.middle_above, 0);
  EXPECT_DOUBLE_EQ(t->cuts.high_above, 5);
  EXPECT_THAT(t->tier, ElementsAre(kLow, kMid, kLow, kLow, kHigh, kLow, kLow, kMid, kLow, kLow));
  EXPECT_THAT(t->counts, ElementsAre(7, 2, 1));
}

TEST(ValueTiersTest, CustomSharesCanLeaveTheMiddleEmpty) {
  // low 80 %, high 20 %: both cuts at rank ceil(8) - 1 = 7, value 8.
  auto t = AssignValueTiers(Iota(10, 1), {.low_share = 0.8, .high_share = 0.2});
  ASSERT_TRUE(t);
  EXPECT_DOUBLE_EQ(t->cuts.middle_above, 8);
  EXPECT_DOUBLE_EQ(t->cuts.high_above, 8);
  EXPECT_THAT(t->counts, ElementsAre(8, 0, 2));
}

TEST(ValueTiersTest, AbsoluteCutsAreStrictLowerBounds) {
  auto t = AssignValueTiers(std::vector<double>{50, 100, 100.01, 500, 900},
                            {.absolute = TierCuts{.middle_above = 100, .high_above = 500}});
  ASSERT_TRUE(t);
  EXPECT_THAT(t->tier, ElementsAre(kLow, kLow, kMid, kMid, kHigh));
  EXPECT_DOUBLE_EQ(t->cuts.middle_above, 100);
  EXPECT_DOUBLE_EQ(t->cuts.high_above, 500);
}

TEST(ValueTiersTest, NoSpreadOneValueOrNoneAreLow) {
  auto same = AssignValueTiers(std::vector<double>{3, 3, 3}, {});
  ASSERT_TRUE(same);
  EXPECT_THAT(same->tier, Each(kLow));
  EXPECT_DOUBLE_EQ(same->cuts.middle_above, 3);
  EXPECT_DOUBLE_EQ(same->cuts.high_above, 3);

  auto one = AssignValueTiers(std::vector<double>{42}, {});
  ASSERT_TRUE(one);
  EXPECT_THAT(one->tier, ElementsAre(kLow));

  auto none = AssignValueTiers(std::vector<double>{}, {});
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->tier.empty());
  EXPECT_DOUBLE_EQ(none->cuts.middle_above, 0);
  EXPECT_DOUBLE_EQ(none->cuts.high_above, 0);
}

TEST(ValueTiersTest, RejectsBadInputNamingTheField) {
  EXPECT_THAT(AssignValueTiers(std::vector<double>{1, std::nan(""), 3}, {}),
              FailsOnField("value"));
  EXPECT_THAT(AssignValueTiers(std::vector<double>{1}, {.low_share = 0}),
              FailsOnField("low_share"));
  EXPECT_THAT(AssignValueTiers(std::vector<double>{1}, {.low_share = 0.5, .high_share = 1}),
              FailsOnField("high_share"));
  EXPECT_THAT(AssignValueTiers(std::vector<double>{1}, {.low_share = 0.6, .high_share = 0.5}),
              FailsOnField("high_share"));
  EXPECT_THAT(AssignValueTiers(std::vector<double>{1},
                               {.absolute = TierCuts{.middle_above = 10, .high_above = 5}}),
              FailsOnField("high_above"));
  EXPECT_THAT(AssignValueTiers(std::vector<double>{1},
                               {.absolute = TierCuts{.middle_above = std::nan(""),
                                                     .high_above = 5}}),
              FailsOnField("middle_above"));
}

TEST(ValueTiersTest, TiersMapToServiceLevels) {
  EXPECT_EQ(ServiceLevelOf(kLow), ServiceLevel::kBargain);
  EXPECT_EQ(ServiceLevelOf(kMid), ServiceLevel::kStandard);
  EXPECT_EQ(ServiceLevelOf(kHigh), ServiceLevel::kPremium);
  EXPECT_EQ(ValueTierName(kMid), "middle");
  EXPECT_EQ(ServiceLevelName(ServiceLevel::kBargain), "bargain");
  EXPECT_EQ(ServiceLevelName(ServiceLevelOf(kHigh)), "premium");
}

}  // namespace
}  // namespace centric::analytics::segments
