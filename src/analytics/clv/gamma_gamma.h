// SPDX-License-Identifier: Apache-2.0
// The Gamma-Gamma model of spend per transaction (Fader, Hardie & Lee, "RFM and CLV: Using
// Iso-Value Curves for Customer Base Analysis", Journal of Marketing Research 42(4), 2005):
// transaction values are Gamma(p, nu) around a customer's mean, nu ~ Gamma(q, gamma) across
// customers. Fitted on customers with at least one repeat purchase and a positive mean.
// Thread-safe: pure functions.
#pragma once

#include <vector>

#include "analytics/clv/fit.h"
#include "core/result.h"

namespace centric::analytics::clv {

struct GammaGammaParams {
  double p = 1, q = 1, gamma = 1;
};

// Repeat-purchase counts and mean spends of the customers the model is fitted on, with the
// sums that do not depend on the parameters, so an evaluation reads each customer once for
// the one term that does: ln(gamma + x * mean).
struct SpendData {
  std::vector<int32_t> x;
  std::vector<double> mean;  // > 0
  std::vector<double> count_by_x;  // customers with each x
  double sum_log_mean = 0;         // sum of ln(mean)
  double sum_x_log_mean = 0;       // sum of x ln(mean)
  int32_t max_x = 0;

  size_t size() const { return x.size(); }
  void Add(int32_t xi, double m);
};

double GammaGammaLogLikelihood(const GammaGammaParams& p, double x, double mean,
                               double* gradient = nullptr);
// Summed over `data`; writes the gradient, and the Hessian (row-major 3 x 3, in the order
// p, q, gamma) when `hessian` is given.
double GammaGammaLogLikelihood(const GammaGammaParams& p, const SpendData& data,
                               double gradient[3], int threads = 2, double* hessian = nullptr);

// FailedPrecondition without any customer to fit on.
Result<FitReport> FitGammaGamma(const SpendData& data, int threads = 2);
GammaGammaParams GammaGammaParamsOf(const FitReport& report);

// Expected mean spend per transaction of a customer with x repeat purchases of mean `mean`;
// for x = 0 the population mean p * gamma / (q - 1) (requires q > 1).
double GammaGammaExpectedSpend(const GammaGammaParams& p, double x, double mean);

}  // namespace centric::analytics::clv
