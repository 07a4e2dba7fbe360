// SPDX-License-Identifier: Apache-2.0
// A thin RAII layer over the SQLite C API: a connection and prepared statements whose
// failures come back as Status. Not thread-safe: one SqliteDb per thread.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace centric::store::sqlite {

class Statement {
 public:
  Statement() = default;
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Statement(Statement&& other) noexcept { *this = std::move(other); }
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  // Binds are 1-based, as in SQLite. Text is copied (SQLITE_TRANSIENT) unless `borrow`.
  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, std::string_view value);
  Statement& BindNull(int index);
  Statement& Bind(int index, std::optional<int64_t> value);
  Statement& BindDouble(int index, double value);

  // Returns true when a row is available, false when done; errors as Status. A constraint
  // violation is AlreadyExists for UNIQUE, FailedPrecondition for FOREIGN KEY.
  Result<bool> Step();
  // Runs to completion, ignoring rows.
  Status Run();
  // Resets for re-execution and clears bindings.
  void Reset();

  int64_t Int(int column) const { return sqlite3_column_int64(stmt_, column); }
  double Double(int column) const { return sqlite3_column_double(stmt_, column); }
  bool IsNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
  std::string_view Text(int column) const;
  std::string String(int column) const { return std::string(Text(column)); }
  // For the C API's calls that the class does not wrap (named parameters).
  sqlite3_stmt* raw() const { return stmt_; }

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

// A cached statement on loan: reset (and so its read snapshot released) when the lease ends.
class StatementLease {
 public:
  explicit StatementLease(Statement* statement) : statement_(statement) {}
  StatementLease(StatementLease&& other) noexcept : statement_(other.statement_) {
    other.statement_ = nullptr;
  }
  StatementLease& operator=(StatementLease&&) = delete;
  ~StatementLease() {
    if (statement_) statement_->Reset();
  }
  Statement* operator->() const { return statement_; }
  Statement& operator*() const { return *statement_; }

 private:
  Statement* statement_;
};

class SqliteDb {
 public:
  // Opens (creating) the database file, or ":memory:". Unavailable on failure.
  static Result<std::unique_ptr<SqliteDb>> Open(const std::string& path);
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  // Runs one or more statements without results (schema, pragmas, BEGIN/COMMIT).
  Status Exec(std::string_view sql);
  // Prepares one statement. Internal on a syntax error (a programmer error in our SQL).
  Result<Statement> Prepare(std::string_view sql);

  int64_t LastInsertRowid() const { return sqlite3_last_insert_rowid(db_); }
  sqlite3* raw() { return db_; }

 private:
  explicit SqliteDb(sqlite3* db) : db_(db) {}
  sqlite3* db_;
};

// Maps an SQLite result code and the connection's message to a Status.
Status SqliteStatus(sqlite3* db, int rc);

}  // namespace centric::store::sqlite
