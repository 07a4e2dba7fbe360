// SPDX-License-Identifier: Apache-2.0
#include "analytics/basket/rules.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>
#include <tuple>

#include "basket_testing.h"

namespace centric::analytics::basket {
namespace {

using ::testing::ElementsAre;
using testing::FailsWith;
using testing::Lists;
using testing::RandomBaskets;

const double kInf = std::numeric_limits<double>::infinity();

// The worked example: 8 baskets over items 1..5.
//   b1: 1 2      b2: 1 2 3    b3: 1 3 5    b4: 1 2 4
//   b5: 2 3      b6: 1 2 3 5  b7: 4        b8: 1 2
// Counts: n(1) = 6, n(2) = 6, n(3) = 4, n(4) = 2, n(5) = 2; n(12) = 5 (b1 b2 b4 b6 b8),
// n(13) = 3, n(15) = 2, n(23) = 3, n(35) = 2, n(14) = n(24) = n(25) = 1, n(34) = n(45) = 0;
// n(123) = 2 (b2 b6), n(135) = 2 (b3 b6), n(125) = n(235) = n(1235) = 1.
// At a minimum count of 2 the frequent itemsets are the 5 items, the 5 pairs 12 13 15 23 35
// and the 2 triples 123 135: 12 itemsets, making 5 x 2 + 2 x 6 = 22 rules.
// Confidence >= 0.8 keeps 7: 1 -> 2 and 2 -> 1 (5/6), and with confidence 1:
// 5 -> 1, 5 -> 3, 5 -> 13, 15 -> 3, 35 -> 1. Everything else is at most 3/4 (3 -> 1).
const Lists kWorked = {{1, 2}, {1, 2, 3}, {1, 3, 5}, {1, 2, 4},
                       {2, 3}, {1, 2, 3, 5}, {4}, {1, 2}};

Itemsets MineWorked() {
  auto mined = MineItemsets(Baskets::FromLists(kWorked), {.min_support = 2});
  EXPECT_TRUE(mined);
  return *mined;
}

using Described = std::tuple<std::vector<uint32_t>, std::vector<uint32_t>, uint32_t>;

// Each rule as (antecedent, consequent, count).
std::vector<Described> Describe(const Itemsets& sets, const std::vector<Rule>& rules) {
  std::vector<Described> out;
  for (const Rule& r : rules) {
    auto a = sets.itemset(r.antecedent), c = sets.itemset(r.consequent);
    out.emplace_back(std::vector<uint32_t>(a.begin(), a.end()),
                     std::vector<uint32_t>(c.begin(), c.end()), r.count);
  }
  return out;
}

const Rule* FindRule(const Itemsets& sets, const std::vector<Rule>& rules,
                     std::vector<uint32_t> antecedent, std::vector<uint32_t> consequent) {
  for (const Rule& r : rules) {
    auto a = sets.itemset(r.antecedent), c = sets.itemset(r.consequent);
    if (std::vector<uint32_t>(a.begin(), a.end()) == antecedent &&
        std::vector<uint32_t>(c.begin(), c.end()) == consequent) {
      return &r;
    }
  }
  return nullptr;
}

TEST(RulesTest, WorkedExampleMeasures) {
  const Itemsets sets = MineWorked();
  ASSERT_EQ(sets.size(), 12u);
  auto all = GenerateRules(sets, {.min_confidence = 0});
  ASSERT_TRUE(all) << all.error().ToString();
  EXPECT_EQ(all->size(), 22u);

  // 1 -> 2: support 5/8 = 0.625; confidence 5/6; lift (5/6) / (6/8) = 10/9;
  // leverage 5/8 - (6/8)(6/8) = 0.625 - 0.5625 = 0.0625; conviction (1 - 6/8) / (1 - 5/6) = 1.5.
  const Rule* r = FindRule(sets, *all, {1}, {2});
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->count, 5u);
  EXPECT_EQ(r->antecedent_count, 6u);
  EXPECT_EQ(r->consequent_count, 6u);
  EXPECT_DOUBLE_EQ(r->measures.support, 0.625);
  EXPECT_DOUBLE_EQ(r->measures.confidence, 5.0 / 6);
  EXPECT_DOUBLE_EQ(r->measures.lift, 10.0 / 9);
  EXPECT_DOUBLE_EQ(r->measures.leverage, 0.0625);
  EXPECT_DOUBLE_EQ(r->measures.conviction, 1.5);

