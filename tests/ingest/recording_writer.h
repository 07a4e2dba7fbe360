// SPDX-License-Identifier: Apache-2.0
// A BulkWriter that keeps every call in memory, for testing the importer's conversions
// without a database. Ensure* create once per key, as the real writers do.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "ingest/bulk/bulk_writer.h"

namespace centric::ingest::testing {

class RecordingWriter final : public BulkWriter {
 public:
  Result<CustomerId> UpsertCustomer(const Customer& c) override {
    CENTRIC_RETURN_IF_ERROR(ValidateCustomer(c));
    customers.push_back(c);
    return static_cast<CustomerId>(customers.size());
  }
  Result<CustomerId> EnsureCustomer(std::string_view external_id,
                                    const Customer& defaults) override {
    auto [it, inserted] = ensured_customers.try_emplace(std::string(external_id), defaults);
    if (inserted) {
      it->second.external_id = std::string(external_id);
      customer_ids[std::string(external_id)] = static_cast<CustomerId>(customer_ids.size() + 1000);
    }
    ++ensure_customer_calls;
    return customer_ids[std::string(external_id)];
  }
  Result<ProductId> UpsertProduct(const Product& p) override {
    CENTRIC_RETURN_IF_ERROR(ValidateProduct(p));
    products.push_back(p);
    return static_cast<ProductId>(products.size());
  }
  Result<ProductId> EnsureProduct(std::string_view sku, const Product& defaults) override {
    auto [it, inserted] = ensured_products.try_emplace(std::string(sku), defaults);
    if (inserted) {
      it->second.sku = std::string(sku);
      product_ids[std::string(sku)] = static_cast<ProductId>(product_ids.size() + 1);
    }
    return product_ids[std::string(sku)];
  }
  Result<OrderId> UpsertOrder(const Order& o) override {
    CENTRIC_RETURN_IF_ERROR(ValidateOrder(o));
    orders.push_back(o);
    return static_cast<OrderId>(orders.size());
  }
  Status AppendOrderLines(OrderId order_id, CustomerId customer_id,
                          const std::vector<OrderLine>& lines) override {
    appended.push_back({order_id, lines});
    Order& o = orders.at(order_id - 1);
    if (o.customer_id != customer_id) return NotFound("wrong customer");
    o.lines.insert(o.lines.end(), lines.begin(), lines.end());
    RecomputeTotals(o);
    return Status::Ok();
  }
  Result<InteractionId> AddInteraction(const Interaction&) override { return 1; }
  Status Commit() override {
    committed = true;
    return Status::Ok();
  }

  std::vector<Customer> customers;
  std::map<std::string, Customer> ensured_customers;
  std::map<std::string, CustomerId> customer_ids;
  int ensure_customer_calls = 0;
  std::vector<Product> products;
  std::map<std::string, Product> ensured_products;
  std::map<std::string, ProductId> product_ids;
  std::vector<Order> orders;
  std::vector<std::pair<OrderId, std::vector<OrderLine>>> appended;
  bool committed = false;
};

}  // namespace centric::ingest::testing
