// SPDX-License-Identifier: Apache-2.0
// Generation alone, per customer and per basket, on one thread.
#include <benchmark/benchmark.h>

#include "demo/buying.h"
#include "demo/catalog.h"
#include "demo/demo.h"
#include "demo/random.h"

namespace centric::demo {
namespace {

void BM_GenerateCustomer(benchmark::State& state) {
  DemoOptions options;
  options.customers = 1'000'000;
  Generator generator(options);
  int64_t index = 0;
  int64_t orders = 0;
  for (auto _ : state) {
    GeneratedCustomer g = generator.Customer(index++ % options.customers);
    orders += static_cast<int64_t>(g.orders.size());
    benchmark::DoNotOptimize(g);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["orders_per_customer"] =
      static_cast<double>(orders) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_GenerateCustomer);

void BM_BuildBasket(benchmark::State& state) {
  const auto catalog = BuildCatalog(1, Timestamp{});
  std::vector<double> weights;
  for (int a : catalog.anchors) weights.push_back(catalog.categories[a].appeal);
  Rng rng(1);
  for (auto _ : state) {
    int64_t budget = MinimumBudget(catalog) + static_cast<int64_t>(rng.Gamma(3.0, 1.0 / 3000));
    benchmark::DoNotOptimize(BuildBasket(catalog, weights, budget, rng));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_BuildBasket);

void BM_Gamma(benchmark::State& state) {
  Rng rng(1);
  for (auto _ : state) benchmark::DoNotOptimize(rng.Gamma(0.25, 5.0));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Gamma);

}  // namespace
}  // namespace centric::demo
