// SPDX-License-Identifier: Apache-2.0
// Cohort retention by month of first purchase. A customer's cohort is the calendar month
// (UTC) of their first purchase, a transaction with a positive amount; returns and zero rows
// are not purchases. For each cohort and each month offset k = 0, 1, ... up to the as-of
// month, `active[k]` counts the cohort's customers who purchased in month cohort + k, and
// `retention[k]` is that count over the cohort's size (so retention[0] is 1). Transactions
// after the as-of date are ignored, which makes the last column a partial month.
// Thread-safe: pure functions.
#pragma once

#include <cstdint>
#include <vector>

#include "analytics/clv/transactions.h"
#include "core/result.h"

namespace centric::analytics::segments {

struct Cohort {
  int32_t year = 0;
  int32_t month = 0;      // 1..12
  int32_t first_day = 0;  // UTC day number of the month's first day
  int64_t customers = 0;
  std::vector<int64_t> active;    // one per month offset, through the as-of month
  std::vector<double> retention;  // active[k] / customers
};

struct CohortMatrix {
  int32_t as_of_day = 0;
  // Only months in which someone first purchased, oldest first: every cohort has customers.
  std::vector<Cohort> cohorts;
  int64_t customers = 0;  // over all cohorts
};

// Longest span, first cohort to as-of month, that BuildCohortMatrix accepts; a longer one
// means a corrupt day number and would only allocate a huge, empty matrix.
inline constexpr int32_t kMaxCohortMonths = 200 * 12;

// Builds the matrix. No purchases on or before the as-of date give no cohorts.
// InvalidArgument naming the field for columns of different lengths ("day", "amount_minor"),
// a customer index not below customer_count ("customer"), or purchases spanning more than
// kMaxCohortMonths months ("day").
Result<CohortMatrix> BuildCohortMatrix(const clv::Transactions& transactions, int32_t as_of_day);

}  // namespace centric::analytics::segments
