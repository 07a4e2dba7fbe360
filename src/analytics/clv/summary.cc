// SPDX-License-Identifier: Apache-2.0
#include "analytics/clv/summary.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <thread>

namespace centric::analytics::clv {
namespace {

constexpr int32_t kNone = std::numeric_limits<int32_t>::min();

// Per-customer running state; 40 bytes, so a million customers cost 40 MB.
struct State {
  int32_t first_period = kNone;
  int32_t last_period = kNone;
  int32_t first_day = 0;
  int32_t last_day = 0;
  int32_t periods = 0;  // distinct purchase periods in calibration
  int32_t holdout_periods = 0;
  int32_t last_holdout_period = kNone;
  bool unsorted = false;
  int64_t current_spend = 0;  // spend of the latest purchase period
  int64_t repeat_spend = 0;   // spend of completed repeat periods
  int64_t holdout_spend = 0;
  int64_t total_spend = 0;
};

struct Partial {
  int64_t ignored_returns = 0;
  bool unsorted = false;
};

// Rows of one customer are usually in time order (exports are chronological); out-of-order
// rows set `unsorted` and the caller re-runs on a time-sorted copy.
void Accumulate(const Transactions& tx, const SummaryOptions& opt, uint32_t shard, uint32_t shards,
                std::vector<State>& states, Partial& partial) {
  const int32_t as_of_period = PeriodOf(opt.as_of_day, opt.period);
  const size_t n = tx.size();
  // Each shard owns a contiguous range of customers: customers are numbered in order of first
  // appearance, so in the usual log (grouped by customer, or by time) a shard's rows cluster
  // and its states are written in order.
  const uint32_t lo = static_cast<uint32_t>(uint64_t{tx.customer_count} * shard / shards);
  const uint32_t hi = static_cast<uint32_t>(uint64_t{tx.customer_count} * (shard + 1) / shards);
  const uint32_t* customers = tx.customer.data();
  for (size_t i = 0; i < n; ++i) {
    uint32_t c = customers[i];
    if (c - lo >= hi - lo) continue;
    State& s = states[c];
    int32_t day = tx.day[i];
    int64_t amount = tx.amount_minor[i];
    int32_t period = PeriodOf(day, opt.period);
    if (day > opt.as_of_day) {
      if (!opt.holdout_end_day || day > *opt.holdout_end_day || amount <= 0) continue;
      if (period < s.last_holdout_period) s.unsorted = true;
      if (period != s.last_holdout_period) {
        // A purchase in the as-of period itself was already counted in calibration.
        if (!(period == as_of_period && period == s.last_period)) ++s.holdout_periods;
        s.last_holdout_period = period;
      }
      s.holdout_spend += amount;
      continue;
    }
    s.total_spend += amount;
    if (amount <= 0) {
      if (period == s.last_period && s.periods > 0) {
        s.current_spend += amount;
      } else {
        ++partial.ignored_returns;
      }
      continue;
    }
    if (s.last_period == kNone) {
      s.first_period = s.last_period = period;
      s.first_day = s.last_day = day;
      s.periods = 1;
      s.current_spend = amount;
      continue;
    }
    if (period < s.last_period) {
      s.unsorted = true;
      continue;
    }
    if (period == s.last_period) {
      s.current_spend += amount;
      s.last_day = std::max(s.last_day, day);
      continue;
    }
    if (s.periods > 1) s.repeat_spend += s.current_spend;  // close the previous repeat period
    s.current_spend = amount;
    s.last_period = period;
    s.last_day = day;
    ++s.periods;
  }
  for (uint32_t c = lo; c < hi; ++c) partial.unsorted |= states[c].unsorted;
}

// A copy of the transactions ordered by (customer, day); used only for out-of-order input.
Transactions SortedCopy(const Transactions& tx) {
  std::vector<uint32_t> order(tx.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    if (tx.customer[a] != tx.customer[b]) return tx.customer[a] < tx.customer[b];
    return tx.day[a] < tx.day[b];
  });
  Transactions sorted;
  sorted.customer_count = tx.customer_count;
  sorted.customer.reserve(tx.size());
  sorted.day.reserve(tx.size());
  sorted.amount_minor.reserve(tx.size());
  for (uint32_t i : order) {
    sorted.customer.push_back(tx.customer[i]);
    sorted.day.push_back(tx.day[i]);
    sorted.amount_minor.push_back(tx.amount_minor[i]);
  }
  return sorted;
}

}  // namespace

int64_t CustomerSummaries::repeaters() const {
  return std::count_if(frequency.begin(), frequency.end(), [](int32_t f) { return f > 0; });
}

Result<CustomerSummaries> Summarize(const Transactions& transactions, const SummaryOptions& opt) {
  if (opt.holdout_end_day && *opt.holdout_end_day < opt.as_of_day) {
    return Error(InvalidArgument("the holdout end is before the as-of date", "holdout-end"));
  }
  const Transactions* tx = &transactions;
  Transactions sorted;
  std::vector<State> states;
  std::vector<Partial> partials;
  const uint32_t shards = static_cast<uint32_t>(std::max(1, opt.threads));
  for (int attempt = 0; attempt < 2; ++attempt) {
    states.assign(tx->customer_count, State{});
    partials.assign(shards, Partial{});
    std::vector<std::thread> workers;
    for (uint32_t s = 1; s < shards; ++s) {
      workers.emplace_back(Accumulate, std::cref(*tx), std::cref(opt), s, shards,
                           std::ref(states), std::ref(partials[s]));
    }
    Accumulate(*tx, opt, 0, shards, states, partials[0]);
    for (auto& w : workers) w.join();
    bool unsorted = std::any_of(partials.begin(), partials.end(),
                                [](const Partial& p) { return p.unsorted; });
    if (!unsorted) break;
    sorted = SortedCopy(transactions);
    tx = &sorted;
  }

  const int32_t as_of_period = PeriodOf(opt.as_of_day, opt.period);
  CustomerSummaries out;
  for (const auto& p : partials) out.ignored_returns += p.ignored_returns;
  size_t count = 0;
  for (const auto& s : states) count += s.periods > 0;
  out.customer.reserve(count);
  out.frequency.reserve(count);
  out.recency.reserve(count);
  out.T.reserve(count);
  out.monetary.reserve(count);
  out.total_spend.reserve(count);
  out.first_day.reserve(count);
  out.last_day.reserve(count);
  const bool holdout = opt.holdout_end_day.has_value();
  if (holdout) {
    out.holdout_purchases.reserve(count);
    out.holdout_spend.reserve(count);
  }
  for (uint32_t c = 0; c < states.size(); ++c) {
    const State& s = states[c];
    if (s.periods == 0) {
      if (s.holdout_periods > 0) ++out.future_only_customers;
      continue;
    }
    int32_t frequency = s.periods - 1;
    out.customer.push_back(c);
    out.frequency.push_back(frequency);
    out.recency.push_back(s.last_period - s.first_period);
    out.T.push_back(as_of_period - s.first_period);
    int64_t repeat_spend = s.repeat_spend + (frequency > 0 ? s.current_spend : 0);
    out.monetary.push_back(frequency > 0 ? static_cast<double>(repeat_spend) / frequency : 0.0);
    out.total_spend.push_back(s.total_spend);
    out.first_day.push_back(s.first_day);
    out.last_day.push_back(s.last_day);
    if (holdout) {
      out.holdout_purchases.push_back(s.holdout_periods);
      out.holdout_spend.push_back(s.holdout_spend);
    }
  }
  return out;
}

}  // namespace centric::analytics::clv
