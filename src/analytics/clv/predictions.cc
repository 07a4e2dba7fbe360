// SPDX-License-Identifier: Apache-2.0
#include "analytics/clv/predictions.h"

#include <algorithm>
#include <cmath>
#include <thread>
#include <unordered_map>

namespace centric::analytics::clv {
namespace {

double ProbabilityAlive(const PurchaseModelParams& m, double x, double tx, double T) {
  return m.model == PurchaseModel::kBgNbd ? BgNbdProbabilityAlive(m.bg_nbd, x, tx, T)
                                          : ParetoNbdProbabilityAlive(m.pareto_nbd, x, tx, T);
}

double IfAlive(const PurchaseModelParams& m, double x, double T, double t) {
  return m.model == PurchaseModel::kBgNbd ? BgNbdExpectedPurchasesIfAlive(m.bg_nbd, x, T, t)
                                          : ParetoNbdExpectedPurchasesIfAlive(m.pareto_nbd, x, T, t);
}

// Runs body(begin, end) over [0, n) on up to `threads` threads.
template <typename Body>
void ParallelFor(size_t n, int threads, Body body) {
  const int shards = n < 10000 ? 1 : std::max(1, threads);
  std::vector<std::thread> workers;
  for (int s = 1; s < shards; ++s) workers.emplace_back(body, n * s / shards, n * (s + 1) / shards);
  body(0, n / shards);
  for (auto& w : workers) w.join();
}

uint64_t PairKey(int32_t x, int32_t T) {
  return (static_cast<uint64_t>(static_cast<uint32_t>(x)) << 32) | static_cast<uint32_t>(T);
}

// Distinct (x, T) pairs of the summaries and, per customer, the index of its pair.
struct PairIndex {
  std::vector<uint64_t> keys;
  std::vector<uint32_t> of_customer;
};

PairIndex IndexPairs(const CustomerSummaries& s) {
  PairIndex index;
  index.of_customer.resize(s.size());
  int32_t max_x = 0, max_T = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    max_x = std::max(max_x, s.frequency[i]);
    max_T = std::max(max_T, s.T[i]);
  }
  // Periods are small integers, so a dense grid of slots is usually small too (a few
  // hundred thousand cells), and cheaper than hashing every customer.
  const uint64_t cells = (static_cast<uint64_t>(max_x) + 1) * (static_cast<uint64_t>(max_T) + 1);
  if (cells <= (uint64_t{1} << 24)) {
    constexpr uint32_t kEmpty = UINT32_MAX;
    std::vector<uint32_t> slot(cells, kEmpty);
    for (size_t i = 0; i < s.size(); ++i) {
      uint32_t& at = slot[static_cast<size_t>(s.frequency[i]) * (static_cast<size_t>(max_T) + 1) +
                          static_cast<size_t>(s.T[i])];
      if (at == kEmpty) {
        at = static_cast<uint32_t>(index.keys.size());
        index.keys.push_back(PairKey(s.frequency[i], s.T[i]));
      }
      index.of_customer[i] = at;
    }
    return index;
  }
  std::unordered_map<uint64_t, uint32_t> slots;
  for (size_t i = 0; i < s.size(); ++i) {
    uint64_t key = PairKey(s.frequency[i], s.T[i]);
    auto [it, inserted] = slots.emplace(key, static_cast<uint32_t>(index.keys.size()));
    if (inserted) index.keys.push_back(key);
    index.of_customer[i] = it->second;
  }
  return index;
}

double KeyX(uint64_t key) { return static_cast<double>(key >> 32); }
double KeyT(uint64_t key) { return static_cast<double>(static_cast<uint32_t>(key)); }

}  // namespace

double MonthInPeriods(Period period) { return 30.4375 / PeriodDays(period); }

std::vector<double> ExpectedSpend(const CustomerSummaries& s, const GammaGammaParams* spend) {
  std::vector<double> out(s.size());
  const bool usable = spend && spend->q > 1;
  for (size_t i = 0; i < s.size(); ++i) {
    if (usable) {
      out[i] = GammaGammaExpectedSpend(*spend, s.frequency[i], s.monetary[i]);
    } else if (s.frequency[i] > 0) {
      out[i] = std::max(0.0, s.monetary[i]);
    } else {
      out[i] = std::max(0.0, static_cast<double>(s.total_spend[i]));
    }
  }
  return out;
}

CustomerPredictions Predict(const CustomerSummaries& s, const PurchaseModelParams& model,
                            std::vector<double> expected_spend, const PredictionOptions& opt) {
  const size_t n = s.size();
  const int months = std::max(0, opt.horizon_months);
  const double month = MonthInPeriods(opt.period);
  PairIndex pairs = IndexPairs(s);

  // For each (x, T): expected purchases if alive by the end of each month, and the
  // discounted sum of monthly increments (the lifetime-value weight).
  std::vector<double> horizon_purchases(pairs.keys.size()), discounted(pairs.keys.size());
  ParallelFor(pairs.keys.size(), opt.threads, [&](size_t begin, size_t end) {
    for (size_t j = begin; j < end; ++j) {
      double x = KeyX(pairs.keys[j]), T = KeyT(pairs.keys[j]);
      double previous = 0, weight = 0, factor = 1;
      for (int m = 1; m <= months; ++m) {
        double cumulative = IfAlive(model, x, T, m * month);
        factor /= 1 + opt.monthly_discount_rate;
        weight += (cumulative - previous) * factor;
        previous = cumulative;
      }
      horizon_purchases[j] = previous;
      discounted[j] = weight;
    }
  });

  CustomerPredictions out;
  out.p_alive.resize(n);
  out.expected_purchases.resize(n);
  out.expected_spend = std::move(expected_spend);
  out.clv.resize(n);
  ParallelFor(n, opt.threads, [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      const double alive = ProbabilityAlive(model, s.frequency[i], s.recency[i], s.T[i]);
      const uint32_t j = pairs.of_customer[i];
      out.p_alive[i] = alive;
      out.expected_purchases[i] = alive * horizon_purchases[j];
      out.clv[i] = alive * discounted[j] * out.expected_spend[i] * opt.margin;
    }
  });
  return out;
}

std::vector<double> ExpectedPurchasesWithin(const CustomerSummaries& s,
                                            const PurchaseModelParams& model, double t,
                                            int threads) {
  PairIndex pairs = IndexPairs(s);
  std::vector<double> if_alive(pairs.keys.size());
  ParallelFor(pairs.keys.size(), threads, [&](size_t begin, size_t end) {
    for (size_t j = begin; j < end; ++j) {
      if_alive[j] = IfAlive(model, KeyX(pairs.keys[j]), KeyT(pairs.keys[j]), t);
    }
  });
  std::vector<double> out(s.size());
  ParallelFor(s.size(), threads, [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      out[i] = if_alive[pairs.of_customer[i]] *
               ProbabilityAlive(model, s.frequency[i], s.recency[i], s.T[i]);
    }
  });
  return out;
}

}  // namespace centric::analytics::clv
