// SPDX-License-Identifier: Apache-2.0
// The PostgreSQL bulk writer: one transaction on the store's connection, prepared statements,
// and in-memory id maps so each row costs one round trip.
#pragma once

#include <string>
#include <unordered_map>

#include "ingest/bulk/bulk_writer.h"
#include "platform/store/postgres/postgres_connection.h"

namespace centric::store::postgres {

class PgBulkWriter final : public ingest::BulkWriter {
 public:
  // REQUIRES: no other bulk writer open on `store`. Begins the transaction.
  static Result<std::unique_ptr<PgBulkWriter>> Begin(PostgresConnection& store);
  ~PgBulkWriter() override;

  Result<CustomerId> UpsertCustomer(const Customer& customer) override;
  Result<CustomerId> EnsureCustomer(std::string_view external_id,
                                    const Customer& defaults) override;
  Result<ProductId> UpsertProduct(const Product& product) override;
  Result<ProductId> EnsureProduct(std::string_view sku, const Product& defaults) override;
  Result<OrderId> UpsertOrder(const Order& order) override;
  Status AppendOrderLines(OrderId order_id, CustomerId customer_id,
                          const std::vector<OrderLine>& lines) override;
  Result<InteractionId> AddInteraction(const Interaction& interaction) override;
  Status Commit() override;

 private:
  explicit PgBulkWriter(PostgresConnection& store) : store_(store), conn_(store.conn()) {}
  Status InsertLines(OrderId order_id, CustomerId customer_id, int64_t first_line_no,
                     const std::vector<OrderLine>& lines);

  PostgresConnection& store_;  // the connection the write runs on
  PgConn& conn_;
  bool open_ = false;
  int64_t now_ = 0;
  std::unordered_map<std::string, CustomerId> customers_;
  std::unordered_map<std::string, ProductId> products_;
  std::unordered_map<OrderId, int64_t> next_line_no_;
};

}  // namespace centric::store::postgres
