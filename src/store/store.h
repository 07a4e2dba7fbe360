// SPDX-License-Identifier: Apache-2.0
// Store: what the customers area, the last not yet in its own home, keeps (customers,
// interactions and the timeline), and the import's bulk writer, behind one interface with one
// implementation per backend (SQLite embedded, PostgreSQL server). The catalogue and orders
// live in areas/orders, the other areas in theirs. Every
// write is one transaction; every statement is prepared. Opening a store applies pending
// schema migrations.
//
// Thread-safety: a Store is one connection and is not thread-safe; give each thread its own
// (OpenStore is cheap). Distinct Store objects on the same database may be used concurrently.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/customer.h"
#include "core/interaction.h"
#include "core/order.h"
#include "core/product.h"
#include "core/result.h"
#include "platform/store/connection.h"
#include "platform/store/page.h"

namespace centric::store {

// Orders of a customer list. The value sorts need the latest retention analysis: customers
// without a prediction are left out of them.
enum class CustomerSort {
  kId,          // oldest first
  kName,        // by name, A to Z
  kClvDesc,     // highest lifetime value first
  kPAliveDesc,  // most probably active first
  kRecentDesc,  // most recent purchase first (periods since the last purchase, at the as-of)
};

struct CustomerFilter {
  std::string search;  // full text over name, emails and external id; prefix match per word
  std::string country;
  std::string language;
  std::string tag;
  // From the latest retention analysis: RFM segment, value tier, churn-risk band.
  std::string segment;
  std::string tier;
  std::string risk;
  std::string category;  // bought in this category or below it ("Food" matches "Food/Pizza")
  CustomerSort sort = CustomerSort::kId;
  PageRequest page;
};

struct InteractionFilter {
  std::optional<CustomerId> customer_id;
  std::string kind;
  PageRequest page;
};

// One entry of a customer's timeline: an order or an interaction.
struct TimelineEvent {
  enum class Type { kOrder, kInteraction };
  Type type = Type::kOrder;
  int64_t id = 0;  // the order or interaction id
  Timestamp at{};
  std::string kind;     // order status ("placed", ...) or interaction kind ("note", ...)
  std::string channel;  // interactions only
  std::string summary;  // interaction summary, or the invoice number of an order
  int64_t amount_minor = 0;  // orders only
  std::string currency;      // orders only
};

struct StoreStats {
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

class Store {
 public:
  virtual ~Store() = default;

  // "sqlite" or "postgresql".
  virtual std::string_view backend() const = 0;
  // The schema version after migrations.
  virtual Result<int> SchemaVersion() = 0;
  // The connection this store runs on; other areas' stores may share it (areas/stores.h).
  virtual Connection& connection() = 0;

  // Customers. Create: AlreadyExists (field external_id) on a duplicate external id,
  // InvalidArgument on a bad field. Get/Update/Delete: NotFound for an unknown id. Delete
  // removes the customer's orders and interactions too.
  virtual Result<Customer> CreateCustomer(const Customer& customer) = 0;
  virtual Result<Customer> GetCustomer(CustomerId id) = 0;
  virtual Result<Customer> GetCustomerByExternalId(std::string_view external_id) = 0;
  virtual Result<Customer> UpdateCustomer(const Customer& customer) = 0;
  virtual Status DeleteCustomer(CustomerId id) = 0;
  virtual Result<Page<Customer>> ListCustomers(const CustomerFilter& filter) = 0;

  virtual Result<Interaction> CreateInteraction(const Interaction& interaction) = 0;
  virtual Result<Interaction> GetInteraction(InteractionId id) = 0;
  virtual Result<Interaction> UpdateInteraction(const Interaction& interaction) = 0;
  virtual Status DeleteInteraction(InteractionId id) = 0;
  virtual Result<Page<Interaction>> ListInteractions(const InteractionFilter& filter) = 0;

  // The customer's orders and interactions merged, newest first (ties: higher id first).
  // NotFound for an unknown customer.
  virtual Result<Page<TimelineEvent>> Timeline(CustomerId customer_id,
                                               const PageRequest& page) = 0;

  // Streams every customer in id order inside one read transaction, so an export is a
  // consistent snapshot. Stops at and returns the first error `visit` returns.
  virtual Status ScanCustomers(const std::function<Status(const Customer&)>& visit) = 0;

  virtual Result<StoreStats> Stats() = 0;
  // The highest customer id given so far; 0 in an empty store. Ids only grow.
  virtual Result<CustomerId> LastCustomerId() = 0;

  // Starts a bulk write transaction. FailedPrecondition if one is already open.
  virtual Result<std::unique_ptr<BulkWriter>> BeginBulk() = 0;
};

// Opens the store named by `url` (every write recorded in the audit log and, where it changes
// a customer's story, the event outbox: store/recording_store.h): "postgresql://..." or
// "postgres://..." for PostgreSQL, anything else a SQLite file path (":memory:" for a private
// in-memory database). Applies pending migrations. Stores::Open (areas/stores.h) opens this
// and every other area's store on one connection. Unavailable when the database cannot be reached.
Result<std::unique_ptr<Store>> OpenStore(std::string_view url);

}  // namespace centric::store
