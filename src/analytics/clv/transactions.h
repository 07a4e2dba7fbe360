// SPDX-License-Identifier: Apache-2.0
// The input of the retention engine: one row per transaction, as plain columns. Customers are
// dense indexes 0..customer_count-1 (the caller keeps the mapping to its own ids); days are
// UTC day numbers (days since 1970-01-01); amounts are integer minor units, negative for
// returns. Rows may come in any order.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/column_allocator.h"

namespace centric::analytics::clv {

struct Transactions {
  // Columns whose resize() leaves values to be written: loaders fill them in parallel.
  Column<uint32_t> customer;
  Column<int32_t> day;
  Column<int64_t> amount_minor;
  uint32_t customer_count = 0;

  size_t size() const { return customer.size(); }
  void Add(uint32_t c, int32_t d, int64_t amount) {
    customer.push_back(c);
    day.push_back(d);
    amount_minor.push_back(amount);
    if (c >= customer_count) customer_count = c + 1;
  }
};

// How purchases are counted: several purchases in one period count once, as in the
// literature. Days are UTC calendar days; weeks are ISO weeks (Monday to Sunday).
enum class Period { kDay, kWeek };

// Period number of a UTC day number.
inline int32_t PeriodOf(int32_t day, Period period) {
  if (period == Period::kDay) return day;
  // 1970-01-01 was a Thursday; shifting by 3 makes weeks start on Monday.
  int32_t shifted = day + 3;
  return shifted >= 0 ? shifted / 7 : -((-shifted + 6) / 7);
}

// Length of a period in days.
inline double PeriodDays(Period period) { return period == Period::kDay ? 1.0 : 7.0; }

}  // namespace centric::analytics::clv
