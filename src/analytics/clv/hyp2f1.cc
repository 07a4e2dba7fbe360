// SPDX-License-Identifier: Apache-2.0
#include "analytics/clv/hyp2f1.h"

#include <cmath>
#include <limits>

namespace centric::analytics::clv {

double ScaledHyp2f1(double a, double b, double c, double z) {
  const double ca = c - a;
  const double cb = c - b;
  double term = 1.0;
  double sum = 1.0;
  for (int n = 0; n < 200000; ++n) {
    term *= (ca + n) * (cb + n) / ((c + n) * (n + 1.0)) * z;
    sum += term;
    if (term == 0.0 || std::fabs(term) < 1e-17 * std::fabs(sum)) {
      return std::pow(1.0 - z, cb) * sum;
    }
  }
  return std::numeric_limits<double>::quiet_NaN();
}

}  // namespace centric::analytics::clv
