// SPDX-License-Identifier: Apache-2.0
// SqliteStore: the embedded default backend of the areas not yet in their own homes
// (customers, catalogue and orders, retention, cross-sell), on a SqliteConnection
// (platform/store/sqlite) that it owns or shares with the other areas' stores.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>

#include "platform/store/sqlite/sqlite_connection.h"
#include "store/store.h"

namespace centric::store::sqlite {

class SqliteStore final : public Store {
 public:
  // Opens or creates the database at `path` (":memory:" for a private one) and migrates it.
  static Result<std::unique_ptr<SqliteStore>> Open(const std::string& path);
  std::string_view backend() const override { return "sqlite"; }
  Result<int> SchemaVersion() override { return conn_.SchemaVersion(); }
  Connection& connection() override { return conn_; }

  Result<Customer> CreateCustomer(const Customer& customer) override;
  Result<Customer> GetCustomer(CustomerId id) override;
  Result<Customer> GetCustomerByExternalId(std::string_view external_id) override;
  Result<Customer> UpdateCustomer(const Customer& customer) override;
  Status DeleteCustomer(CustomerId id) override;
  Result<Page<Customer>> ListCustomers(const CustomerFilter& filter) override;

  Result<Interaction> CreateInteraction(const Interaction& interaction) override;
  Result<Interaction> GetInteraction(InteractionId id) override;
  Result<Interaction> UpdateInteraction(const Interaction& interaction) override;
  Status DeleteInteraction(InteractionId id) override;
  Result<Page<Interaction>> ListInteractions(const InteractionFilter& filter) override;

  Result<Page<TimelineEvent>> Timeline(CustomerId customer_id, const PageRequest& page) override;

  Status ScanCustomers(const std::function<Status(const Customer&)>& visit) override;

  Result<StoreStats> Stats() override;
  Result<CustomerId> LastCustomerId() override;
  Result<std::unique_ptr<BulkWriter>> BeginBulk() override;

  // For the bulk writer, which shares this connection.
  SqliteConnection& conn() { return conn_; }
  SqliteDb& db() { return conn_.db(); }

 private:
  explicit SqliteStore(std::unique_ptr<SqliteConnection> connection)
      : owned_(std::move(connection)), conn_(*owned_) {}
  Status InTransaction(const std::function<Status()>& body) { return conn_.Transaction(body); }
  Result<StatementLease> Cached(const char* sql) { return conn_.Cached(sql); }

  std::unique_ptr<SqliteConnection> owned_;
  SqliteConnection& conn_;  // *owned_, named for the many statements that use it
};

}  // namespace centric::store::sqlite
