// SPDX-License-Identifier: Apache-2.0
// Gauss-Legendre nodes and weights on [0, 1], computed once per order.
#pragma once

#include <vector>

namespace centric::analytics::clv {

struct QuadratureRule {
  std::vector<double> nodes;
  std::vector<double> weights;
};

// An n-point Gauss-Legendre rule mapped to [0, 1]. Thread-safe; the rule is built on first use.
const QuadratureRule& GaussLegendre01(int n);

// `panels` copies of the n-point rule side by side on [0, 1].
QuadratureRule CompositeGaussLegendre01(int n, int panels);

}  // namespace centric::analytics::clv
