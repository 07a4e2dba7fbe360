// SPDX-License-Identifier: Apache-2.0
// Customer summaries at an as-of date (the end of the calibration period), the input of the
// BG/NBD, Pareto/NBD and Gamma-Gamma models:
//   frequency  number of repeat purchase periods (distinct purchase periods minus one);
//   recency    period of the last purchase minus period of the first (t_x);
//   T          as-of period minus period of the first purchase (0 for a first purchase on the
//              as-of date);
//   monetary   mean, over the repeat purchase periods, of what was spent in each period (the
//              first purchase is excluded); 0 without repeat purchases.
// Transactions after the as-of date are holdout data, counted separately up to holdout_end.
// Returns (negative amounts) are not purchases: they never count as a purchase period and
// reduce the spend of the period they fall in only when that period holds a purchase.
// Thread-safe: pure functions of their inputs.
#pragma once

#include <optional>

#include "analytics/clv/transactions.h"
#include "core/result.h"

namespace centric::analytics::clv {

struct SummaryOptions {
  int32_t as_of_day = 0;  // inclusive
  Period period = Period::kWeek;
  std::optional<int32_t> holdout_end_day;  // inclusive; none = no holdout counting
  int threads = 2;
};

// One entry per customer with at least one purchase on or before the as-of date, in customer
// index order.
struct CustomerSummaries {
  std::vector<uint32_t> customer;
  std::vector<int32_t> frequency;
  std::vector<int32_t> recency;
  std::vector<int32_t> T;
  std::vector<double> monetary;  // minor units
  std::vector<int64_t> total_spend;  // every calibration purchase and return, minor units
  std::vector<int32_t> first_day;
  std::vector<int32_t> last_day;
  // Purchase periods and spend after the as-of date up to the holdout end; empty when no
  // holdout end was given, so an analysis without one does not carry them.
  std::vector<int32_t> holdout_purchases;
  std::vector<int64_t> holdout_spend;
  int64_t future_only_customers = 0;  // customers whose first purchase is after the as-of date
  int64_t ignored_returns = 0;        // returns outside any purchase period

  size_t size() const { return customer.size(); }
  int64_t repeaters() const;
};

// Streams the transactions once per thread. InvalidArgument when holdout_end < as_of.
Result<CustomerSummaries> Summarize(const Transactions& transactions, const SummaryOptions& options);

}  // namespace centric::analytics::clv
