// SPDX-License-Identifier: Apache-2.0
// SqliteConnection: the embedded backend's connection. WAL mode with foreign keys on and a
// busy timeout, so several connections (one per server thread) share a file; a kill -9 at any
// moment leaves the last committed state (WAL with synchronous=NORMAL never exposes a partial
// transaction). Area stores borrow it for prepared statements and transactions.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <unordered_map>

#include "platform/store/connection.h"
#include "platform/store/sqlite/sqlite_db.h"

namespace centric::store::sqlite {

class SqliteConnection final : public Connection {
 public:
  // Opens or creates the database at `path` (":memory:" for a private one) and migrates it.
  static Result<std::unique_ptr<SqliteConnection>> Open(const std::string& path);

  std::string_view backend() const override { return "sqlite"; }
  Result<int> SchemaVersion() override;
  Status Record(const platform::Change& change) override;
  Status AppendEvent(std::string_view type, std::optional<CustomerId> customer_id,
                     const boost::json::object& payload) override;

  // The statement for `sql`, prepared on first use and cached for the connection's life.
  // `sql` must be a string literal (the cache is keyed by its text).
  Result<StatementLease> Cached(const char* sql);

  SqliteDb& db() { return *db_; }

 private:
  explicit SqliteConnection(std::unique_ptr<SqliteDb> db) : db_(std::move(db)) {}
  Status Migrate();
  // IMMEDIATE takes the write lock at once, so a transaction never fails half-way for it.
  Status Begin() override { return db_->Exec("BEGIN IMMEDIATE"); }
  Status Commit() override { return db_->Exec("COMMIT"); }
  void Rollback() override { (void)db_->Exec("ROLLBACK"); }

  std::unique_ptr<SqliteDb> db_;
  std::unordered_map<std::string, Statement> cache_;
};

}  // namespace centric::store::sqlite
