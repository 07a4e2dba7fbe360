// SPDX-License-Identifier: Apache-2.0
#include <fmt/format.h>

#include <algorithm>

#include "platform/events/event_log_backends.h"

namespace centric::platform {

using store::postgres::Params;
using store::postgres::PgResult;

Result<std::vector<Event>> PostgresEventLog::Read(int64_t position, int limit,
                                                  const std::vector<std::string>& types) {
  limit = std::clamp(limit, 1, 10000);
  std::string list = "{";
  for (size_t i = 0; i < types.size(); ++i) {
    // Event type names are dotted identifiers; quoting keeps the array literal sound anyway.
    list += (i ? ",\"" : "\"") + types[i] + "\"";
  }
  list += "}";
  CENTRIC_ASSIGN_OR_RETURN(
      PgResult r, connection_.conn().Run(
                      "SELECT position, type, customer_id, actor_kind, actor_id, actor_name, "
                      "extract(epoch FROM at)::bigint, payload::text FROM events "
                      "WHERE position > $1 AND (cardinality($2::text[]) = 0 OR type = ANY($2)) "
                      "ORDER BY position LIMIT $3",
                      Params().Add(position).Add(list).Add(int64_t{limit})));
  std::vector<Event> events;
  events.reserve(r.rows());
  for (int i = 0; i < r.rows(); ++i) {
    Event e;
    e.position = r.Int(i, 0);
    e.type = r.String(i, 1);
    if (!r.IsNull(i, 2)) e.customer_id = r.Int(i, 2);
    CENTRIC_ASSIGN_OR_RETURN(e.actor_kind, ParseActorKind(r.Text(i, 3)));
    if (!r.IsNull(i, 4)) e.actor_id = r.Int(i, 4);
    e.actor_name = r.String(i, 5);
    e.at = FromUnixSeconds(r.Int(i, 6));
    e.payload_json = r.String(i, 7);
    events.push_back(std::move(e));
  }
  return events;
}

Result<int64_t> PostgresEventLog::LastPosition() {
  CENTRIC_ASSIGN_OR_RETURN(PgResult r,
                           connection_.conn().Run("SELECT coalesce(max(position), 0) FROM events"));
  return r.Int(0, 0);
}

Result<int64_t> PostgresEventLog::LoadCursor(std::string_view consumer) {
  CENTRIC_ASSIGN_OR_RETURN(
      PgResult r, connection_.conn().Run("SELECT position FROM event_cursors WHERE consumer = $1",
                                         Params().Add(consumer)));
  return r.rows() ? r.Int(0, 0) : 0;
}

Status PostgresEventLog::SaveCursor(std::string_view consumer, int64_t position) {
  return connection_.Transaction([&]() -> Status {
    CENTRIC_ASSIGN_OR_RETURN(
        PgResult r,
        connection_.conn().Run(
            "SELECT position FROM event_cursors WHERE consumer = $1 FOR UPDATE",
            Params().Add(consumer)));
    if (r.rows() && position < r.Int(0, 0)) {
      return InvalidArgument(fmt::format("{} would move consumer '{}' back from {}", position,
                                         consumer, r.Int(0, 0)),
                             "position");
    }
    auto saved = connection_.conn().Run(
        "INSERT INTO event_cursors(consumer, position, updated_at) VALUES ($1, $2, now()) "
        "ON CONFLICT (consumer) DO UPDATE SET position = excluded.position, "
        "updated_at = excluded.updated_at",
        Params().Add(consumer).Add(position));
    return saved ? Status::Ok() : saved.error();
  });
}

}  // namespace centric::platform
