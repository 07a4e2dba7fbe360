// SPDX-License-Identifier: Apache-2.0
#include "analytics/clv/holdout.h"

#include <algorithm>
#include <cmath>

namespace centric::analytics::clv {

HoldoutReport ValidateHoldout(const CustomerSummaries& s, const PurchaseModelParams& model,
                              double holdout_periods, int threads) {
  HoldoutReport report;
  report.periods = holdout_periods;
  report.customers = static_cast<int64_t>(s.size());
  std::vector<double> predicted = ExpectedPurchasesWithin(s, model, holdout_periods, threads);
  report.by_frequency.resize(8);
  for (int f = 0; f < 8; ++f) report.by_frequency[f].frequency = f;
  double abs_error = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const double actual = s.holdout_purchases[i];
    report.predicted_total += predicted[i];
    report.actual_total += actual;
    abs_error += std::fabs(predicted[i] - actual);
    HoldoutRow& row = report.by_frequency[std::min(7, s.frequency[i])];
    ++row.customers;
    row.predicted_mean += predicted[i];
    row.actual_mean += actual;
  }
  for (auto& row : report.by_frequency) {
    if (row.customers > 0) {
      row.predicted_mean /= static_cast<double>(row.customers);
      row.actual_mean /= static_cast<double>(row.customers);
    }
  }
  if (!s.size()) return report;
  report.mean_absolute_error = abs_error / static_cast<double>(s.size());
  return report;
}

}  // namespace centric::analytics::clv
