// SPDX-License-Identifier: Apache-2.0
// Per-customer predictions from fitted models: probability alive, expected purchases over a
// horizon, expected spend per purchase, and customer lifetime value as the discounted
// expected margin month by month. Terms that depend only on (x, T) are computed once per
// distinct pair. Thread-safe: pure functions.
#pragma once

#include <optional>
#include <vector>

#include "analytics/clv/bg_nbd.h"
#include "analytics/clv/gamma_gamma.h"
#include "analytics/clv/pareto_nbd.h"
#include "analytics/clv/summary.h"

namespace centric::analytics::clv {

enum class PurchaseModel { kBgNbd, kParetoNbd };

struct PurchaseModelParams {
  PurchaseModel model = PurchaseModel::kBgNbd;
  BgNbdParams bg_nbd;
  ParetoNbdParams pareto_nbd;
};

struct PredictionOptions {
  Period period = Period::kWeek;
  int horizon_months = 12;             // for expected purchases and lifetime value
  double monthly_discount_rate = 0.01;  // 1 % a month
  double margin = 1.0;                  // share of spend that is margin; 1 = value is revenue
  int threads = 2;
};

struct CustomerPredictions {
  std::vector<double> p_alive;
  std::vector<double> expected_purchases;  // over the horizon
  std::vector<double> expected_spend;      // per purchase, minor units
  std::vector<double> clv;                 // discounted expected margin, minor units
};

// Length of a calendar month in periods (30.4375 days).
double MonthInPeriods(Period period);

// Expected spend per purchase of each customer: the Gamma-Gamma conditional expectation when
// `spend` is usable (q > 1), otherwise what the customer spent per purchase period so far.
std::vector<double> ExpectedSpend(const CustomerSummaries& summaries,
                                  const GammaGammaParams* spend);

// REQUIRES: summaries from the data the models were fitted on (periods of the same length);
// expected_spend from ExpectedSpend, one per customer.
CustomerPredictions Predict(const CustomerSummaries& summaries, const PurchaseModelParams& model,
                            std::vector<double> expected_spend, const PredictionOptions& options);

// Expected purchases in (T, T + t] for each customer, the quantity holdout validation checks.
std::vector<double> ExpectedPurchasesWithin(const CustomerSummaries& summaries,
                                            const PurchaseModelParams& model, double t,
                                            int threads = 2);

}  // namespace centric::analytics::clv
