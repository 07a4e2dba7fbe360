// SPDX-License-Identifier: Apache-2.0
// The retention engine in-process: summaries from transactions, the three fits, and the whole
// pipeline from transactions to every customer's predictions. The data follow the models'
// own buying processes (analytics/clv/simulate.h) with fixed seeds, so each run fits the
// same problem. Fits report the number of distinct (x, tx, T) triples they weighed.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <random>
#include <vector>

#include "analytics/clv/bg_nbd.h"
#include "analytics/clv/clv.h"
#include "analytics/clv/gamma_gamma.h"
#include "analytics/clv/pareto_nbd.h"
#include "analytics/clv/simulate.h"

namespace centric::analytics::clv {
namespace {

constexpr BgNbdParams kBgNbd{.r = 0.24, .alpha = 4.41, .a = 0.79, .b = 2.43};
constexpr ParetoNbdParams kParetoNbd{.r = 0.55, .alpha = 10.6, .s = 0.61, .beta = 11.7};
constexpr GammaGammaParams kSpend{.p = 6.25, .q = 3.74, .gamma = 15.44};

// Customers observed 20 to 100 weeks, times rounded to whole days (resolution 7 per week).
SimulationSpec Spec(int customers) { return {.customers = customers, .min_T = 20, .max_T = 100, .seed = 11}; }

void BM_FitBgNbd(benchmark::State& state) {
  RfmData data = ToRfmData(SimulateBgNbd(kBgNbd, Spec(static_cast<int>(state.range(0)))), 7);
  for (auto _ : state) benchmark::DoNotOptimize(FitBgNbd(data, 2));
  state.counters["triples"] = static_cast<double>(data.size());
}
BENCHMARK(BM_FitBgNbd)->Arg(100'000)->Unit(benchmark::kMillisecond);

void BM_FitParetoNbd(benchmark::State& state) {
  RfmData data = ToRfmData(SimulateParetoNbd(kParetoNbd, Spec(static_cast<int>(state.range(0)))), 7);
  for (auto _ : state) benchmark::DoNotOptimize(FitParetoNbd(data, 2));
  state.counters["triples"] = static_cast<double>(data.size());
}
BENCHMARK(BM_FitParetoNbd)->Arg(100'000)->Unit(benchmark::kMillisecond);

void BM_FitGammaGamma(benchmark::State& state) {
  auto customers = SimulateBgNbd(kBgNbd, Spec(static_cast<int>(state.range(0))), &kSpend);
  SpendData data;
  for (const auto& c : customers) {
    if (c.x > 0) data.Add(c.x, c.mean_spend);
  }
  for (auto _ : state) benchmark::DoNotOptimize(FitGammaGamma(data, 2));
  state.counters["repeaters"] = static_cast<double>(data.size());
}
BENCHMARK(BM_FitGammaGamma)->Arg(100'000)->Unit(benchmark::kMillisecond);

// Two years of daily data from the BG/NBD process, each customer's rows in time order (as
// exports are; out-of-order input costs a sort, see summary.cc).
Transactions MakeTransactions(int customers) {
  Transactions t;
  auto simulated = SimulateBgNbd({.r = 0.9, .alpha = 14, .a = 0.6, .b = 4.5},
                                 {.customers = customers, .min_T = 30, .max_T = 730, .seed = 3},
                                 &kSpend);
  std::mt19937_64 rng(5);
  std::vector<int32_t> days;
  for (uint32_t c = 0; c < simulated.size(); ++c) {
    const auto& s = simulated[c];
    int32_t first = 20000 - static_cast<int32_t>(s.T);
    days.assign(1, first);
    for (int k = 1; k < s.x; ++k) {
      days.push_back(first + static_cast<int32_t>(rng() % (static_cast<uint64_t>(s.tx) + 1)));
    }
    if (s.x > 0) days.push_back(first + static_cast<int32_t>(s.tx));
    std::sort(days.begin(), days.end());
    for (int32_t day : days) t.Add(c, day, 1000 + static_cast<int64_t>(rng() % 5000));
  }
  return t;
}

void BM_Summarize(benchmark::State& state) {
  Transactions t = MakeTransactions(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    benchmark::DoNotOptimize(Summarize(t, {.as_of_day = 20000, .period = Period::kDay}));
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(t.size()));
}
BENCHMARK(BM_Summarize)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

void BM_AnalyzeRetention(benchmark::State& state) {
  Transactions t = MakeTransactions(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto report = AnalyzeRetention(t, {.as_of_day = 20000, .period = Period::kWeek});
    if (!report) state.SkipWithError(report.error().ToString().c_str());
    benchmark::DoNotOptimize(report);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(t.size()));
}
BENCHMARK(BM_AnalyzeRetention)->Arg(10'000)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace centric::analytics::clv

BENCHMARK_MAIN();
