// SPDX-License-Identifier: Apache-2.0
// Look-alike scoring for cross-sell targets: an L2-penalised logistic regression of "buys in
// several categories" on customer features, fitted by L-BFGS on standardised features. Scored
// on single-category customers, a high probability marks a customer who behaves like the
// multi-category buyers but has not crossed over yet: the best cross-sell target.
// Thread-safe: pure functions.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/result.h"

namespace centric::analytics::basket {

struct LogisticModel {
  std::vector<double> mean, scale;  // per feature, for standardising
  std::vector<double> weights;      // on standardised features
  double intercept = 0;
  int iterations = 0;
  bool converged = false;
  double mean_log_loss = 0;  // at the optimum, without the penalty
};

// Fits P(y = 1 | x) = 1 / (1 + exp(-(b + w . z))), z the standardised x, minimising the mean
// log loss plus l2 / (2 rows) |w|^2. `x` is `rows` x `features`, row-major; a constant feature
// gets weight 0. InvalidArgument when the sizes disagree or there are no rows (field "x"), or
// when every label is the same (field "label": nothing to tell apart).
Result<LogisticModel> FitLogistic(std::span<const double> x, size_t features,
                                  std::span<const uint8_t> label, double l2 = 1.0);

// P(y = 1 | row). REQUIRES: row.size() == model.weights.size().
double PredictProbability(const LogisticModel& model, std::span<const double> row);

}  // namespace centric::analytics::basket
