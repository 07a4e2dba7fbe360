// SPDX-License-Identifier: Apache-2.0
// PostgresStore: the server backend (PostgreSQL 15, libpq). Same contract as the SQLite
// backend, proven by the shared contract suite. Scale-out stays PostgreSQL's own: read
// replicas for reads, Citus with customer_id as distribution column (docs/architecture.md).
#pragma once

#include <memory>
#include <string>

#include "platform/store/postgres/postgres_connection.h"
#include "store/store.h"

namespace centric::store::postgres {

class PostgresStore final : public Store {
 public:
  // Connects to `url` (postgresql://user@host:port/db) and migrates the schema.
  static Result<std::unique_ptr<PostgresStore>> Open(const std::string& url);
  std::string_view backend() const override { return "postgresql"; }
  Result<int> SchemaVersion() override { return connection_.SchemaVersion(); }
  Connection& connection() override { return connection_; }

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
  PostgresConnection& pg() { return connection_; }
  PgConn& conn() { return connection_.conn(); }

 private:
  explicit PostgresStore(std::unique_ptr<PostgresConnection> connection)
      : owned_(std::move(connection)), connection_(*owned_) {}
  Status InTransaction(const std::function<Status()>& body) {
    return connection_.Transaction(body);
  }
  Status StreamRows(const std::string& sql,
                    const std::function<Status(const PgResult&, int)>& row) {
    return connection_.StreamRows(sql, row);
  }

  std::unique_ptr<PostgresConnection> owned_;
  PostgresConnection& connection_;  // *owned_, named for the many statements that use it
};

}  // namespace centric::store::postgres
