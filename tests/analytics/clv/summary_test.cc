// SPDX-License-Identifier: Apache-2.0
#include "analytics/clv/summary.h"

#include <gtest/gtest.h>

#include "analytics/clv/rfm_data.h"

namespace centric::analytics::clv {
namespace {

// Day numbers: 2024-01-01 (a Monday) is day 19723.
constexpr int32_t kMon = 19723;

// The world: four customers over three weeks, as-of Sunday 2024-01-21 (kMon + 20).
//   c0 buys Mon wk1 (10.00) and Tue wk1 (5.00): one period only -> x=0, t_x=0, T=2 weeks.
//   c1 buys Mon wk1 (10.00), Wed wk2 (20.00) and Thu wk2 (4.00), Fri wk3 (30.00) and returns
//      8.00 on Sat wk3: periods wk1, wk2, wk3 -> x=2, t_x=2, T=2,
//      monetary = ((20+4) + (30-8)) / 2 = 23.00.
//   c2 first buys on the as-of day: x=0, t_x=0, T=0; then buys on Tue wk4 (holdout).
//   c3 only buys after the as-of date: not a calibration customer.
Transactions World() {
  Transactions t;
  t.Add(0, kMon, 1000);
  t.Add(0, kMon + 1, 500);
  t.Add(1, kMon, 1000);
  t.Add(1, kMon + 9, 2000);
  t.Add(1, kMon + 10, 400);
  t.Add(1, kMon + 18, 3000);
  t.Add(1, kMon + 19, -800);
  t.Add(2, kMon + 20, 700);
  t.Add(2, kMon + 22, 900);
  t.Add(3, kMon + 23, 100);
  return t;
}

TEST(SummaryTest, WeeklyFrequencyRecencyAgeAndMonetary) {
  auto s = Summarize(World(), {.as_of_day = kMon + 20, .period = Period::kWeek,
                               .holdout_end_day = kMon + 27});
  ASSERT_TRUE(s) << s.error().ToString();
  ASSERT_EQ(s->size(), 3u);
  EXPECT_EQ(s->customer, (std::vector<uint32_t>{0, 1, 2}));
  EXPECT_EQ(s->frequency, (std::vector<int32_t>{0, 2, 0}));
  EXPECT_EQ(s->recency, (std::vector<int32_t>{0, 2, 0}));
  EXPECT_EQ(s->T, (std::vector<int32_t>{2, 2, 0}));
  EXPECT_DOUBLE_EQ(s->monetary[0], 0);
  EXPECT_DOUBLE_EQ(s->monetary[1], 2300);
  EXPECT_EQ(s->holdout_purchases, (std::vector<int32_t>{0, 0, 1}));
  EXPECT_EQ(s->holdout_spend[2], 900);
  EXPECT_EQ(s->future_only_customers, 1);
  EXPECT_EQ(s->repeaters(), 1);
}

TEST(SummaryTest, DailyPeriodsCountEachDay) {
  auto s = Summarize(World(), {.as_of_day = kMon + 20, .period = Period::kDay});
  ASSERT_TRUE(s);
  EXPECT_EQ(s->frequency[0], 1);
  EXPECT_EQ(s->recency[0], 1);
  EXPECT_EQ(s->T[0], 20);
  // c1: days 0, 9, 10, 18 -> x=3; monetary = (2000 + 400 + (3000 - 800 on another day: the
  // return on day 19 has no purchase that day, so it is ignored)) / 3.
  EXPECT_EQ(s->frequency[1], 3);
  EXPECT_DOUBLE_EQ(s->monetary[1], (2000.0 + 400 + 3000) / 3);
  EXPECT_EQ(s->ignored_returns, 1);
}

TEST(SummaryTest, OutOfOrderRowsGiveTheSameSummaries) {
  Transactions t = World();
  Transactions reversed;
  for (size_t i = t.size(); i-- > 0;) reversed.Add(t.customer[i], t.day[i], t.amount_minor[i]);
  SummaryOptions opt{.as_of_day = kMon + 20, .period = Period::kWeek, .holdout_end_day = kMon + 27};
  auto a = Summarize(t, opt);
  auto b = Summarize(reversed, opt);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->frequency, b->frequency);
  EXPECT_EQ(a->recency, b->recency);
  EXPECT_EQ(a->T, b->T);
  EXPECT_EQ(a->monetary, b->monetary);
  EXPECT_EQ(a->holdout_purchases, b->holdout_purchases);
}

TEST(SummaryTest, RejectsAHoldoutThatEndsBeforeTheAsOfDate) {
  auto s = Summarize(World(), {.as_of_day = kMon + 20, .holdout_end_day = kMon + 10});
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().field(), "holdout-end");
}

TEST(SummaryTest, CompressionFoldsEqualTriples) {
  Transactions t;
  for (uint32_t c = 0; c < 100; ++c) {
    t.Add(c, kMon, 100);
    if (c % 2) t.Add(c, kMon + 7, 100);
  }
  auto s = Summarize(t, {.as_of_day = kMon + 14, .period = Period::kWeek});
  RfmData d = Compress(*s);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_DOUBLE_EQ(d.total_weight, 100);
  EXPECT_DOUBLE_EQ(d.repeat_weight, 50);
  EXPECT_EQ(d.max_T, 2);
}

}  // namespace
}  // namespace centric::analytics::clv
