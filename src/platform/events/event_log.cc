// SPDX-License-Identifier: Apache-2.0
#include "platform/events/event_log.h"

#include "platform/events/event_log_backends.h"

namespace centric::platform {

std::unique_ptr<EventLog> MakeEventLog(store::Connection& connection) {
  if (auto* sqlite = dynamic_cast<store::sqlite::SqliteConnection*>(&connection)) {
    return std::make_unique<SqliteEventLog>(*sqlite);
  }
  return std::make_unique<PostgresEventLog>(
      dynamic_cast<store::postgres::PostgresConnection&>(connection));
}

}  // namespace centric::platform
