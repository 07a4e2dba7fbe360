// SPDX-License-Identifier: Apache-2.0
#include "analytics/clv/clv.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace centric::analytics::clv {
namespace {

constexpr int32_t kStart = 19723;  // 2024-01-01, a Monday

// A world with a true BG/NBD process in days: 4,000 customers join over the first 100 days,
// buy at Gamma(0.8, 20)-distributed daily rates, drop out after a purchase with
// Beta(1.5, 4) probability, and spend Gamma(4, nu) per purchase with nu ~ Gamma(3, 0.002)
// (means around 40.00). Calibration ends on day 300, the holdout on day 420.
Transactions SimulatedWorld(uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::gamma_distribution<double> rate(0.8, 1.0 / 20), nu(3, 1.0 / 0.002);
  std::uniform_real_distribution<double> u01(0, 1);
  Transactions t;
  for (uint32_t c = 0; c < 4000; ++c) {
    const double lambda = rate(rng);
    std::gamma_distribution<double> pa(1.5, 1), pb(4, 1);
    const double ga = pa(rng), gb = pb(rng);
    const double drop = ga / (ga + gb);
    std::gamma_distribution<double> spend(4, 1 / nu(rng));
    double day = std::floor(u01(rng) * 100);
    t.Add(c, kStart + static_cast<int32_t>(day), std::llround(spend(rng)) + 1);
    while (true) {
      day += -std::log(u01(rng)) / lambda;
      if (day > 420) break;
      t.Add(c, kStart + static_cast<int32_t>(day), std::llround(spend(rng)) + 1);
      if (u01(rng) < drop) break;
    }
  }
  return t;
}

TEST(RetentionTest, FitsPredictsAndValidatesOnAHoldout) {
  Transactions world = SimulatedWorld(21);
  auto report = AnalyzeRetention(world, {.as_of_day = kStart + 300, .period = Period::kDay,
                                         .holdout_end_day = kStart + 420});
  ASSERT_TRUE(report) << report.error().ToString();
  EXPECT_TRUE(report->purchase_fit.converged);
  ASSERT_TRUE(report->spend_fit.has_value());
  ASSERT_TRUE(report->holdout.has_value());
  const auto& h = *report->holdout;
  // The model is the true process, so aggregate holdout purchases are predicted within
  // sampling noise (about 4,000 customers: a few percent).
  EXPECT_NEAR(h.predicted_total / h.actual_total, 1.0, 0.1)
      << h.predicted_total << " vs " << h.actual_total;
  EXPECT_EQ(h.by_frequency.size(), 8u);
  EXPECT_GT(h.by_frequency[0].customers, 0);
  // More past purchases predict more future purchases.
  EXPECT_GT(h.by_frequency[3].predicted_mean, h.by_frequency[0].predicted_mean);
  for (size_t i = 0; i < report->summaries.size(); ++i) {
    EXPECT_GE(report->predictions.p_alive[i], 0);
    EXPECT_LE(report->predictions.p_alive[i], 1);
    EXPECT_GE(report->predictions.clv[i], 0);
  }
}

TEST(RetentionTest, ParetoNbdRunsTheSamePipeline) {
  Transactions world = SimulatedWorld(22);
  auto report = AnalyzeRetention(world, {.as_of_day = kStart + 300, .period = Period::kWeek,
                                         .model = PurchaseModel::kParetoNbd});
  ASSERT_TRUE(report) << report.error().ToString();
  EXPECT_EQ(report->purchase_fit.names[2], "s");
  EXPECT_GT(report->predictions.clv.size(), 3000u);
}

TEST(RetentionTest, DegenerateInputsGiveClearErrorsNeverNaN) {
  Transactions none;
  EXPECT_EQ(AnalyzeRetention(none, {.as_of_day = kStart}).error().code(),
            StatusCode::kFailedPrecondition);

  Transactions one_day;  // everybody bought once, on the same day: no repeaters
  for (uint32_t c = 0; c < 50; ++c) one_day.Add(c, kStart, 1000);
  auto r = AnalyzeRetention(one_day, {.as_of_day = kStart + 30});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(r.error().message().find("repeat purchase"), std::string::npos);

  Transactions future;  // every purchase after the as-of date
  future.Add(0, kStart + 10, 100);
  future.Add(0, kStart + 20, 100);
  EXPECT_EQ(AnalyzeRetention(future, {.as_of_day = kStart}).error().code(),
            StatusCode::kFailedPrecondition);

  Transactions one_customer;  // a single repeat buyer: fitted with a warning, finite output
  one_customer.Add(0, kStart, 1000);
  one_customer.Add(0, kStart + 14, 1500);
  one_customer.Add(0, kStart + 28, -200);  // a return in a period without purchase
  auto single = AnalyzeRetention(one_customer, {.as_of_day = kStart + 60});
  if (single) {
    EXPECT_FALSE(single->warnings.empty());
    for (double v : single->predictions.clv) EXPECT_TRUE(std::isfinite(v));
  } else {
    EXPECT_NE(single.error().code(), StatusCode::kOk);
  }

  EXPECT_EQ(AnalyzeRetention(one_customer, {.as_of_day = kStart, .horizon_months = -1})
                .error()
                .field(),
            "horizon");
  EXPECT_EQ(AnalyzeRetention(one_customer, {.as_of_day = kStart, .margin = 0}).error().field(),
            "margin");
}

TEST(RetentionTest, NamesRoundTrip) {
  EXPECT_EQ(*ParsePurchaseModel("bgnbd"), PurchaseModel::kBgNbd);
  EXPECT_EQ(*ParsePurchaseModel("pareto"), PurchaseModel::kParetoNbd);
  EXPECT_EQ(ParsePurchaseModel("nbd").error().field(), "model");
  EXPECT_EQ(*ParsePeriod("week"), Period::kWeek);
  EXPECT_EQ(ParsePeriod("month").error().field(), "period");
}

}  // namespace
}  // namespace centric::analytics::clv
