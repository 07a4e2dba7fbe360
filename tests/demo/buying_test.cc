// SPDX-License-Identifier: Apache-2.0
// Checks that the generated orders follow BG/NBD and Gamma-Gamma with the options' parameters.
// Each comparison is against the model's own expectation for the sample drawn, with a
// tolerance of several standard errors computed from the sample itself (n = 20,000 customers).
#include <gtest/gtest.h>

#include <cmath>

#include "demo/demo.h"
#include "sample.h"

namespace centric::demo {
namespace {

using sample::PlacedOrders;
using sample::SampleCustomers;
using sample::SampleOptions;
using sample::WeeksBetween;

// Mean and standard error of the mean of xs.
struct MeanSe {
  double mean = 0;
  double se = 0;
};
MeanSe Summarize(const std::vector<double>& xs) {
  double sum = 0, sum2 = 0;
  for (double x : xs) {
    sum += x;
    sum2 += x * x;
  }
  double n = static_cast<double>(xs.size());
  double mean = sum / n;
  return {mean, std::sqrt((sum2 / n - mean * mean) / n)};
}

// Gauss's 2F1(a, b; c; z) by its series, for 0 <= z < 1.
double Hypergeometric2F1(double a, double b, double c, double z) {
  double term = 1, sum = 1;
  for (int n = 0; n < 100000 && std::abs(term) > 1e-15 * std::abs(sum); ++n) {
    term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
    sum += term;
  }
  return sum;
}

// BG/NBD's expected repeat purchases in (0, t] for a random customer (Fader, Hardie, Lee 2005,
// equation 7).
double ExpectedRepeatPurchases(const BgNbdParams& m, double t) {
  double z = t / (m.alpha + t);
  return (m.a + m.b - 1) / (m.a - 1) *
         (1 -
          std::pow(m.alpha / (m.alpha + t), m.r) * Hypergeometric2F1(m.r, m.b, m.a + m.b - 1, z));
}

TEST(BuyingTest, LambdaAndPAreDrawnFromTheirPopulations) {
  const BgNbdParams m = SampleOptions().buying;
  std::vector<double> lambdas, ps;
  for (const auto& g : SampleCustomers()) {
    lambdas.push_back(g.truth.lambda);
    ps.push_back(g.truth.p);
  }
  auto lambda = Summarize(lambdas);
  auto p = Summarize(ps);
  EXPECT_NEAR(lambda.mean, m.r / m.alpha, 5 * lambda.se);
  EXPECT_NEAR(p.mean, m.a / (m.a + m.b), 5 * p.se);
}

TEST(BuyingTest, RepeatPurchasesMatchEachCustomersLambdaAndP) {
  // Given lambda, p and time observed T, BG/NBD expects (1 - exp(-lambda p T)) / p repeat
  // purchases, none with probability exp(-lambda T), and to be gone by the end with
  // probability 1 - exp(-lambda p T) (drop-out comes at rate lambda p).
  std::vector<double> repeat_gap, none_gap, dropped_gap;
  int no_repeat = 0;
  for (const auto& g : SampleCustomers()) {
    const auto& t = g.truth;
    double weeks = WeeksBetween(t.acquired, t.observed_until);
    double x = static_cast<double>(PlacedOrders(g).size()) - 1;
    repeat_gap.push_back(x - (1 - std::exp(-t.lambda * t.p * weeks)) / t.p);
    none_gap.push_back((x == 0) - std::exp(-t.lambda * weeks));
    dropped_gap.push_back(t.dropped.has_value() - (1 - std::exp(-t.lambda * t.p * weeks)));
    no_repeat += x == 0;
  }
  for (const auto* gaps : {&repeat_gap, &none_gap, &dropped_gap}) {
    auto s = Summarize(*gaps);
    EXPECT_NEAR(s.mean, 0.0, 5 * s.se);
  }
  // Many customers never come back: the mass of small lambdas (r = 0.25).
  double share = static_cast<double>(no_repeat) / static_cast<double>(SampleCustomers().size());
  EXPECT_GT(share, 0.3);
  EXPECT_LT(share, 0.6);
}

TEST(BuyingTest, AveragePurchasesMatchThePopulationFormula) {
  const BgNbdParams m = SampleOptions().buying;
  std::vector<double> gaps;
  for (const auto& g : SampleCustomers()) {
    double weeks = WeeksBetween(g.truth.acquired, g.truth.observed_until);
    double x = static_cast<double>(PlacedOrders(g).size()) - 1;
    gaps.push_back(x - ExpectedRepeatPurchases(m, weeks));
  }
  auto s = Summarize(gaps);
  EXPECT_NEAR(s.mean, 0.0, 5 * s.se);
}

TEST(BuyingTest, DroppedCustomersStopBuyingAndGoQuiet) {
  const auto end = SampleCustomers().front().truth.observed_until;
  int dropped = 0, quiet = 0, dropped_quiet = 0;
  for (const auto& g : SampleCustomers()) {
    auto placed = PlacedOrders(g);
    bool recent = WeeksBetween(placed.back()->ordered_at, end) < 26;
    quiet += !recent;
    if (g.truth.dropped) {
      ++dropped;
      dropped_quiet += !recent;
      EXPECT_EQ(placed.back()->ordered_at, *g.truth.dropped);
      EXPECT_GE(placed.size(), 2u);  // drop-out only follows a repeat purchase
    }
  }
  const double n = static_cast<double>(SampleCustomers().size());
  EXPECT_GT(dropped / n, 0.2);
  // Most customers have bought nothing in the last six months, and nearly all who dropped out.
  EXPECT_GT(quiet / n, 0.6);
  EXPECT_GT(static_cast<double>(dropped_quiet) / dropped, 0.8);
}

TEST(BuyingTest, FirstPurchasesFallInTheAcquisitionWeeks) {
  const auto options = SampleOptions();
  double latest = 0;
  for (const auto& g : SampleCustomers()) {
    double week = WeeksBetween(std::chrono::sys_seconds(options.window_start), g.truth.acquired);
    EXPECT_GE(week, 0);
    latest = std::max(latest, week);
    EXPECT_EQ(PlacedOrders(g).front()->ordered_at, g.truth.acquired);
    ASSERT_TRUE(g.customer.first_seen.has_value());
    EXPECT_EQ(*g.customer.first_seen, g.truth.acquired);
  }
  EXPECT_LE(latest, options.acquisition_weeks);
  EXPECT_GT(latest, options.acquisition_weeks - 1);
}

TEST(BuyingTest, OrderValuesFollowGammaGamma) {
  // An order of a customer with rate nu in an income group with factor f is worth
  // f * Gamma(p, nu) on average f * p / nu. Baskets hit that value to the cent except for a
  // floor of a few euros and the rare order too large for the basket limits.
  const auto options = SampleOptions();
  std::vector<double> gaps;
  int64_t orders = 0;
  for (const auto& g : SampleCustomers()) {
    double f = options.income_spend_factors[static_cast<int>(g.truth.income)];
    for (const auto* order : PlacedOrders(g)) {
      gaps.push_back(static_cast<double>(order->total_minor) / 100 -
                     f * options.spend.p / g.truth.nu);
      ++orders;
    }
  }
  auto s = Summarize(gaps);
  EXPECT_GT(orders, 50000);
  EXPECT_NEAR(s.mean, 0.0, 5 * s.se);
}

TEST(BuyingTest, SomeOrdersAreCancelledOrReturned) {
  const auto options = SampleOptions();
  int64_t placed = 0, cancelled = 0, returned = 0;
  for (const auto& g : SampleCustomers()) {
    for (const auto& order : g.orders) {
      placed += order.status == OrderStatus::kPlaced;
      cancelled += order.status == OrderStatus::kCancelled;
      returned += order.status == OrderStatus::kReturned;
      if (order.status != OrderStatus::kPlaced) {
        EXPECT_LT(order.total_minor, 0);
      }
    }
  }
  // A few reversals fall after the window's end and are dropped, hence the one-sided slack.
  double n = static_cast<double>(placed);
  EXPECT_NEAR(cancelled / n, options.cancel_rate, 5 * std::sqrt(options.cancel_rate / n) + 0.002);
  EXPECT_NEAR(returned / n, options.return_rate, 5 * std::sqrt(options.return_rate / n) + 0.004);
}

}  // namespace
}  // namespace centric::demo
