// SPDX-License-Identifier: Apache-2.0
#include "analytics/basket/coverage.h"

#include <algorithm>

namespace centric::analytics::basket {

double CategoryCoverage::lift(uint32_t i, uint32_t j) const {
  const uint64_t bi = buyers(i), bj = buyers(j);
  if (bi == 0 || bj == 0 || customers == 0) return 0;
  return static_cast<double>(pair(i, j)) * static_cast<double>(customers) /
         (static_cast<double>(bi) * static_cast<double>(bj));
}

CategoryCoverage MeasureCoverage(const Baskets& customer_categories, uint32_t offered) {
  CategoryCoverage c;
  const uint32_t n = static_cast<uint32_t>(customer_categories.num_items());
  c.num_categories = n;
  c.offered = std::max(offered, n);
  c.histogram.assign(c.offered + 1, 0);
  c.both.assign(static_cast<size_t>(n) * n, 0);
  uint64_t categories_bought = 0;
  for (size_t b = 0; b < customer_categories.size(); ++b) {
    auto basket = customer_categories.basket(b);
    ++c.histogram[basket.size()];
    if (basket.empty()) continue;
    ++c.customers;
    categories_bought += basket.size();
    // Customers hold a handful of categories, so the pairs of one basket are few.
    for (size_t x = 0; x < basket.size(); ++x) {
      const size_t row = static_cast<size_t>(basket[x]) * n;
      for (size_t y = 0; y < basket.size(); ++y) ++c.both[row + basket[y]];
    }
  }
  c.mean_categories =
      c.customers == 0 ? 0 : static_cast<double>(categories_bought) / static_cast<double>(c.customers);
  return c;
}

}  // namespace centric::analytics::basket
