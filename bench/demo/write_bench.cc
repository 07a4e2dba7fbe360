// SPDX-License-Identifier: Apache-2.0
// Times a demo load into a store call kind by call kind (customers, orders with their lines,
// interactions, commit), generating on the same thread so the split is exact.
// Usage: demo_write_bench CUSTOMERS DB_URL
#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unordered_map>

#include "areas/stores.h"
#include "demo/demo.h"
#include "ingest/bulk/bulk_writer.h"

namespace {

using Clock = std::chrono::steady_clock;

double Since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

int Fail(const centric::Status& status) {
  fmt::print(stderr, "demo_write_bench: {}\n", status.ToString());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace centric;
  if (argc != 3) {
    fmt::print(stderr, "usage: demo_write_bench CUSTOMERS DB_URL\n");
    return 2;
  }
  demo::DemoOptions options;
  options.customers = std::atoll(argv[1]);
  auto store = Stores::Open(argv[2]);
  if (!store) return Fail(store.error());
  auto writer = ingest::BeginBulk((*store)->connection());
  if (!writer) return Fail(writer.error());
  auto& w = **writer;
  demo::Generator generator(options);
  std::unordered_map<std::string, ProductId> product_ids;
  for (const auto& p : generator.products()) {
    auto id = w.UpsertProduct(p);
    if (!id) return Fail(id.error());
    product_ids[p.sku] = *id;
  }
  double generate = 0, customers = 0, orders = 0, interactions = 0;
  int64_t order_count = 0, line_count = 0, interaction_count = 0;
  for (int64_t i = 0; i < options.customers; ++i) {
    auto t = Clock::now();
    demo::GeneratedCustomer g = generator.Customer(i);
    generate += Since(t);
    t = Clock::now();
    auto id = w.UpsertCustomer(g.customer);
    if (!id) return Fail(id.error());
    customers += Since(t);
    t = Clock::now();
    for (auto& order : g.orders) {
      order.customer_id = *id;
      for (auto& line : order.lines) line.product_id = product_ids.at(line.sku);
      auto written = w.UpsertOrder(order);
      if (!written) return Fail(written.error());
      line_count += static_cast<int64_t>(order.lines.size());
    }
    order_count += static_cast<int64_t>(g.orders.size());
    orders += Since(t);
    t = Clock::now();
    for (auto& interaction : g.interactions) {
      interaction.customer_id = *id;
      auto written = w.AddInteraction(interaction);
      if (!written) return Fail(written.error());
    }
    interaction_count += static_cast<int64_t>(g.interactions.size());
    interactions += Since(t);
  }
  auto t = Clock::now();
  if (Status s = w.Commit(); !s.ok()) return Fail(s);
  double commit = Since(t);
  double n = static_cast<double>(options.customers);
  fmt::print(
      "customers {}: generate {:.2f} s | UpsertCustomer {:.2f} s ({:.1f} us each) | "
      "UpsertOrder {:.2f} s for {} orders, {} lines ({:.2f} us per row) | "
      "AddInteraction {:.2f} s for {} | Commit {:.2f} s\n",
      options.customers, generate, customers, customers / n * 1e6, orders, order_count, line_count,
      orders / static_cast<double>(order_count + line_count) * 1e6, interactions, interaction_count,
      commit);
  return 0;
}
