// SPDX-License-Identifier: Apache-2.0
// Category coverage, the one-stop shop's share of wallet: how many of the categories on offer
// each customer buys, how the categories go together over customers (the cross-category
// matrix), and which single-category customers look like multi-category buyers (look_alike.h).
// Input: one basket per customer holding the categories they bought.
// Thread-safe: pure functions.
#pragma once

#include <cstdint>
#include <vector>

#include "analytics/basket/baskets.h"

namespace centric::analytics::basket {

struct CategoryCoverage {
  uint32_t offered = 0;         // categories on offer
  uint32_t num_categories = 0;  // categories in the baskets' dictionary (n below)
  uint64_t customers = 0;    // customers with at least one category
  // histogram[k]: customers who bought exactly k categories (k = 1 .. offered; [0] counts the
  // baskets with none).
  std::vector<uint64_t> histogram;
  double mean_categories = 0;  // over customers with at least one
  // buyers x buyers: both[i * n + j] customers who bought categories i and j; the diagonal
  // holds each category's buyers. n = number of categories in the baskets' dictionary.
  std::vector<uint64_t> both;

  uint64_t pair(uint32_t i, uint32_t j) const {
    return both[static_cast<size_t>(i) * num_categories + j];
  }
  uint64_t buyers(uint32_t i) const { return pair(i, i); }
  // Customers buying both over what independence predicts; 0 when either has no buyer.
  double lift(uint32_t i, uint32_t j) const;
};

// REQUIRES: offered >= baskets' dictionary size (every category bought is on offer).
CategoryCoverage MeasureCoverage(const Baskets& customer_categories, uint32_t offered);

}  // namespace centric::analytics::basket
