// SPDX-License-Identifier: Apache-2.0
// Frequent itemsets and rules on IBM Quest-style baskets (T10I4D100K: 100k baskets, mean size
// 10, 2,000 patterns of mean size 4, seed 1) over 1,000 and 20,000 items, at supports of 1 %,
// 0.1 % and 0.05 %, on 1 and 2 threads. Arguments: items, support in basis points
// (100 = 1 %), threads. Results: docs/basket.md, section Performance.
#include <benchmark/benchmark.h>

#include <map>

#include "analytics/basket/basket.h"
#include "analytics/basket/miner.h"
#include "quest_generator.h"

namespace centric::analytics::basket {
namespace {

const Baskets& Quest(uint32_t items) {
  static std::map<uint32_t, Baskets> cache;
  auto it = cache.find(items);
  if (it == cache.end()) {
    bench::QuestSpec spec;
    spec.items = items;
    it = cache.emplace(items, Baskets::FromLists(bench::GenerateQuest(spec))).first;
  }
  return it->second;
}

double Support(const benchmark::State& state) { return state.range(1) / 10000.0; }

void BM_MineItemsets(benchmark::State& state) {
  const Baskets& baskets = Quest(static_cast<uint32_t>(state.range(0)));
  MiningOptions options{.min_support = Support(state), .threads = static_cast<int>(state.range(2))};
  size_t itemsets = 0, longest = 0;
  for (auto _ : state) {
    auto mined = MineItemsets(baskets, options);
    if (!mined) state.SkipWithError(mined.error().ToString().c_str());
    itemsets = mined->size();
    longest = mined->longest();
  }
  state.counters["itemsets"] = static_cast<double>(itemsets);
  state.counters["longest"] = static_cast<double>(longest);
  state.counters["baskets"] = static_cast<double>(baskets.size());
}

// The miner alone (no sorting of the result), with the top-level table of pair counts
// (pair_table:1) and without it (0, the path taken beyond about 5,800 frequent items).
void BM_MineFrequent(benchmark::State& state) {
  const Baskets& baskets = Quest(static_cast<uint32_t>(state.range(0)));
  const uint32_t min_count = *MinCount(Support(state), baskets.size());
  const uint64_t pair_bytes = state.range(3) ? internal::kMaxPairBytes : 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(internal::MineFrequent(baskets, min_count, 0,
                                                    static_cast<int>(state.range(2)), pair_bytes));
  }
}

void BM_GenerateRules(benchmark::State& state) {
  const Baskets& baskets = Quest(static_cast<uint32_t>(state.range(0)));
  auto mined = MineItemsets(baskets, {.min_support = Support(state), .threads = 2});
  if (!mined) return state.SkipWithError(mined.error().ToString().c_str());
  size_t rules = 0;
  for (auto _ : state) {
    auto made = GenerateRules(*mined, {.min_confidence = 0.5,
                                       .threads = static_cast<int>(state.range(2))});
    rules = made->size();
  }
  state.counters["itemsets"] = static_cast<double>(mined->size());
  state.counters["rules"] = static_cast<double>(rules);
}

void BM_SelectClosed(benchmark::State& state) {
  const Baskets& baskets = Quest(static_cast<uint32_t>(state.range(0)));
  auto mined = MineItemsets(baskets, {.min_support = Support(state), .threads = 2});
  if (!mined) return state.SkipWithError(mined.error().ToString().c_str());
  size_t closed = 0;
  for (auto _ : state) closed = SelectClosed(*mined, static_cast<int>(state.range(2))).size();
  state.counters["closed"] = static_cast<double>(closed);
}

void Supports(benchmark::internal::Benchmark* b) {
  for (int64_t items : {1000, 20000}) {
    for (int64_t support : {100, 10, 5}) {
      for (int64_t threads : {1, 2}) b->Args({items, support, threads});
    }
  }
  b->ArgNames({"items", "support_bp", "threads"})->Unit(benchmark::kMillisecond);
}

BENCHMARK(BM_MineItemsets)->Apply(Supports);
BENCHMARK(BM_MineFrequent)->Apply([](benchmark::internal::Benchmark* b) {
  for (int64_t items : {1000, 20000}) {
    for (int64_t support : {100, 10, 5}) {
      for (int64_t pairs : {0, 1}) b->Args({items, support, 1, pairs});
    }
  }
  b->ArgNames({"items", "support_bp", "threads", "pair_table"})->Unit(benchmark::kMillisecond);
});
BENCHMARK(BM_GenerateRules)->Apply(Supports);
BENCHMARK(BM_SelectClosed)->Apply(Supports);

}  // namespace
}  // namespace centric::analytics::basket

BENCHMARK_MAIN();
