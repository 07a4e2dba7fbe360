// SPDX-License-Identifier: Apache-2.0
#include "analytics/basket/itemsets.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

#include "analytics/basket/miner.h"
#include "basket_testing.h"

namespace centric::analytics::basket {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;
using testing::Apriori;
using testing::BruteForce;
using testing::FailsWith;
using testing::ItemsetCounts;
using testing::Lists;
using testing::RandomBaskets;
using testing::ToMap;

ItemsetCounts Mine(const Lists& lists, double support, uint32_t max_len = 0,
                   ItemsetKind kind = ItemsetKind::kAll, int threads = 2) {
  auto mined = MineItemsets(Baskets::FromLists(lists),
                            {.min_support = support, .max_len = max_len, .kind = kind,
                             .threads = threads});
  EXPECT_TRUE(mined) << mined.error().ToString();
  return mined ? ToMap(*mined) : ItemsetCounts{};
}

// Random worlds of 0 to 60 baskets over 10 items, sparse to dense, each mined at every
// absolute support from 1 to the number of baskets and compared with counting every subset.
TEST(ItemsetsTest, MatchesBruteForceAtEverySupport) {
  std::mt19937 rng(7);
  for (int round = 0; round < 40; ++round) {
    const int n = round % 8 == 0 ? round / 8 : 5 + static_cast<int>(rng() % 56);
    const Lists lists = RandomBaskets(rng, n, 10, 0.1 + 0.05 * (round % 10));
    for (int support = 1; support <= n; ++support) {
      ASSERT_EQ(Mine(lists, support), BruteForce(lists, 10, support, 0, ItemsetKind::kAll))
          << "round " << round << ", support " << support;
    }
  }
}

TEST(ItemsetsTest, MatchesBruteForceWithMaxLen) {
  std::mt19937 rng(11);
  for (int round = 0; round < 20; ++round) {
    const Lists lists = RandomBaskets(rng, 40, 10, 0.45);
    for (uint32_t max_len : {1u, 2u, 3u, 5u}) {
      for (int support : {1, 2, 4, 8}) {
        ASSERT_EQ(Mine(lists, support, max_len),
                  BruteForce(lists, 10, support, max_len, ItemsetKind::kAll))
            << "round " << round << ", max_len " << max_len << ", support " << support;
      }
    }
  }
}

TEST(ItemsetsTest, ClosedAndMaximalMatchTheirDefinitions) {
  std::mt19937 rng(13);
  for (int round = 0; round < 20; ++round) {
    const Lists lists =
        RandomBaskets(rng, 6 + static_cast<int>(rng() % 50), 10, 0.2 + 0.05 * (round % 8));
    for (uint32_t max_len : {0u, 2u, 3u}) {
      for (int support : {1, 2, 3, 6}) {
        for (ItemsetKind kind : {ItemsetKind::kClosed, ItemsetKind::kMaximal}) {
          ASSERT_EQ(Mine(lists, support, max_len, kind),
                    BruteForce(lists, 10, support, max_len, kind))
              << "round " << round << ", " << ItemsetKindName(kind) << ", max_len " << max_len
              << ", support " << support;
        }
      }
    }
  }
}

TEST(ItemsetsTest, FractionalSupportsMatchBruteForce) {
  std::mt19937 rng(17);
  const Lists lists = RandomBaskets(rng, 50, 10, 0.35);
  for (double support : {0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.9}) {
    // A fraction s keeps the sets with count / 50 >= s, i.e. count >= ceil(50 s).
    const auto count = static_cast<uint32_t>(std::ceil(support * 50 - 1e-9));
    EXPECT_EQ(Mine(lists, support), BruteForce(lists, 10, count, 0, ItemsetKind::kAll))
        << support;
  }
}

// 600 baskets over 60 items: too wide for counting every subset, so Apriori is the reference.
TEST(ItemsetsTest, MatchesAprioriOnAWiderWorld) {
  std::mt19937 rng(19);
  Lists lists = RandomBaskets(rng, 600, 60, 0.08);
  // Plant two patterns so that longer itemsets exist.
  for (int b = 0; b < 600; b += 7) lists[b].insert(lists[b].end(), {3, 14, 15, 92 % 60});
  for (int b = 0; b < 600; b += 11) lists[b].insert(lists[b].end(), {2, 7, 18, 28, 45});
  for (uint32_t support : {6u, 12u, 30u}) {
    EXPECT_EQ(Mine(lists, support), Apriori(lists, support)) << support;
  }
}

// Beyond a size the miner counts pairs per top-level item instead of in one table; force that
// path here (internal API) and compare it with the brute force too.
TEST(ItemsetsTest, MinerWithoutThePairTableMatchesBruteForce) {
  std::mt19937 rng(31);
  for (int round = 0; round < 10; ++round) {
    const Lists lists = RandomBaskets(rng, 50, 10, 0.3 + 0.05 * round);
    const Baskets baskets = Baskets::FromLists(lists);
    for (uint32_t support : {1u, 2u, 5u}) {
      for (uint32_t max_len : {0u, 2u, 3u}) {
        ItemsetCounts mined;
        for (const auto& part : internal::MineFrequent(baskets, support, max_len, 2, 0)) {
          for (size_t i = 0; i + 1 < part.offsets.size(); ++i) {
            std::vector<uint32_t> items(part.items.begin() + part.offsets[i],
                                        part.items.begin() + part.offsets[i + 1]);
            std::sort(items.begin(), items.end());
            ASSERT_TRUE(mined.emplace(items, part.counts[i]).second) << "reported twice";
          }
        }
        ASSERT_EQ(mined, BruteForce(lists, 10, support, max_len, ItemsetKind::kAll))
            << "round " << round << ", support " << support << ", max_len " << max_len;
      }
    }
  }
}

// Enough baskets for the root database to be built in parts, one per thread, too.
TEST(ItemsetsTest, ThreadCountDoesNotChangeTheResult) {
  std::mt19937 rng(23);
  const Lists lists = RandomBaskets(rng, 40000, 40, 0.12);
  const Baskets baskets = Baskets::FromLists(lists);
  auto one = MineItemsets(baskets, {.min_support = 0.002, .threads = 1});
  ASSERT_TRUE(one);
  for (int threads : {2, 3, 8}) {
    auto many = MineItemsets(baskets, {.min_support = 0.002, .threads = threads});
    ASSERT_TRUE(many);
    EXPECT_EQ(one->offsets, many->offsets) << threads;
    EXPECT_EQ(one->items, many->items) << threads;
    EXPECT_EQ(one->counts, many->counts) << threads;
  }
  EXPECT_GT(one->size(), 500u);
}

TEST(ItemsetsTest, OrdersBySizeThenItems) {
  auto mined = MineItemsets(Baskets::FromLists({{2, 0, 1}, {1, 2}, {0, 2}}), {.min_support = 1});
  ASSERT_TRUE(mined);
  std::vector<std::pair<std::vector<uint32_t>, uint32_t>> listed;
  for (size_t i = 0; i < mined->size(); ++i) {
    auto items = mined->itemset(i);
    listed.emplace_back(std::vector<uint32_t>(items.begin(), items.end()), mined->counts[i]);
  }
  using V = std::vector<uint32_t>;
  EXPECT_THAT(listed, ElementsAre(Pair(V{0}, 2), Pair(V{1}, 2), Pair(V{2}, 3), Pair(V{0, 1}, 1),
                                  Pair(V{0, 2}, 2), Pair(V{1, 2}, 2), Pair(V{0, 1, 2}, 1)));
  EXPECT_EQ(mined->longest(), 3u);
  EXPECT_EQ(mined->num_baskets, 3u);
  EXPECT_EQ(mined->min_count, 1u);
}

TEST(ItemsetsTest, EmptyBasketsCountInTheDenominator) {
  // Two of the four baskets are empty: {0} is in 2 of 4, a share of 0.5.
  const Lists lists = {{0, 1}, {}, {0}, {}};
  EXPECT_EQ(Mine(lists, 0.5), (ItemsetCounts{{{0}, 2}}));
  EXPECT_EQ(Mine(lists, 0.25), (ItemsetCounts{{{0}, 2}, {{1}, 1}, {{0, 1}, 1}}));
  EXPECT_EQ(Mine({{}, {}}, 0.5), ItemsetCounts{});
  EXPECT_EQ(Mine({}, 0.5), ItemsetCounts{});
}

TEST(ItemsetsTest, AnItemRepeatedInABasketCountsOnce) {
  EXPECT_EQ(Mine({{4, 4, 4, 2}, {4}}, 1),
            (ItemsetCounts{{{2}, 1}, {{4}, 2}, {{2, 4}, 1}}));
}

TEST(ItemsetsTest, OneBasketYieldsAllItsSubsets) {
  auto mined = Mine({{5, 1, 3}}, 1);
  EXPECT_EQ(mined.size(), 7u);
  for (const auto& [items, count] : mined) EXPECT_EQ(count, 1u);
  EXPECT_EQ(Mine({{5, 1, 3}}, 1, 0, ItemsetKind::kMaximal), (ItemsetCounts{{{1, 3, 5}, 1}}));
  EXPECT_EQ(Mine({{5, 1, 3}}, 0.5, 2, ItemsetKind::kClosed),
            (ItemsetCounts{{{1, 3}, 1}, {{1, 5}, 1}, {{3, 5}, 1}}));
}

TEST(ItemsetsTest, RejectsSupportsThatSelectNothingSensible) {
  const Baskets baskets = Baskets::FromLists({{0}, {1}, {0, 1}});
  EXPECT_THAT(MineItemsets(baskets, {.min_support = 0}),
              FailsWith(StatusCode::kInvalidArgument, "must be above 0"));
  EXPECT_THAT(MineItemsets(baskets, {.min_support = -0.1}),
              FailsWith(StatusCode::kInvalidArgument, "must be above 0"));
  EXPECT_THAT(MineItemsets(baskets, {.min_support = std::nan("")}),
              FailsWith(StatusCode::kInvalidArgument, "must be above 0"));
  EXPECT_THAT(MineItemsets(baskets, {.min_support = 4}),
              FailsWith(StatusCode::kInvalidArgument,
                        "minimum support of 4 baskets is more than the 3 baskets in the input"));
  EXPECT_THAT(MineItemsets(baskets, {.min_support = 1.5}),
              FailsWith(StatusCode::kInvalidArgument, "must be a whole number"));
  EXPECT_THAT(MineItemsets(baskets, {.min_support = 0.5, .threads = -1}),
              FailsWith(StatusCode::kInvalidArgument, "threads"));
  auto bad = MineItemsets(baskets, {.min_support = 0});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field(), "min_support");
  // The number of baskets itself is a valid absolute support.
  EXPECT_TRUE(MineItemsets(baskets, {.min_support = 3}));
}

TEST(ItemsetsTest, MinCountOfAFractionIsTheSmallestCountReachingIt) {
  // 0.1 * 30 is 3.0000000000000004 in floating point; 3 / 30 still reaches 0.1.
  EXPECT_EQ(MinCount(0.1, 30), 3u);
  EXPECT_EQ(MinCount(0.3, 10), 3u);
  EXPECT_EQ(MinCount(0.31, 10), 4u);
  EXPECT_EQ(MinCount(0.001, 100000), 100u);
  EXPECT_EQ(MinCount(0.0005, 100000), 50u);
  EXPECT_EQ(MinCount(1e-9, 10), 1u);
  EXPECT_EQ(MinCount(0.5, 0), 1u);
  EXPECT_EQ(MinCount(7, 10), 7u);
  EXPECT_FALSE(MinCount(std::numeric_limits<double>::infinity(), 10));
}

}  // namespace
}  // namespace centric::analytics::basket
