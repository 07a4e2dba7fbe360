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

  // Streams `sql` through a cursor in batches, in one repeatable-read transaction, so a scan is
  // a consistent snapshot.
  Status StreamRows(const std::string& sql, const std::function<Status(const PgResult&, int)>& row);

  PgConn& conn() { return *conn_; }

 private:
  explicit PostgresConnection(std::unique_ptr<PgConn> conn) : conn_(std::move(conn)) {}
  Status Migrate();
  Status Begin() override { return conn_->Exec("BEGIN"); }
  Status Commit() override { return conn_->Exec("COMMIT"); }
  void Rollback() override { (void)conn_->Exec("ROLLBACK"); }

  std::unique_ptr<PgConn> conn_;
};

}  // namespace centric::store::postgres
