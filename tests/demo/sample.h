// SPDX-License-Identifier: Apache-2.0
// The world most demo tests look at: 20,000 customers of seed 7 under the default options
// (window 2023-01-01 to 2025-12-31, BG/NBD r=0.25 alpha=5 a=0.8 b=2.4, Gamma-Gamma p=3 q=3
// gamma=50), about 65,000 placed orders. Built once per test binary.
#pragma once

#include <vector>

#include "demo/demo.h"

namespace centric::demo::sample {

inline constexpr int64_t kSampleCustomers = 20000;
inline constexpr uint64_t kSampleSeed = 7;

DemoOptions SampleOptions();
const Generator& SampleGenerator();
const std::vector<GeneratedCustomer>& SampleCustomers();

// Placed orders only: what the buying process made, without cancellations and returns.
std::vector<const Order*> PlacedOrders(const GeneratedCustomer& customer);

// Weeks between two instants.
double WeeksBetween(Timestamp from, Timestamp to);

}  // namespace centric::demo::sample