  // 1 2 -> 3: support 2/8 = 0.25; confidence 2/5 = 0.4; lift 0.4 / (4/8) = 0.8;
  // leverage 0.25 - (5/8)(4/8) = -0.0625; conviction (1 - 0.5) / (1 - 0.4) = 5/6.
  r = FindRule(sets, *all, {1, 2}, {3});
  ASSERT_NE(r, nullptr);
  EXPECT_DOUBLE_EQ(r->measures.support, 0.25);
  EXPECT_DOUBLE_EQ(r->measures.confidence, 0.4);
  EXPECT_DOUBLE_EQ(r->measures.lift, 0.8);
  EXPECT_DOUBLE_EQ(r->measures.leverage, -0.0625);
  EXPECT_DOUBLE_EQ(r->measures.conviction, 5.0 / 6);

  // 5 -> 1 3: both baskets with 5 hold 1 and 3. Confidence 1, so conviction is infinite;
  // lift 1 / (3/8) = 8/3; leverage 2/8 - (2/8)(3/8) = 0.25 - 0.09375 = 0.15625.
  r = FindRule(sets, *all, {5}, {1, 3});
  ASSERT_NE(r, nullptr);
  EXPECT_DOUBLE_EQ(r->measures.confidence, 1);
  EXPECT_DOUBLE_EQ(r->measures.lift, 8.0 / 3);
  EXPECT_DOUBLE_EQ(r->measures.leverage, 0.15625);
  EXPECT_EQ(r->measures.conviction, kInf);
}

TEST(RulesTest, WorkedExampleOrderAndFilters) {
  const Itemsets sets = MineWorked();
  using V = std::vector<uint32_t>;
  // By antecedent (itemset order: 1, 2, 5, 15, 35), then best first. For antecedent 5 all three
  // have confidence 1; lift 1 / (n(C) / 8) ranks 13 (8/3) before 3 (2) before 1 (4/3).
  auto rules = GenerateRules(sets, {.min_confidence = 0.8});
  ASSERT_TRUE(rules);
  EXPECT_THAT(Describe(sets, *rules),
              ElementsAre(Described{V{1}, V{2}, 5}, Described{V{2}, V{1}, 5},
                          Described{V{5}, V{1, 3}, 2}, Described{V{5}, V{3}, 2},
                          Described{V{5}, V{1}, 2}, Described{V{1, 5}, V{3}, 2},
                          Described{V{3, 5}, V{1}, 2}));

  // Lift >= 2: 5 -> 13 (8/3), 5 -> 3 (exactly 2 = 2 * 8 / (2 * 4)), 15 -> 3 (2).
  rules = GenerateRules(sets, {.min_confidence = 0.8, .min_lift = 2});
  ASSERT_TRUE(rules);
  EXPECT_THAT(Describe(sets, *rules),
              ElementsAre(Described{V{5}, V{1, 3}, 2}, Described{V{5}, V{3}, 2},
                          Described{V{1, 5}, V{3}, 2}));

  rules = GenerateRules(sets, {.min_confidence = 0.8, .top_per_antecedent = 1});
  ASSERT_TRUE(rules);
  EXPECT_THAT(Describe(sets, *rules),
              ElementsAre(Described{V{1}, V{2}, 5}, Described{V{2}, V{1}, 5},
                          Described{V{5}, V{1, 3}, 2}, Described{V{1, 5}, V{3}, 2},
                          Described{V{3, 5}, V{1}, 2}));

  rules = GenerateRules(sets, {.min_confidence = 0.8, .max_consequent_len = 1});
  ASSERT_TRUE(rules);
  EXPECT_EQ(rules->size(), 6u);

  // Leverage is symmetric in A and C. At least 0.1: 3 and 5 (2/8 - (4/8)(2/8) = 0.125),
  // 13 and 5 (2/8 - (3/8)(2/8) = 0.15625), 15 and 3 (2/8 - (2/8)(4/8) = 0.125), each both ways;
  // the next best, 1 and 2 or 1 and 5 or 35 and 1, have 0.0625.
  rules = GenerateRules(sets, {.min_confidence = 0, .min_leverage = 0.1});
  ASSERT_TRUE(rules);
  EXPECT_EQ(rules->size(), 6u);

  // Conviction infinity keeps the rules that never fail: the five of confidence 1.
  rules = GenerateRules(sets, {.min_confidence = 0, .min_conviction = kInf});
  ASSERT_TRUE(rules);
  EXPECT_EQ(rules->size(), 5u);
}

TEST(RulesTest, AConsequentInEveryBasketHasConvictionOneNotNaN) {
  // 9 is in all 3 baskets: 1 -> 9 always holds, but only because 9 always does.
  auto sets = MineItemsets(Baskets::FromLists({{1, 9}, {9}, {2, 9}}), {.min_support = 1});
  ASSERT_TRUE(sets);
  auto rules = GenerateRules(*sets, {.min_confidence = 0});
  ASSERT_TRUE(rules);
  const Rule* r = FindRule(*sets, *rules, {1}, {9});
  ASSERT_NE(r, nullptr);
  EXPECT_DOUBLE_EQ(r->measures.confidence, 1);
  EXPECT_DOUBLE_EQ(r->measures.lift, 1);
  EXPECT_DOUBLE_EQ(r->measures.leverage, 0);
  EXPECT_EQ(r->measures.conviction, 1);
  for (const Rule& rule : *rules) {
    const auto& m = rule.measures;
    for (double v : {m.support, m.confidence, m.lift, m.leverage, m.conviction}) {
      EXPECT_FALSE(std::isnan(v));
    }
  }
}

// Every rule from every frequent itemset, straight from the definition, against the
// generator's level-wise search with confidence pruning.
TEST(RulesTest, MatchesEnumeratingEverySplit) {
  std::mt19937 rng(29);
  for (int round = 0; round < 12; ++round) {
    const Lists lists = RandomBaskets(rng, 80, 9, 0.3 + 0.05 * (round % 6));
    auto sets = MineItemsets(Baskets::FromLists(lists), {.min_support = 3});
    ASSERT_TRUE(sets);
    const auto counts = testing::ToMap(*sets);
    for (double min_confidence : {0.0, 0.3, 0.6, 0.9, 1.0}) {
      std::set<Described> expected;
      for (const auto& [items, count] : counts) {
        const size_t k = items.size();
        for (uint32_t mask = 1; mask + 1 < (1u << k); ++mask) {
          std::vector<uint32_t> a, c;
          for (size_t p = 0; p < k; ++p) (mask >> p & 1 ? c : a).push_back(items[p]);
          if (static_cast<double>(count) / counts.at(a) >= min_confidence) {
            expected.emplace(a, c, count);
          }
        }
      }
      auto rules = GenerateRules(*sets, {.min_confidence = min_confidence, .threads = 2});
      ASSERT_TRUE(rules);
      auto got = Describe(*sets, *rules);
      EXPECT_EQ(std::set<Described>(got.begin(), got.end()), expected)
          << "round " << round << ", confidence " << min_confidence;
      EXPECT_EQ(got.size(), expected.size());
    }
  }
}

TEST(RulesTest, RejectsClosedItemsetsAndBadOptions) {
  const Itemsets sets = MineWorked();
  EXPECT_THAT(GenerateRules(SelectClosed(sets), {}),
              FailsWith(StatusCode::kFailedPrecondition, "not only the closed ones"));
  auto bad = GenerateRules(sets, {.min_confidence = 1.5});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.error().field(), "min_confidence");
  EXPECT_THAT(GenerateRules(sets, {.min_lift = std::nan("")}),
              FailsWith(StatusCode::kInvalidArgument, "outside"));
  EXPECT_THAT(GenerateRules(sets, {.min_conviction = -1}),
              FailsWith(StatusCode::kInvalidArgument, "outside"));
}

TEST(RulesTest, MeasureRuleByHand) {
  // 10 baskets, n(A) = 4, n(C) = 5, n(A u C) = 2: support 0.2, confidence 0.5, lift 1,
  // leverage 0.2 - 0.4 * 0.5 = 0, conviction (1 - 0.5) / (1 - 0.5) = 1: independence.
  const RuleMeasures m = MeasureRule(2, 4, 5, 10);
  EXPECT_DOUBLE_EQ(m.support, 0.2);
  EXPECT_DOUBLE_EQ(m.confidence, 0.5);
  EXPECT_DOUBLE_EQ(m.lift, 1);
  EXPECT_DOUBLE_EQ(m.leverage, 0);
  EXPECT_DOUBLE_EQ(m.conviction, 1);
}

}  // namespace
}  // namespace centric::analytics::basket
