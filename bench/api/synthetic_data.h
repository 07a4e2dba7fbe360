// SPDX-License-Identifier: Apache-2.0
// Synthetic data for the API benchmarks when `centric demo` is not the point: a fixed number of
// order lines per customer on average, so "1M customers, 10M order lines" is exact. Deterministic
// for a seed. Single-threaded; uses the store's bulk writer.
#pragma once

#include <cstdint>
#include <functional>

#include "core/result.h"
#include "platform/store/connection.h"

namespace centric::bench {

struct SyntheticOptions {
  int64_t customers = 10'000;
  int lines_per_customer = 10;  // on average; orders carry 1 to 3 lines
  int interactions_per_customer = 2;
  int products = 500;
  uint64_t seed = 42;
  int64_t batch = 20'000;  // customers per bulk transaction
};

struct SyntheticSummary {
  int64_t customers = 0;
  int64_t orders = 0;
  int64_t order_lines = 0;
  int64_t interactions = 0;
};

// Writes the data into `store`, which should be empty. `progress` gets customers written.
Result<SyntheticSummary> WriteSynthetic(store::Connection& connection,
                                        const SyntheticOptions& options,
                                        const std::function<void(int64_t)>& progress = {});

}  // namespace centric::bench
