// SPDX-License-Identifier: Apache-2.0
#include "analytics/segments/cohorts.h"

#include <algorithm>
#include <bit>
#include <chrono>
#include <limits>
#include <utility>

#include <fmt/format.h>

#include "analytics/segments/input_checks.h"

namespace centric::analytics::segments {
namespace {

// Months since January 1970.
int32_t MonthIndex(int32_t day) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{day}}};
  return (static_cast<int32_t>(ymd.year()) - 1970) * 12 +
         static_cast<int32_t>(static_cast<unsigned>(ymd.month())) - 1;
}

// Year offset from 1970 of a month index; months before 1970 are negative.
int32_t FloorDiv12(int32_t m) { return m >= 0 ? m / 12 : -((-m + 11) / 12); }

int32_t FirstDayOfMonth(int32_t year, int32_t month) {
  const std::chrono::year_month_day ymd{std::chrono::year{year},
                                        std::chrono::month{static_cast<unsigned>(month)},
                                        std::chrono::day{1}};
  return static_cast<int32_t>(std::chrono::sys_days{ymd}.time_since_epoch().count());
}

}  // namespace

Result<CohortMatrix> BuildCohortMatrix(const clv::Transactions& tx, int32_t as_of_day) {
  CENTRIC_RETURN_IF_ERROR(CheckTransactions(tx));
  const size_t rows = tx.size();
  const uint32_t customers = tx.customer_count;
  auto is_purchase = [&](size_t i) { return tx.amount_minor[i] > 0 && tx.day[i] <= as_of_day; };

  CohortMatrix out;
  out.as_of_day = as_of_day;
  int32_t min_day = as_of_day + 1;
  for (size_t i = 0; i < rows; ++i) {
    if (is_purchase(i)) min_day = std::min(min_day, tx.day[i]);
  }
  if (min_day > as_of_day) return out;
  const int32_t min_month = MonthIndex(min_day);
  const int32_t as_of_month = MonthIndex(as_of_day);
  const int64_t span = static_cast<int64_t>(as_of_month) - min_month + 1;
  if (span > kMaxCohortMonths) {
    return Error(InvalidArgument(
        fmt::format("purchases span {} months before the as-of date, more than {}", span,
                    kMaxCohortMonths),
        "day"));
  }

  // Month offsets from min_month by day, so the calendar is worked out once per day, not
  // once per row (at most kMaxCohortMonths * 31 days).
  std::vector<uint16_t> month_of(static_cast<size_t>(as_of_day - min_day) + 1);
  for (size_t d = 0; d < month_of.size(); ++d) {
    month_of[d] = static_cast<uint16_t>(MonthIndex(min_day + static_cast<int32_t>(d)) - min_month);
  }
  auto month_of_row = [&](size_t i) { return month_of[tx.day[i] - min_day]; };

  constexpr uint16_t kNone = std::numeric_limits<uint16_t>::max();
  std::vector<uint16_t> first_month(customers, kNone);
  for (size_t i = 0; i < rows; ++i) {
    if (!is_purchase(i)) continue;
    uint16_t& first = first_month[tx.customer[i]];
    first = std::min(first, month_of_row(i));
  }

  // A customer may buy several times a month and rows come in any order, so months bought
  // are set as bits (offset from the first month); offsets past 63, rare, are listed apart.
  std::vector<uint64_t> bought(customers, 0);
  std::vector<std::pair<uint32_t, uint16_t>> late;  // (customer, offset >= 64)
  for (size_t i = 0; i < rows; ++i) {
    if (!is_purchase(i)) continue;
    const uint32_t c = tx.customer[i];
    const uint16_t offset = month_of_row(i) - first_month[c];
    if (offset < 64) {
      bought[c] |= uint64_t{1} << offset;
    } else {
      late.emplace_back(c, offset);
    }
  }

  // active[cohort - min_month][offset]; rows sized lazily, only for months with a cohort.
  std::vector<std::vector<int64_t>> active(static_cast<size_t>(span));
  for (uint32_t c = 0; c < customers; ++c) {
    if (first_month[c] == kNone) continue;
    std::vector<int64_t>& row = active[first_month[c]];
    if (row.empty()) row.assign(span - first_month[c], 0);
    for (uint64_t bits = bought[c]; bits != 0; bits &= bits - 1) ++row[std::countr_zero(bits)];
  }
  std::sort(late.begin(), late.end());
  late.erase(std::unique(late.begin(), late.end()), late.end());
  for (auto [c, offset] : late) ++active[first_month[c]][offset];

  for (int32_t k = 0; k < span; ++k) {
    if (active[k].empty()) continue;
    const int32_t month = min_month + k;
    Cohort cohort;
    cohort.year = 1970 + FloorDiv12(month);
    cohort.month = month - FloorDiv12(month) * 12 + 1;
    cohort.first_day = FirstDayOfMonth(cohort.year, cohort.month);
    cohort.customers = active[k][0];
    cohort.active = std::move(active[k]);
    cohort.retention.reserve(cohort.active.size());
    for (int64_t a : cohort.active) {
      cohort.retention.push_back(static_cast<double>(a) / static_cast<double>(cohort.customers));
    }
    out.customers += cohort.customers;
    out.cohorts.push_back(std::move(cohort));
  }
  return out;
}

}  // namespace centric::analytics::segments
