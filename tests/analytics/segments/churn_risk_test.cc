// SPDX-License-Identifier: Apache-2.0
#include "analytics/segments/churn_risk.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>

#include "status_matchers.h"

namespace centric::analytics::segments {
namespace {

using ::testing::ElementsAre;

constexpr ChurnRisk kLow = ChurnRisk::kLow;
constexpr ChurnRisk kMedium = ChurnRisk::kMedium;
constexpr ChurnRisk kHigh = ChurnRisk::kHigh;
constexpr ChurnRisk kChurned = ChurnRisk::kChurned;

TEST(ChurnRiskTest, DefaultThresholdsOnTheirBoundaries) {
  // Each threshold is the lowest probability of the safer band: 0.80 is low, 0.50 medium,
  // 0.10 high.
  auto b = AssignChurnRisk(std::vector<double>{1.0, 0.8, 0.79, 0.5, 0.49, 0.1, 0.099, 0.0}, {});
  ASSERT_TRUE(b) << b.error().ToString();
  EXPECT_THAT(b->band, ElementsAre(kLow, kLow, kMedium, kMedium, kHigh, kHigh, kChurned,
                                   kChurned));
  EXPECT_THAT(b->counts, ElementsAre(2, 2, 2, 2));
}

TEST(ChurnRiskTest, AZeroChurnThresholdNeverSaysChurned) {
  auto b = AssignChurnRisk(std::vector<double>{0.0, 0.3, 0.9},
                           {.churned_below = 0, .high_below = 0.4, .medium_below = 0.6});
  ASSERT_TRUE(b);
  EXPECT_THAT(b->band, ElementsAre(kHigh, kHigh, kLow));
}

TEST(ChurnRiskTest, NoProbabilitiesGiveNoBands) {
  auto b = AssignChurnRisk(std::vector<double>{}, {});
  ASSERT_TRUE(b);
  EXPECT_TRUE(b->band.empty());
  EXPECT_THAT(b->counts, ElementsAre(0, 0, 0, 0));
}

TEST(ChurnRiskTest, RejectsBadInputNamingTheField) {
  EXPECT_THAT(AssignChurnRisk(std::vector<double>{0.5, std::nan("")}, {}),
              FailsOnField("p_alive"));
  EXPECT_THAT(AssignChurnRisk(std::vector<double>{1.2}, {}), FailsOnField("p_alive"));
  EXPECT_THAT(AssignChurnRisk(std::vector<double>{-0.1}, {}), FailsOnField("p_alive"));
  EXPECT_THAT(AssignChurnRisk(std::vector<double>{0.5}, {.churned_below = -0.1}),
              FailsOnField("churned_below"));
  EXPECT_THAT(AssignChurnRisk(std::vector<double>{0.5}, {.churned_below = 0.6}),
              FailsOnField("high_below"));
  EXPECT_THAT(AssignChurnRisk(std::vector<double>{0.5}, {.medium_below = std::nan("")}),
              FailsOnField("medium_below"));
}

TEST(ChurnRiskTest, BandNames) {
  EXPECT_EQ(ChurnRiskName(kLow), "low");
  EXPECT_EQ(ChurnRiskName(kMedium), "medium");
  EXPECT_EQ(ChurnRiskName(kHigh), "high");
  EXPECT_EQ(ChurnRiskName(kChurned), "churned");
}

}  // namespace
}  // namespace centric::analytics::segments
