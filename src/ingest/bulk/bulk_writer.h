// SPDX-License-Identifier: Apache-2.0
// The import's bulk writer: customers, products, orders and interactions written in one
// transaction on the platform's connection, with one implementation per backend (SQLite:
// prepared statements and id maps; PostgreSQL: the same over libpq) and one recording layer
// that, at commit, appends one audit row for the whole write and one event per customer it
// created or changed, not one per row. It writes rows with the customers' and orders' areas'
// own row codecs, so an imported row is the same as one written through their stores. Used by
// `centric import`, the demo data and the benchmarks' loaders.
//
// Thread-safety: one writer per connection at a time (BeginBulk refuses a second).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/customer.h"
#include "core/interaction.h"
#include "core/order.h"
#include "core/product.h"
#include "core/result.h"
#include "platform/store/connection.h"

namespace centric::ingest {

// How many rows each entity has: what an import changed, what a failed one did not.
struct RowCounts {
  int64_t customers = 0;
  int64_t products = 0;
  int64_t orders = 0;
  int64_t order_lines = 0;
  int64_t interactions = 0;
};

// A long write (an import, demo data) as one transaction. Nothing is visible to other
// connections before Commit(); destroying the writer without Commit() rolls everything back.
// The writer caches id look-ups, so it is the fast path for millions of rows.
class BulkWriter {
 public:
  virtual ~BulkWriter() = default;

  // Inserts or updates the customer with this external id; returns its id.
  virtual Result<CustomerId> UpsertCustomer(const Customer& customer) = 0;
  // Returns the id of the customer with this external id, creating it from `defaults`
  // (whose external_id is ignored) when there is none. An existing customer is not changed.
  virtual Result<CustomerId> EnsureCustomer(std::string_view external_id,
                                            const Customer& defaults) = 0;
  // Inserts or updates the product with this sku; returns its id.
  virtual Result<ProductId> UpsertProduct(const Product& product) = 0;
  // Like EnsureCustomer, for products by sku.
  virtual Result<ProductId> EnsureProduct(std::string_view sku, const Product& defaults) = 0;
  // Inserts the order, or replaces the header and all lines of the order with the same
  // (customer_id, external_id). Lines must carry product_id. Totals are taken as given.
  virtual Result<OrderId> UpsertOrder(const Order& order) = 0;
  // Adds lines to an order written earlier in this writer and adds their amounts to its totals.
  virtual Status AppendOrderLines(OrderId order_id, CustomerId customer_id,
                                  const std::vector<OrderLine>& lines) = 0;
  virtual Result<InteractionId> AddInteraction(const Interaction& interaction) = 0;

  // What the write is, for its audit row and event ("import orders sales.csv", "demo").
  virtual void set_source(std::string) {}

  // Makes everything written visible, atomically. The writer is unusable afterwards.
  virtual Status Commit() = 0;
};

// Starts a bulk write on `connection`, recorded as above. FailedPrecondition if one is
// already open on it.
Result<std::unique_ptr<BulkWriter>> BeginBulk(store::Connection& connection);

// The rows of every entity Centric imports, counted in one read.
Result<RowCounts> CountRows(store::Connection& connection);

}  // namespace centric::ingest
