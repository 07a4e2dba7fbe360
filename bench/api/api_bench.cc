// SPDX-License-Identifier: Apache-2.0
// The API's own cost without HTTP: HandleRequest (routing, token check, store calls, JSON) on a
// SQLite store of synthetic customers. run_http_bench.sh measures the whole process under wrk;
// the difference between the two is the HTTP layer. CENTRIC_BENCH_CUSTOMERS sets the size
// (default 20000); CENTRIC_BENCH_DB names an existing store to use instead (ids 1 to
// CENTRIC_BENCH_CUSTOMERS must exist), e.g. the one run_http_bench.sh built.
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>

#include "api/handle_request.h"
#include "areas/access/credentials.h"
#include "synthetic_data.h"

namespace centric::api {
namespace {

struct World {
  std::unique_ptr<Stores> stores;
  std::string token;
  int64_t customers = 0;
};

World& TheWorld() {
  static World world = [] {
    World w;
    const char* size = std::getenv("CENTRIC_BENCH_CUSTOMERS");
    w.customers = size ? std::atoll(size) : 20'000;
    const char* db = std::getenv("CENTRIC_BENCH_DB");
    auto path = db ? std::filesystem::path(db)
                   : std::filesystem::temp_directory_path() /
                         fmt::format("centric-api-bench-{}.db", w.customers);
    bool fresh = !std::filesystem::exists(path);
    auto opened = Stores::Open(path.string());
    if (!opened) {
      fmt::print(stderr, "cannot open {}: {}\n", path.string(), opened.error().ToString());
      std::abort();
    }
    w.stores = std::move(*opened);
    if (fresh) {
      bench::SyntheticOptions options;
      options.customers = w.customers;
      auto summary = bench::WriteSynthetic(w.stores->connection(), options);
      if (!summary) {
        fmt::print(stderr, "seeding failed: {}\n", summary.error().ToString());
        std::abort();
      }
    }
    w.token = access::IssueToken(w.stores->access(), "bench", Role::kAnalyst)->secret;
    return w;
  }();
  return world;
}

Response Run(World& w, std::string target) {
  Request request;
  request.target = std::move(target);
  request.authorization = "Bearer " + w.token;
  Services services{*w.stores};
  return HandleRequest(ApiRouter(), request, services);
}

void BM_Health(benchmark::State& state) {
  World& w = TheWorld();
  for (auto _ : state) benchmark::DoNotOptimize(Run(w, "/health"));
}
BENCHMARK(BM_Health);

void BM_GetCustomerWithTimeline(benchmark::State& state) {
  World& w = TheWorld();
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<int64_t> id(1, w.customers);
  int64_t bytes = 0;
  for (auto _ : state) {
    Response r = Run(w, fmt::format("/api/v1/customers/{}?events={}", id(rng), state.range(0)));
    if (r.status != 200) state.SkipWithError("status not 200");
    bytes += static_cast<int64_t>(r.body.size());
  }
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_GetCustomerWithTimeline)->Arg(0)->Arg(50);

void BM_SearchCustomers(benchmark::State& state) {
  World& w = TheWorld();
  for (auto _ : state) benchmark::DoNotOptimize(Run(w, "/api/v1/customers?q=Jordi+Puig&limit=20"));
}
BENCHMARK(BM_SearchCustomers);

void BM_ListOrdersOfCustomer(benchmark::State& state) {
  World& w = TheWorld();
  std::mt19937_64 rng(11);
  std::uniform_int_distribution<int64_t> id(1, w.customers);
  for (auto _ : state) {
    benchmark::DoNotOptimize(Run(w, fmt::format("/api/v1/orders?customer_id={}", id(rng))));
  }
}
BENCHMARK(BM_ListOrdersOfCustomer);

}  // namespace
}  // namespace centric::api

BENCHMARK_MAIN();
