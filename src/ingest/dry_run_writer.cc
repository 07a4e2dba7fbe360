// SPDX-License-Identifier: Apache-2.0
// Hands out increasing ids and keeps only what Ensure* needs to return the same id for the
// same key, like a real writer, so the importer behaves as it would against a store.
#include <unordered_map>

#include "ingest/ingest.h"

namespace centric::ingest {
namespace {

class DryRunWriter final : public BulkWriter {
 public:
  Result<CustomerId> UpsertCustomer(const Customer& customer) override {
    CENTRIC_RETURN_IF_ERROR(ValidateCustomer(customer));
    return Id(customers_, customer.external_id);
  }
  Result<CustomerId> EnsureCustomer(std::string_view external_id, const Customer&) override {
    return Id(customers_, external_id);
  }
  Result<ProductId> UpsertProduct(const Product& product) override {
    CENTRIC_RETURN_IF_ERROR(ValidateProduct(product));
    return Id(products_, product.sku);
  }
  Result<ProductId> EnsureProduct(std::string_view sku, const Product&) override {
    return Id(products_, sku);
  }
  Result<OrderId> UpsertOrder(const Order& order) override {
    CENTRIC_RETURN_IF_ERROR(ValidateOrder(order));
    return ++next_order_;
  }
  Status AppendOrderLines(OrderId, CustomerId, const std::vector<OrderLine>&) override {
    return Status::Ok();
  }
  Result<InteractionId> AddInteraction(const Interaction&) override { return ++next_interaction_; }
  Status Commit() override { return Status::Ok(); }

 private:
  static int64_t Id(std::unordered_map<std::string, int64_t>& ids, std::string_view key) {
    auto [it, inserted] = ids.try_emplace(std::string(key), static_cast<int64_t>(ids.size()) + 1);
    return it->second;
  }

  std::unordered_map<std::string, int64_t> customers_;
  std::unordered_map<std::string, int64_t> products_;
  int64_t next_order_ = 0;
  int64_t next_interaction_ = 0;
};

}  // namespace

std::unique_ptr<BulkWriter> MakeDryRunWriter() { return std::make_unique<DryRunWriter>(); }

}  // namespace centric::ingest
