// SPDX-License-Identifier: Apache-2.0
#include "analytics/basket/neighbours.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <tuple>

#include "basket_testing.h"

namespace centric::analytics::basket {
namespace {

using testing::FailsWith;

// Five customers; item 0 and 1 go together three times, 0 and 2 once.
//   n(0) = 4, n(1) = 3, n(2) = 2, n(3) = 1; n(0,1) = 3, n(0,2) = 1, n(1,2) = 1, n(2,3) = 1.
Baskets Example() { return Baskets::FromLists({{0, 1}, {0, 1, 2}, {0, 1}, {0}, {2, 3}}); }

TEST(NeighboursTest, ShrunkCosineOfAWorkedPair) {
  // 3 / sqrt(4 * 3) = 0.8660; shrunk by 3 / (3 + 1) = 0.75 -> 0.6495.
  EXPECT_NEAR(ShrunkCosine(3, 4, 3, 1.0), 0.649519, 1e-6);
  EXPECT_NEAR(ShrunkCosine(3, 4, 3, 0.0), 0.866025, 1e-6);
  EXPECT_EQ(ShrunkCosine(0, 4, 3, 1.0), 0.0);
  // Lift: 3 * 5 / (4 * 3) = 1.25.
  EXPECT_DOUBLE_EQ(PairLift(3, 4, 3, 5), 1.25);
}

TEST(NeighboursTest, ListsTheMostSimilarFirstAndDropsRarePairs) {
  auto got = ComputeNeighbours(Example(), {.top_k = 5, .shrinkage = 1, .min_count = 1});
  ASSERT_TRUE(got) << got.error().ToString();
  EXPECT_EQ(got->item_counts, (std::vector<uint32_t>{4, 3, 2, 1}));
  auto of0 = got->of(0);
  ASSERT_EQ(of0.size(), 2u);
  EXPECT_EQ(of0[0], 1u);
  EXPECT_EQ(of0[1], 2u);
  EXPECT_NEAR(got->similarities[got->offsets[0]], 0.649519, 1e-6);
  EXPECT_EQ(got->co_counts[got->offsets[0]], 3u);

  auto pairs_of_three = ComputeNeighbours(Example(), {.top_k = 5, .min_count = 2});
  ASSERT_TRUE(pairs_of_three);
  EXPECT_EQ(pairs_of_three->of(0).size(), 1u);
  EXPECT_TRUE(pairs_of_three->of(3).empty());

  auto top1 = ComputeNeighbours(Example(), {.top_k = 1, .min_count = 1});
  for (uint32_t i = 0; i < 4; ++i) EXPECT_LE(top1->of(i).size(), 1u);
}

// Every pair counted by brute force over random baskets: the same neighbours and scores at any
// number of threads.
TEST(NeighboursTest, AgreesWithBruteForceOnRandomBaskets) {
  std::mt19937 rng(7);
  for (int round = 0; round < 20; ++round) {
    auto lists = testing::RandomBaskets(rng, 200, 30, 0.15);
    Baskets baskets = Baskets::FromLists(lists);
    const size_t n = baskets.num_items();
    std::vector<std::vector<uint32_t>> co(n, std::vector<uint32_t>(n, 0));
    std::vector<uint32_t> count(n, 0);
    for (size_t b = 0; b < baskets.size(); ++b) {
      auto items = baskets.basket(b);
      for (uint32_t i : items) {
        ++count[i];
        for (uint32_t j : items) co[i][j] += i != j;
      }
    }
    const NeighbourOptions options{.top_k = 4, .shrinkage = 5, .min_count = 2, .threads = 1};
    auto one = ComputeNeighbours(baskets, options);
    NeighbourOptions two_threads = options;
    two_threads.threads = 2;
    auto two = ComputeNeighbours(baskets, two_threads);
    ASSERT_TRUE(one && two);
    EXPECT_EQ(one->neighbours, two->neighbours);
    EXPECT_EQ(one->similarities, two->similarities);
    for (uint32_t i = 0; i < n; ++i) {
      std::vector<std::tuple<double, uint32_t, uint32_t>> expected;  // -sim, -co, j
      for (uint32_t j = 0; j < n; ++j) {
        if (j == i || co[i][j] < 2) continue;
        expected.emplace_back(-ShrunkCosine(co[i][j], count[i], count[j], 5), 0 - co[i][j], j);
      }
      std::sort(expected.begin(), expected.end());
      expected.resize(std::min<size_t>(expected.size(), 4));
      auto got = one->of(i);
      ASSERT_EQ(got.size(), expected.size()) << "item " << i;
      for (size_t k = 0; k < got.size(); ++k) {
        EXPECT_EQ(got[k], std::get<2>(expected[k])) << "item " << i << " rank " << k;
        EXPECT_EQ(one->co_counts[one->offsets[i] + k], co[i][got[k]]);
      }
    }
  }
}

TEST(NeighboursTest, RejectsBadOptions) {
  EXPECT_THAT(ComputeNeighbours(Example(), {.top_k = 0}),
              FailsWith(StatusCode::kInvalidArgument, "at least 1"));
  EXPECT_THAT(ComputeNeighbours(Example(), {.shrinkage = -1}),
              FailsWith(StatusCode::kInvalidArgument, ">= 0"));
  EXPECT_THAT(ComputeNeighbours(Example(), {.min_count = 0}),
              FailsWith(StatusCode::kInvalidArgument, "at least 1"));
  auto empty = ComputeNeighbours(Baskets(), {});
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->num_items(), 0u);
}

}  // namespace
}  // namespace centric::analytics::basket
