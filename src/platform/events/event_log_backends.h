// SPDX-License-Identifier: Apache-2.0
// The event log on each backend; MakeEventLog picks one by the connection's backend.
#pragma once

#include "platform/events/event_log.h"
#include "platform/store/postgres/postgres_connection.h"
#include "platform/store/sqlite/sqlite_connection.h"

namespace centric::platform {

class SqliteEventLog final : public EventLog {
 public:
  explicit SqliteEventLog(store::sqlite::SqliteConnection& connection) : connection_(connection) {}
  Result<std::vector<Event>> Read(int64_t position, int limit,
                                  const std::vector<std::string>& types) override;
  Result<int64_t> LastPosition() override;
  Result<int64_t> LoadCursor(std::string_view consumer) override;
  Status SaveCursor(std::string_view consumer, int64_t position) override;

 private:
  store::sqlite::SqliteConnection& connection_;
};

class PostgresEventLog final : public EventLog {
 public:
  explicit PostgresEventLog(store::postgres::PostgresConnection& connection)
      : connection_(connection) {}
  Result<std::vector<Event>> Read(int64_t position, int limit,
                                  const std::vector<std::string>& types) override;
  Result<int64_t> LastPosition() override;
  Result<int64_t> LoadCursor(std::string_view consumer) override;
  Status SaveCursor(std::string_view consumer, int64_t position) override;

 private:
  store::postgres::PostgresConnection& connection_;
};

}  // namespace centric::platform
