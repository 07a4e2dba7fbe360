// SPDX-License-Identifier: Apache-2.0
#include "sample.h"

namespace centric::demo::sample {

DemoOptions SampleOptions() {
  DemoOptions options;
  options.customers = kSampleCustomers;
  options.seed = kSampleSeed;
  return options;
}

const Generator& SampleGenerator() {
  static const Generator generator(SampleOptions());
  return generator;
}

const std::vector<GeneratedCustomer>& SampleCustomers() {
  static const std::vector<GeneratedCustomer> customers = [] {
    std::vector<GeneratedCustomer> all;
    all.reserve(kSampleCustomers);
    for (int64_t i = 0; i < kSampleCustomers; ++i) all.push_back(SampleGenerator().Customer(i));
    return all;
  }();
  return customers;
}

std::vector<const Order*> PlacedOrders(const GeneratedCustomer& customer) {
  std::vector<const Order*> placed;
  for (const auto& order : customer.orders) {
    if (order.status == OrderStatus::kPlaced) placed.push_back(&order);
  }
  return placed;
}

double WeeksBetween(Timestamp from, Timestamp to) {
  return static_cast<double>((to - from).count()) / (7 * 86400.0);
}

}  // namespace centric::demo::sample
