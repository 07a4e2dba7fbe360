// SPDX-License-Identifier: Apache-2.0
#include "analytics/segments/new_vs_established.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "status_matchers.h"

namespace centric::analytics::segments {
namespace {

// As-of A = 1000, W = 90, F = 30: entry window (910, 1000], follow-up (1000, 1030].
//   c0   first 950, buys 1010                       new, repeats
//   c1   first 1000 (the as-of day)                 new
//   c2   first 911, buys 1030 (last follow-up day)  new, repeats
//   c3   first 910 (on A - W: before the window), buys 960 and 1031 (after the follow-up)
//                                                   established
//   c4   first 500, buys 999 and 1001               established, repeats
//   c5   first 500, buys 1020                       lapsed, repeats (reactivated)
//   c6   first 600                                  lapsed
//   c7   first 1005                                 no group: first purchase after A
//   c8   first 920, returns on 1015                 new (a return is no purchase)
//   c9   first 800, returns on 950                  lapsed (a return is no activity)
//   c10  first 700, buys 980 and 1025               established, repeats
// new 4 customers, 2 repeaters (rate 1/2); established 3, 2 (2/3); lapsed 3, 1 (1/3).
clv::Transactions World() {
  clv::Transactions t;
  t.Add(0, 950, 100);
  t.Add(0, 1010, 100);
  t.Add(1, 1000, 100);
  t.Add(2, 911, 100);
  t.Add(2, 1030, 100);
  t.Add(3, 910, 100);
  t.Add(3, 960, 100);
  t.Add(3, 1031, 100);
  t.Add(4, 1001, 100);  // rows need not be in time order
  t.Add(4, 500, 100);
  t.Add(4, 999, 100);
  t.Add(5, 500, 100);
  t.Add(5, 1020, 100);
  t.Add(6, 600, 100);
  t.Add(7, 1005, 100);
  t.Add(8, 920, 100);
  t.Add(8, 1015, -100);
  t.Add(9, 800, 100);
  t.Add(9, 950, -50);
  t.Add(10, 700, 100);
  t.Add(10, 980, 100);
  t.Add(10, 1025, 100);
  return t;
}

TEST(NewVsEstablishedTest, RepeatRatesOfASmallWorld) {
  auto r = CompareNewAndEstablished(World(),
                                    {.as_of_day = 1000, .new_window_days = 90, .follow_days = 30});
  ASSERT_TRUE(r) << r.error().ToString();
  EXPECT_EQ(r->new_customers.customers, 4);
  EXPECT_EQ(r->new_customers.repeaters, 2);
  EXPECT_DOUBLE_EQ(r->new_customers.rate, 0.5);
  EXPECT_EQ(r->established.customers, 3);
  EXPECT_EQ(r->established.repeaters, 2);
  EXPECT_DOUBLE_EQ(r->established.rate, 2.0 / 3);
  EXPECT_EQ(r->lapsed.customers, 3);
  EXPECT_EQ(r->lapsed.repeaters, 1);
  EXPECT_DOUBLE_EQ(r->lapsed.rate, 1.0 / 3);
  // The last row is on 1031, past the follow-up end 1030.
  EXPECT_TRUE(r->follow_up_complete);
}

TEST(NewVsEstablishedTest, FlagsAFollowUpWindowThatRunsPastTheData) {
  // F = 40 ends on 1040, after the last row (1031); c3's 1031 purchase now counts, so every
  // established customer repeats.
  auto r = CompareNewAndEstablished(World(),
                                    {.as_of_day = 1000, .new_window_days = 90, .follow_days = 40});
  ASSERT_TRUE(r);
  EXPECT_FALSE(r->follow_up_complete);
  EXPECT_EQ(r->established.repeaters, 3);
  EXPECT_DOUBLE_EQ(r->established.rate, 1.0);
}

TEST(NewVsEstablishedTest, AWiderWindowMakesEveryoneNew) {
  // W = 600: entry window (400, 1000] holds every first purchase on or before A, so all ten
  // customers are new; repeaters c0, c2, c4, c5, c10.
  auto r = CompareNewAndEstablished(World(),
                                    {.as_of_day = 1000, .new_window_days = 600, .follow_days = 30});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->new_customers.customers, 10);
  EXPECT_EQ(r->new_customers.repeaters, 5);
  EXPECT_EQ(r->established.customers, 0);
  EXPECT_DOUBLE_EQ(r->established.rate, 0.0);  // empty group: 0, not NaN
}

TEST(NewVsEstablishedTest, NoTransactionsGiveEmptyGroups) {
  auto r = CompareNewAndEstablished(clv::Transactions{}, {.as_of_day = 1000});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->new_customers.customers, 0);
  EXPECT_DOUBLE_EQ(r->new_customers.rate, 0.0);
  EXPECT_DOUBLE_EQ(r->lapsed.rate, 0.0);
  EXPECT_FALSE(r->follow_up_complete);
}

TEST(NewVsEstablishedTest, RejectsBadWindowsAndTransactionsNamingTheField) {
  EXPECT_THAT(CompareNewAndEstablished(World(), {.as_of_day = 1000, .new_window_days = 0}),
              FailsOnField("new_window_days"));
  EXPECT_THAT(CompareNewAndEstablished(World(), {.as_of_day = 1000, .follow_days = -5}),
              FailsOnField("follow_days"));
  clv::Transactions ragged = World();
  ragged.amount_minor.pop_back();
  EXPECT_THAT(CompareNewAndEstablished(ragged, {.as_of_day = 1000}),
              FailsOnField("amount_minor"));
}

}  // namespace
}  // namespace centric::analytics::segments
