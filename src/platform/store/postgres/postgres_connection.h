// SPDX-License-Identifier: Apache-2.0
// PostgresConnection: the server backend's connection (PostgreSQL 15, libpq). Area stores
// borrow it for prepared statements, transactions and streamed reads.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "platform/store/connection.h"
#include "platform/store/postgres/pg_conn.h"

namespace centric::store::postgres {

class PostgresConnection final : public Connection {
 public:
  // Connects to `url` (postgresql://user@host:port/db) and migrates the schema.
  static Result<std::unique_ptr<PostgresConnection>> Open(const std::string& url);

  std::string_view backend() const override { return "postgresql"; }
  Result<int> SchemaVersion() override;
  Status Record(const platform::Change& change) override;
  Status AppendEvent(std::string_view type, std::optional<CustomerId> customer_id,
                     const boost::json::object& payload) override;
  Status Transaction(const std::function<Status()>& body) override { return InTransaction(body); }

  // Runs `body` in one transaction (BEGIN ... COMMIT, ROLLBACK on error). FailedPrecondition
  // while a bulk write holds the connection.
  Status InTransaction(const std::function<Status()>& body);
  // Streams `sql` through a cursor in batches, in one repeatable-read transaction, so a scan is
  // a consistent snapshot.
  Status StreamRows(const std::string& sql, const std::function<Status(const PgResult&, int)>& row);

  PgConn& conn() { return *conn_; }
  bool bulk_open() const { return bulk_open_; }
  void set_bulk_open(bool open) { bulk_open_ = open; }

 private:
  explicit PostgresConnection(std::unique_ptr<PgConn> conn) : conn_(std::move(conn)) {}
  Status Migrate();

  std::unique_ptr<PgConn> conn_;
  bool bulk_open_ = false;
  int depth_ = 0;  // transactions open: more than one when nested
};

}  // namespace centric::store::postgres
