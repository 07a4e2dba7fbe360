// SPDX-License-Identifier: Apache-2.0
// Writing stays on one thread and in one bulk transaction, in customer order, so store ids
// come out the same on every run of a seed and exports are byte-identical.
#include <fmt/format.h>

#include <string>
#include <unordered_map>

#include "demo/demo.h"
#include "ingest/bulk/bulk_writer.h"

namespace centric::demo {
namespace {

class StoreSink : public DemoSink {
 public:
  StoreSink(Stores& stores, int64_t existing) : stores_(stores), existing_(existing) {}

  Status Begin(const std::vector<Product>& products) override {
    auto writer = ingest::BeginBulk(stores_.connection());
    if (!writer) return writer.error();
    writer_ = std::move(*writer);
    writer_->set_source("demo");
    for (const auto& product : products) {
      auto id = writer_->UpsertProduct(product);
      if (!id) return id.error();
      product_ids_.emplace(product.sku, *id);
    }
    return Status::Ok();
  }

  Status Write(std::vector<GeneratedCustomer>& batch) override {
    for (auto& g : batch) {
      auto id = writer_->UpsertCustomer(g.customer);
      if (!id) return id.error();
      for (auto& order : g.orders) {
        order.customer_id = *id;
        for (auto& line : order.lines) line.product_id = product_ids_.at(line.sku);
        auto written = writer_->UpsertOrder(order);
        if (!written) return written.error();
      }
      // Interactions have no natural key to upsert on; those of customers an earlier run of
      // this seed wrote are already there and identical.
      if (g.index < existing_) {
        skipped_interactions_ += static_cast<int64_t>(g.interactions.size());
        continue;
      }
      for (auto& interaction : g.interactions) {
        interaction.customer_id = *id;
        auto written = writer_->AddInteraction(interaction);
        if (!written) return written.error();
      }
    }
    return Status::Ok();
  }

  Status Finish() override { return writer_->Commit(); }

  int64_t skipped_interactions() const { return skipped_interactions_; }

 private:
  Stores& stores_;
  const int64_t existing_;
  std::unique_ptr<ingest::BulkWriter> writer_;
  std::unordered_map<std::string, ProductId> product_ids_;
  int64_t skipped_interactions_ = 0;
};

// How many demo customers, D0000001 onwards, an earlier run left in the store. A run writes
// its customers in one transaction, so they form a prefix and a binary search finds its end.
Result<int64_t> ExistingDemoCustomers(customers::CustomerStore& store, const DemoOptions& options) {
  auto exists = [&](int64_t index) -> Result<bool> {
    auto found = store.GetCustomerByExternalId(CustomerExternalId(index));
    if (found) return true;
    if (found.error().code() == StatusCode::kNotFound) return false;
    return Error(found.error());
  };
  auto first = store.GetCustomerByExternalId(CustomerExternalId(0));
  if (!first) {
    if (first.error().code() == StatusCode::kNotFound) return 0;
    return Error(first.error());
  }
  auto seed = first->attributes.find("demo_seed");
  std::string expected = std::to_string(options.seed);
  if (seed == first->attributes.end() || seed->second != expected) {
    return Error(FailedPrecondition(fmt::format(
        "the store already holds customer {} not made by the demo with seed {}; use a new store "
        "or the same seed",
        first->external_id, expected)));
  }
  int64_t lo = 1;  // exists(lo - 1)
  int64_t hi = options.customers;
  while (lo < hi) {
    int64_t mid = lo + (hi - lo) / 2;
    CENTRIC_ASSIGN_OR_RETURN(bool found, exists(mid));
    if (found) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return std::min(lo, options.customers);
}

}  // namespace

Result<DemoSummary> WriteDemo(Stores& stores, const DemoOptions& options,
                              const ProgressFn& progress) {
  CENTRIC_RETURN_IF_ERROR(ValidateOptions(options));
  CENTRIC_ASSIGN_OR_RETURN(int64_t existing, ExistingDemoCustomers(stores.customers(), options));
  StoreSink sink(stores, existing);
  CENTRIC_ASSIGN_OR_RETURN(DemoSummary summary, RunDemo(options, sink, progress));
  summary.interactions -= sink.skipped_interactions();
  summary.existing_customers = existing;
  return summary;
}

}  // namespace centric::demo
