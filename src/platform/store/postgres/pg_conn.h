// SPDX-License-Identifier: Apache-2.0
// A thin layer over libpq: one connection, statements prepared once per connection and run
// with text parameters, results read by column, and SQLSTATEs mapped to Status codes.
// Not thread-safe: one PgConn per thread.
#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.h"

namespace centric::store::postgres {

// Text parameters of one statement; nullopt is SQL NULL.
class Params {
 public:
  Params& Add(std::string_view value) {
    values_.emplace_back(std::string(value));
    return *this;
  }
  Params& Add(int64_t value) {
    values_.emplace_back(std::to_string(value));
    return *this;
  }
  Params& Add(std::optional<int64_t> value) {
    if (value) return Add(*value);
    values_.emplace_back(std::nullopt);
    return *this;
  }
  Params& Add(bool value) {
    values_.emplace_back(value ? "true" : "false");
    return *this;
  }
  Params& Add(const char* value) { return Add(std::string_view(value)); }
  Params& AddNull() {
    values_.emplace_back(std::nullopt);
    return *this;
  }
  const std::vector<std::optional<std::string>>& values() const { return values_; }

 private:
  std::vector<std::optional<std::string>> values_;
};

class PgResult {
 public:
  explicit PgResult(PGresult* result) : result_(result, &PQclear) {}
  int rows() const { return PQntuples(result_.get()); }
  bool IsNull(int row, int column) const { return PQgetisnull(result_.get(), row, column); }
  std::string_view Text(int row, int column) const {
    return {PQgetvalue(result_.get(), row, column),
            static_cast<size_t>(PQgetlength(result_.get(), row, column))};
  }
  std::string String(int row, int column) const { return std::string(Text(row, column)); }
  int64_t Int(int row, int column) const;
  bool Bool(int row, int column) const { return Text(row, column) == "t"; }
  // Rows changed by an INSERT/UPDATE/DELETE.
  int64_t affected() const;

 private:
  std::unique_ptr<PGresult, void (*)(PGresult*)> result_;
};

class PgConn {
 public:
  // Connects to `url` (a libpq connection URI). Unavailable on failure.
  static Result<std::unique_ptr<PgConn>> Connect(const std::string& url);
  ~PgConn();
  PgConn(const PgConn&) = delete;
  PgConn& operator=(const PgConn&) = delete;

  // Runs statements without parameters (schema, BEGIN/COMMIT).
  Status Exec(std::string_view sql);
  // Prepares `sql` on first use on this connection, then executes it with `params`.
  Result<PgResult> Run(const std::string& sql, const Params& params = {});

 private:
  explicit PgConn(PGconn* conn) : conn_(conn) {}
  Status StatusOf(PGresult* result) const;

  PGconn* conn_;
  std::unordered_map<std::string, std::string> prepared_;  // sql -> statement name
};

}  // namespace centric::store::postgres
