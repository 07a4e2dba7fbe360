// SPDX-License-Identifier: Apache-2.0
// Holdout validation: purchases the model predicted for the period after the as-of date
// against those that happened, overall and by calibration frequency (0, 1, ..., 7+).
#pragma once

#include <vector>

#include "analytics/clv/predictions.h"

namespace centric::analytics::clv {

struct HoldoutRow {
  int frequency = 0;  // 7 stands for 7 or more
  int64_t customers = 0;
  double predicted_mean = 0;
  double actual_mean = 0;
};

struct HoldoutReport {
  double periods = 0;  // holdout length in periods
  int64_t customers = 0;
  double predicted_total = 0;
  double actual_total = 0;
  double mean_absolute_error = 0;  // per customer, purchases
  std::vector<HoldoutRow> by_frequency;
};

// `holdout_periods`: the holdout length in periods (holdout end period - as-of period).
HoldoutReport ValidateHoldout(const CustomerSummaries& summaries, const PurchaseModelParams& model,
                              double holdout_periods, int threads = 2);

}  // namespace centric::analytics::clv
