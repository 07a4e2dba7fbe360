// SPDX-License-Identifier: Apache-2.0
#include "analytics/segments/cohorts.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>

#include "status_matchers.h"

namespace centric::analytics::segments {
namespace {

using ::testing::DoubleEq;
using ::testing::ElementsAre;

int32_t Day(int y, unsigned m, unsigned d) {
  using namespace std::chrono;
  return static_cast<int32_t>(
      sys_days{year{y} / month{m} / day{d}}.time_since_epoch().count());
}

// The world, as-of 2024-03-15 (the as-of month, March, is partial):
//   c0  Jan 5 (1.00), Jan 20 (0.50), Feb 10 (0.80)       cohort Jan; buys Jan, Feb
//   c1  Jan 31, Mar 15 (the as-of day counts)            cohort Jan; buys Jan, Mar
//   c2  return on Jan 15, buys Feb 1 and Feb 2, Mar 16   cohort Feb (a return is no purchase);
//                                                        buys Feb (Mar 16 is after as-of)
//   c3  zero amount Feb 29, buys Mar 1                   cohort Mar
//   c4  Dec 31 2023, Mar 14                              cohort Dec; buys Dec, Mar
//   c5  Apr 1 only                                       no cohort (after as-of)
//   c6  Mar 2, Jan 10, Mar 3 (rows out of order)         cohort Jan; buys Jan, Mar
// Matrix (offsets from the cohort month up to March):
//   2023-12  1 customer   active 1 0 0 1   retention 1 0 0 1
//   2024-01  3 customers  active 3 1 2     retention 1 1/3 2/3   (Feb: c0; Mar: c1, c6)
//   2024-02  1 customer   active 1 0       retention 1 0
//   2024-03  1 customer   active 1         retention 1
clv::Transactions World() {
  clv::Transactions t;
  t.Add(0, Day(2024, 1, 5), 100);
  t.Add(0, Day(2024, 1, 20), 50);
  t.Add(0, Day(2024, 2, 10), 80);
  t.Add(1, Day(2024, 1, 31), 100);
  t.Add(1, Day(2024, 3, 15), 10);
  t.Add(2, Day(2024, 1, 15), -50);
  t.Add(2, Day(2024, 2, 1), 200);
  t.Add(2, Day(2024, 2, 2), 30);
  t.Add(2, Day(2024, 3, 16), 99);
  t.Add(3, Day(2024, 2, 29), 0);
  t.Add(3, Day(2024, 3, 1), 10);
  t.Add(4, Day(2023, 12, 31), 500);
  t.Add(4, Day(2024, 3, 14), 20);
  t.Add(5, Day(2024, 4, 1), 100);
  t.Add(6, Day(2024, 3, 2), 5);
  t.Add(6, Day(2024, 1, 10), 5);
  t.Add(6, Day(2024, 3, 3), 5);
  return t;
}

TEST(CohortsTest, RetentionMatrixOfASmallWorld) {
  auto m = BuildCohortMatrix(World(), Day(2024, 3, 15));
  ASSERT_TRUE(m) << m.error().ToString();
  EXPECT_EQ(m->customers, 6);
  ASSERT_EQ(m->cohorts.size(), 4u);

  const Cohort& dec = m->cohorts[0];
  EXPECT_EQ(dec.year, 2023);
  EXPECT_EQ(dec.month, 12);
  EXPECT_EQ(dec.first_day, Day(2023, 12, 1));
  EXPECT_EQ(dec.customers, 1);
  EXPECT_THAT(dec.active, ElementsAre(1, 0, 0, 1));
  EXPECT_THAT(dec.retention, ElementsAre(1, 0, 0, 1));

  const Cohort& jan = m->cohorts[1];
  EXPECT_EQ(jan.year, 2024);
  EXPECT_EQ(jan.month, 1);
  EXPECT_EQ(jan.customers, 3);
  EXPECT_THAT(jan.active, ElementsAre(3, 1, 2));
  EXPECT_THAT(jan.retention, ElementsAre(1, DoubleEq(1.0 / 3), DoubleEq(2.0 / 3)));

  const Cohort& feb = m->cohorts[2];
  EXPECT_EQ(feb.month, 2);
  EXPECT_EQ(feb.customers, 1);
  EXPECT_THAT(feb.active, ElementsAre(1, 0));

  const Cohort& mar = m->cohorts[3];
  EXPECT_EQ(mar.month, 3);
  EXPECT_EQ(mar.first_day, Day(2024, 3, 1));
  EXPECT_THAT(mar.active, ElementsAre(1));
  EXPECT_THAT(mar.retention, ElementsAre(1));
}

TEST(CohortsTest, MonthsWithoutNewCustomersHaveNoRow) {
  // c0 first buys in January, c1 in March; February has no cohort, though c0 buys then.
  clv::Transactions t;
  t.Add(0, Day(2024, 1, 3), 10);
  t.Add(0, Day(2024, 2, 3), 10);
  t.Add(1, Day(2024, 3, 3), 10);
  auto m = BuildCohortMatrix(t, Day(2024, 3, 31));
  ASSERT_TRUE(m);
  ASSERT_EQ(m->cohorts.size(), 2u);
  EXPECT_EQ(m->cohorts[0].month, 1);
  EXPECT_THAT(m->cohorts[0].active, ElementsAre(1, 1, 0));
  EXPECT_EQ(m->cohorts[1].month, 3);
  EXPECT_THAT(m->cohorts[1].active, ElementsAre(1));
}

TEST(CohortsTest, MonthsBefore1970HaveTheirCalendarYear) {
  // Day -1 is 1969-12-31; as-of 1970-02-10 makes offsets Dec, Jan, Feb.
  clv::Transactions t;
  t.Add(0, -1, 10);
  t.Add(0, Day(1970, 2, 1), 10);
  auto m = BuildCohortMatrix(t, Day(1970, 2, 10));
  ASSERT_TRUE(m);
  ASSERT_EQ(m->cohorts.size(), 1u);
  EXPECT_EQ(m->cohorts[0].year, 1969);
  EXPECT_EQ(m->cohorts[0].month, 12);
  EXPECT_EQ(m->cohorts[0].first_day, Day(1969, 12, 1));
  EXPECT_THAT(m->cohorts[0].active, ElementsAre(1, 0, 1));
}

TEST(CohortsTest, NoPurchaseByTheAsOfDateGivesNoCohorts) {
  EXPECT_TRUE(BuildCohortMatrix(clv::Transactions{}, 0)->cohorts.empty());
  // Everything in the world is on or after 2023-12-31.
  auto m = BuildCohortMatrix(World(), Day(2023, 12, 30));
  ASSERT_TRUE(m);
  EXPECT_TRUE(m->cohorts.empty());
  EXPECT_EQ(m->customers, 0);
}

TEST(CohortsTest, RejectsMalformedTransactionsNamingTheField) {
  clv::Transactions ragged = World();
  ragged.day.pop_back();
  EXPECT_THAT(BuildCohortMatrix(ragged, Day(2024, 3, 15)), FailsOnField("day"));

  clv::Transactions out_of_range = World();
  out_of_range.customer_count = 3;
  EXPECT_THAT(BuildCohortMatrix(out_of_range, Day(2024, 3, 15)), FailsOnField("customer"));

  // A purchase in year 1 (a corrupt day number) would span over 24,000 months.
  clv::Transactions corrupt = World();
  corrupt.Add(0, Day(1, 1, 1), 10);
  EXPECT_THAT(BuildCohortMatrix(corrupt, Day(2024, 3, 15)), FailsOnField("day"));
}

}  // namespace
}  // namespace centric::analytics::segments
