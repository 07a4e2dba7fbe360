// SPDX-License-Identifier: Apache-2.0
// The SQLite bulk writer: one IMMEDIATE transaction on the connection, prepared
// statements kept for the whole write, and in-memory maps from external id / sku / order key
// to row id so each row costs one insert, not a look-up plus an insert.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "ingest/bulk/bulk_writer.h"
#include "platform/store/sqlite/sqlite_connection.h"

namespace centric::store::sqlite {

class SqliteBulkWriter final : public ingest::BulkWriter {
 public:
  // REQUIRES: no other bulk writer open on `store`. Begins the transaction.
  static Result<std::unique_ptr<SqliteBulkWriter>> Begin(SqliteConnection& store);
  ~SqliteBulkWriter() override;

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
  explicit SqliteBulkWriter(SqliteConnection& store) : store_(store) {}
  Status Prepare();
  Status InsertLines(OrderId order_id, CustomerId customer_id, int64_t first_line_no,
                     const std::vector<OrderLine>& lines);
  Result<std::optional<int64_t>> LookUp(Statement& st, std::string_view key);
  Status DeferSearchIndexOnFirstLoad();
  Status RebuildDeferredSearchIndex();

  SqliteConnection& store_;  // the connection the write runs on
  bool open_ = false;
  int64_t now_ = 0;
  Statement upsert_customer_, find_customer_, insert_customer_;
  Statement upsert_product_, find_product_, insert_product_;
  Statement find_order_, insert_order_, update_order_, delete_lines_, insert_line_;
  Statement max_line_, add_totals_, insert_interaction_;
  std::unordered_map<std::string, CustomerId> customers_;
  std::unordered_map<std::string, ProductId> products_;
  std::unordered_map<OrderId, int64_t> next_line_no_;
  std::vector<std::string> deferred_triggers_;  // CREATE TRIGGER statements to restore
};

}  // namespace centric::store::sqlite
