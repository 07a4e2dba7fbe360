// SPDX-License-Identifier: Apache-2.0
// api_bench_seed --db PATH --customers N [--lines-per-customer 10]: fills a store with synthetic
// data for run_http_bench.sh when `centric demo` is not wanted or not available.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <string>

#include "areas/stores.h"
#include "synthetic_data.h"

int main(int argc, char** argv) {
  CLI::App app{"Fill a store with synthetic customers, orders and interactions"};
  std::string db;
  centric::bench::SyntheticOptions options;
  app.add_option("--db", db, "Store URL")->required();
  app.add_option("--customers", options.customers)->capture_default_str();
  app.add_option("--lines-per-customer", options.lines_per_customer)->capture_default_str();
  app.add_option("--interactions-per-customer", options.interactions_per_customer)
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  auto store = centric::Stores::Open(db);
  if (!store) {
    fmt::print(stderr, "api_bench_seed: {}\n", store.error().ToString());
    return 1;
  }
  auto summary = centric::bench::WriteSynthetic((*store)->connection(), options, [&](int64_t done) {
    fmt::print(stderr, "\rseed: {} / {} customers", done, options.customers);
  });
  fmt::print(stderr, "\n");
  if (!summary) {
    fmt::print(stderr, "api_bench_seed: {}\n", summary.error().ToString());
    return 1;
  }
  fmt::print("customers={} orders={} order_lines={} interactions={}\n", summary->customers,
             summary->orders, summary->order_lines, summary->interactions);
  return 0;
}
