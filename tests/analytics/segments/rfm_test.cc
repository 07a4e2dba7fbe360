// SPDX-License-Identifier: Apache-2.0
#include "analytics/segments/rfm.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "status_matchers.h"

namespace centric::analytics::segments {
namespace {

using ::testing::Each;
using ::testing::ElementsAre;

constexpr int32_t kAsOf = 1000;

struct Row {
  int32_t days_since;  // as-of day minus last purchase day
  int32_t frequency;   // repeat periods; purchase periods = frequency + 1
  int64_t total_spend;
};

clv::CustomerSummaries Summaries(const std::vector<Row>& rows) {
  clv::CustomerSummaries s;
  for (size_t i = 0; i < rows.size(); ++i) {
    s.customer.push_back(static_cast<uint32_t>(i));
    s.frequency.push_back(rows[i].frequency);
    s.recency.push_back(0);
    s.T.push_back(0);
    s.monetary.push_back(0);
    s.total_spend.push_back(rows[i].total_spend);
    s.first_day.push_back(kAsOf - rows[i].days_since);
    s.last_day.push_back(kAsOf - rows[i].days_since);
    s.holdout_purchases.push_back(0);
    s.holdout_spend.push_back(0);
  }
  return s;
}

// Ten customers, n = 10, so every score is 1 + L / 2 with L the count strictly worse.
//        days  periods  spend   R  F  M  FM  segment
//   c0      0       10  50000   5  5  5   5  champions
//   c1      0        1   3000   5  1  2   1  new
//   c2      5        5  20000   4  4  4   4  loyal
//   c3     10        1   1000   4  1  1   1  promising
//   c4     20        3   8000   3  4  4   4  loyal
//   c5     40        1   2000   3  1  2   1  about_to_sleep
//   c6     60        2   6000   2  3  3   3  at_risk
//   c7     90        1   4000   2  1  3   2  hibernating
//   c8    200        7  30000   1  5  5   5  cant_lose
//   c9    400        1    500   1  1  1   1  lost
// R: c0 and c1 tie (0 days) with 8 customers older: L 8 -> 5; c9 (400 days) L 0 -> 1.
// F: five one-period customers tie at L 0 -> 1; 2 periods L 5 -> 3 (so nobody scores 2);
//    3 -> L 6 -> 4; 5 -> L 7 -> 4; 7 -> L 8 -> 5; 10 -> L 9 -> 5.
// M: distinct, so sorted position / 2 + 1.
std::vector<Row> TenCustomers() {
  return {{0, 9, 50000},  {0, 0, 3000},  {5, 4, 20000}, {10, 0, 1000}, {20, 2, 8000},
          {40, 0, 2000},  {60, 1, 6000}, {90, 0, 4000}, {200, 6, 30000}, {400, 0, 500}};
}

std::vector<int> AsInts(const std::vector<uint8_t>& v) { return {v.begin(), v.end()}; }

TEST(RfmTest, ScoresAndSegmentsOfTenCustomers) {
  auto rfm = ScoreRfm(Summaries(TenCustomers()), {.as_of_day = kAsOf});
  ASSERT_TRUE(rfm) << rfm.error().ToString();
  EXPECT_THAT(AsInts(rfm->r), ElementsAre(5, 5, 4, 4, 3, 3, 2, 2, 1, 1));
  EXPECT_THAT(AsInts(rfm->f), ElementsAre(5, 1, 4, 1, 4, 1, 3, 1, 5, 1));
  EXPECT_THAT(AsInts(rfm->m), ElementsAre(5, 2, 4, 1, 4, 2, 3, 3, 5, 1));
  EXPECT_THAT(AsInts(rfm->fm), ElementsAre(5, 1, 4, 1, 4, 1, 3, 2, 5, 1));
  using S = RfmSegment;
  EXPECT_THAT(rfm->segment,
              ElementsAre(S::kChampions, S::kNew, S::kLoyal, S::kPromising, S::kLoyal,
                          S::kAboutToSleep, S::kAtRisk, S::kHibernating, S::kCantLose, S::kLost));
  // Indexed by RfmSegment: champions, loyal, potential_loyalist, new, promising,
  // need_attention, about_to_sleep, at_risk, cant_lose, hibernating, lost.
  EXPECT_THAT(rfm->segment_counts, ElementsAre(1, 2, 0, 1, 1, 0, 1, 1, 1, 1, 1));
}

TEST(RfmTest, GridCountsCustomersByRecencyAndFrequencyMonetary) {
  auto rfm = ScoreRfm(Summaries(TenCustomers()), {.as_of_day = kAsOf});
  ASSERT_TRUE(rfm);
  // One customer in each of (R, FM) = (5,5) (5,1) (4,4) (4,1) (3,4) (3,1) (2,3) (2,2) (1,5)
  // (1,1), from the table above.
  int64_t total = 0;
  for (int r = 1; r <= 5; ++r) {
    for (int fm = 1; fm <= 5; ++fm) total += rfm->grid.at(r, fm);
  }
  EXPECT_EQ(total, 10);
  for (auto [r, fm] : {std::pair{5, 5}, {5, 1}, {4, 4}, {4, 1}, {3, 4}, {3, 1}, {2, 3}, {2, 2},
                       {1, 5}, {1, 1}}) {
    EXPECT_EQ(rfm->grid.at(r, fm), 1) << "R=" << r << " FM=" << fm;
  }
}

TEST(RfmTest, CutsAreInDaysPeriodsAndMinorUnits) {
  auto rfm = ScoreRfm(Summaries(TenCustomers()), {.as_of_day = kAsOf});
  ASSERT_TRUE(rfm);
  // Cut ranks 1, 3, 5, 7 of each sorted column.
  // Last days 600 800 910 940 960 980 990 995 1000 1000 -> 800 940 980 995, so R >= k below
  // 200, 60, 20 and 5 days. Periods 1 1 1 1 1 2 3 5 7 10 -> 1 1 2 5.
  // Spend 500 1000 2000 3000 4000 6000 8000 20000 30000 50000 -> 1000 3000 6000 20000.
  EXPECT_THAT(rfm->cuts.recency_days_below, ElementsAre(200, 60, 20, 5));
  EXPECT_THAT(rfm->cuts.periods_above, ElementsAre(1, 1, 2, 5));
  EXPECT_THAT(rfm->cuts.monetary_above, ElementsAre(1000, 3000, 6000, 20000));
}

TEST(RfmTest, MeanSpendPerPeriodKeepsTiesTogether) {
  // Spend per period: c0 50000/10 = 5000, c1 3000, c2 20000/5 = 4000, c3 1000,
  // c4 8000/3 = 2666.7, c5 2000, c6 6000/2 = 3000, c7 4000, c8 30000/7 = 4285.7, c9 500.
  // Sorted: 500 1000 2000 2666.7 3000 3000 4000 4000 4285.7 5000; the 3000s (c1, c6) have
  // L 4 -> 3 and the 4000s (c2, c7) L 6 -> 4.
  auto rfm = ScoreRfm(Summaries(TenCustomers()),
                      {.as_of_day = kAsOf, .monetary = RfmMonetary::kMeanPerPeriod});
  ASSERT_TRUE(rfm);
  EXPECT_THAT(AsInts(rfm->m), ElementsAre(5, 3, 4, 1, 2, 2, 3, 4, 5, 1));
}

TEST(RfmTest, OneCustomerScoresOneEverywhereAndIsLost) {
  // Scores are relative: with nobody to be better than, every score is 1 (docs/segments.md).
  auto rfm = ScoreRfm(Summaries({{0, 3, 9000}}), {.as_of_day = kAsOf});
  ASSERT_TRUE(rfm);
  EXPECT_THAT(AsInts(rfm->r), ElementsAre(1));
  EXPECT_THAT(rfm->segment, ElementsAre(RfmSegment::kLost));
  EXPECT_EQ(rfm->grid.at(1, 1), 1);
}

TEST(RfmTest, EveryoneOnOneDayShareRecencyAndFrequency) {
  // Three one-time buyers on the as-of day: R and F have no spread, so both are 1 for all;
  // spend 100 / 200 / 300 gives M 1, 2, 4 (L 0, 1, 2 -> 1 + floor(5 L / 3)).
  auto rfm = ScoreRfm(Summaries({{0, 0, 100}, {0, 0, 200}, {0, 0, 300}}), {.as_of_day = kAsOf});
  ASSERT_TRUE(rfm);
  EXPECT_THAT(rfm->r, Each(1));
  EXPECT_THAT(rfm->f, Each(1));
  EXPECT_THAT(AsInts(rfm->m), ElementsAre(1, 2, 4));
  // FM = (1 + M) / 2 = 1, 1, 2: R1 x FM1-2 is lost.
  EXPECT_THAT(rfm->segment, Each(RfmSegment::kLost));
}

TEST(RfmTest, NoCustomersGiveEmptyScoresAndAZeroGrid) {
  auto rfm = ScoreRfm(clv::CustomerSummaries{}, {.as_of_day = kAsOf});
  ASSERT_TRUE(rfm);
  EXPECT_EQ(rfm->size(), 0u);
  EXPECT_EQ(rfm->grid.at(1, 1), 0);
  EXPECT_THAT(rfm->segment_counts, Each(0));
  EXPECT_THAT(rfm->cuts.monetary_above, Each(0));
}

TEST(RfmTest, RejectsInconsistentSummariesNamingTheField) {
  auto short_last_day = Summaries(TenCustomers());
  short_last_day.last_day.pop_back();
  EXPECT_THAT(ScoreRfm(short_last_day, {.as_of_day = kAsOf}), FailsOnField("last_day"));

  auto negative = Summaries(TenCustomers());
  negative.frequency[3] = -1;
  EXPECT_THAT(ScoreRfm(negative, {.as_of_day = kAsOf}), FailsOnField("frequency"));

  // A last purchase after the as-of date means the summaries were built at another date.
  EXPECT_THAT(ScoreRfm(Summaries(TenCustomers()), {.as_of_day = kAsOf - 1}),
              FailsOnField("as_of_day"));
}

}  // namespace
}  // namespace centric::analytics::segments
