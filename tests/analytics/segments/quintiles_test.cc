// SPDX-License-Identifier: Apache-2.0
#include "analytics/segments/quintiles.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

#include "status_matchers.h"

namespace centric::analytics::segments {
namespace {

using ::testing::ElementsAre;
using ::testing::Each;

std::vector<int> Scores(const Quintiles& q) { return {q.score.begin(), q.score.end()}; }

TEST(QuintilesTest, TiesShareTheScoreOfTheirLowestRank) {
  // Sorted: 10 10 10 20 20 30 40 50 50 60 (n = 10), score = 1 + floor(5 L / 10) = 1 + L / 2
  // with L the count strictly below: 10 -> L 0 -> 1; 20 -> L 3 -> 2; 30 -> L 5 -> 3;
  // 40 -> L 6 -> 4; 50 -> L 7 -> 4; 60 -> L 9 -> 5. Splitting by position instead would give
  // the three 10s scores 1, 1, 2 and the two 50s 4, 5.
  auto q = ScoreQuintiles(std::vector<double>{50, 10, 60, 20, 10, 40, 30, 10, 50, 20}, "x");
  ASSERT_TRUE(q) << q.error().ToString();
  EXPECT_THAT(Scores(*q), ElementsAre(4, 1, 5, 2, 1, 4, 3, 1, 4, 2));
  // Cuts are the values of ranks ceil((k - 1) n / 5) - 1 = 1, 3, 5, 7: 10, 20, 30, 50.
  EXPECT_THAT(q->above, ElementsAre(10, 20, 30, 50));
}

TEST(QuintilesTest, DistinctValuesFillTheQuintilesEvenly) {
  auto ten = ScoreQuintiles(std::vector<double>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, "x");
  ASSERT_TRUE(ten);
  EXPECT_THAT(Scores(*ten), ElementsAre(1, 1, 2, 2, 3, 3, 4, 4, 5, 5));
  // n = 7: 5 L / 7 for L = 0..6 is 0, 0.71, 1.43, 2.14, 2.86, 3.57, 4.29.
  auto seven = ScoreQuintiles(std::vector<double>{7, 6, 5, 4, 3, 2, 1}, "x");
  ASSERT_TRUE(seven);
  EXPECT_THAT(Scores(*seven), ElementsAre(5, 4, 3, 3, 2, 1, 1));
}

TEST(QuintilesTest, MatchesTheRankFormulaOnManyTies) {
  std::mt19937 rng(42);
  std::uniform_int_distribution<int> draw(0, 49);
  std::vector<double> values(1003);
  for (double& v : values) v = draw(rng);
  auto q = ScoreQuintiles(values, "x");
  ASSERT_TRUE(q);
  const size_t n = values.size();
  for (size_t i = 0; i < n; ++i) {
    size_t below = 0;
    for (double v : values) below += v < values[i];
    ASSERT_EQ(q->score[i], 1 + 5 * below / n) << "value " << values[i];
  }
}

TEST(QuintilesTest, NoSpreadScoresOne) {
  auto same = ScoreQuintiles(std::vector<double>{7, 7, 7, 7}, "x");
  ASSERT_TRUE(same);
  EXPECT_THAT(same->score, Each(1));
  EXPECT_THAT(same->above, Each(7));
  auto one = ScoreQuintiles(std::vector<double>{3.5}, "x");
  ASSERT_TRUE(one);
  EXPECT_THAT(Scores(*one), ElementsAre(1));
}

TEST(QuintilesTest, NoValuesGiveNoScoresAndZeroCuts) {
  auto q = ScoreQuintiles(std::vector<double>{}, "x");
  ASSERT_TRUE(q);
  EXPECT_TRUE(q->score.empty());
  EXPECT_THAT(q->above, Each(0));
}

TEST(QuintilesTest, RejectsNaNAndInfinityNamingTheField) {
  EXPECT_THAT(ScoreQuintiles(std::vector<double>{1, std::nan(""), 3}, "spend"),
              FailsOnField("spend"));
  EXPECT_THAT(
      ScoreQuintiles(std::vector<double>{1, std::numeric_limits<double>::infinity()}, "spend"),
      FailsOnField("spend"));
}

}  // namespace
}  // namespace centric::analytics::segments
