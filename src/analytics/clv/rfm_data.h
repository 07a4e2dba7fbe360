// SPDX-License-Identifier: Apache-2.0
// What the purchase-count models read: each distinct (frequency x, recency t_x, age T) once,
// with the number of customers who share it as weight. Periods are integers, so a million
// customers fold into far fewer rows and every likelihood term that depends on x or T alone
// can be tabulated once per evaluation.
#pragma once

#include <cstdint>
#include <vector>

#include "analytics/clv/summary.h"

namespace centric::analytics::clv {

struct RfmData {
  std::vector<int32_t> x;
  std::vector<int32_t> tx;
  std::vector<int32_t> T;
  std::vector<double> weight;
  int32_t max_x = 0;
  int32_t max_T = 0;
  double total_weight = 0;
  double repeat_weight = 0;  // customers with x > 0

  size_t size() const { return x.size(); }
  void Add(int32_t xi, int32_t txi, int32_t Ti, double w);
};

// Folds summaries into distinct (x, t_x, T) rows.
RfmData Compress(const CustomerSummaries& summaries);

}  // namespace centric::analytics::clv
