// SPDX-License-Identifier: Apache-2.0
// Newton's iteration on the Legendre polynomial from Chebyshev starting points; the textbook
// method (Golub & Welsch give the alternative), exact to rounding for the small orders used.
#include "analytics/clv/gauss_legendre.h"

#include <cmath>
#include <map>
#include <mutex>

namespace centric::analytics::clv {
namespace {

QuadratureRule Build(int n) {
  QuadratureRule rule;
  rule.nodes.resize(n);
  rule.weights.resize(n);
  for (int i = 0; i < n; ++i) {
    double x = std::cos(M_PI * (i + 0.75) / (n + 0.5));
    double dp = 0;
    for (int iter = 0; iter < 100; ++iter) {
      double p0 = 1, p1 = x;
      for (int k = 2; k <= n; ++k) {
        double pk = ((2.0 * k - 1) * x * p1 - (k - 1.0) * p0) / k;
        p0 = p1;
        p1 = pk;
      }
      dp = n * (x * p1 - p0) / (x * x - 1);
      double dx = p1 / dp;
      x -= dx;
      if (std::fabs(dx) < 1e-16) break;
    }
    // Map [-1, 1] to [0, 1].
    rule.nodes[i] = (1 - x) / 2;
    rule.weights[i] = 1.0 / ((1 - x * x) * dp * dp);
  }
  return rule;
}

}  // namespace

const QuadratureRule& GaussLegendre01(int n) {
  static std::mutex mu;
  static std::map<int, QuadratureRule> rules;
  std::lock_guard<std::mutex> lock(mu);
  auto it = rules.find(n);
  if (it == rules.end()) it = rules.emplace(n, Build(n)).first;
  return it->second;
}

QuadratureRule CompositeGaussLegendre01(int n, int panels) {
  const QuadratureRule& base = GaussLegendre01(n);
  QuadratureRule out;
  for (int p = 0; p < panels; ++p) {
    for (int i = 0; i < n; ++i) {
      out.nodes.push_back((p + base.nodes[i]) / panels);
      out.weights.push_back(base.weights[i] / panels);
    }
  }
  return out;
}

}  // namespace centric::analytics::clv
