// SPDX-License-Identifier: Apache-2.0
#include <fmt/format.h>

#include <algorithm>

#include "platform/events/event_log.h"
#include "platform/events/event_log_backends.h"
#include "platform/store/codec.h"

namespace centric::platform {
namespace {

std::string JoinTypes(const std::vector<std::string>& types) {
  std::string joined = ",";
  for (const auto& t : types) joined += t + ",";
  return joined;
}

}  // namespace

Result<std::vector<Event>> SqliteEventLog::Read(int64_t position, int limit,
                                                const std::vector<std::string>& types) {
  limit = std::clamp(limit, 1, 10000);
  CENTRIC_ASSIGN_OR_RETURN(
      auto st, connection_.Cached(
                   "SELECT position, type, customer_id, actor_kind, actor_id, actor_name, at, "
                   "payload FROM events WHERE position > ?1 "
                   "AND (?2 = ',' OR instr(?2, ',' || type || ',') > 0) "
                   "ORDER BY position LIMIT ?3"));
  st->Bind(1, position).Bind(2, JoinTypes(types)).Bind(3, int64_t{limit});
  std::vector<Event> events;
  while (true) {
    CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return events;
    Event e;
    e.position = st->Int(0);
    e.type = st->String(1);
    if (!st->IsNull(2)) e.customer_id = st->Int(2);
    CENTRIC_ASSIGN_OR_RETURN(e.actor_kind, ParseActorKind(st->Text(3)));
    if (!st->IsNull(4)) e.actor_id = st->Int(4);
    e.actor_name = st->String(5);
    e.at = FromUnixSeconds(st->Int(6));
    e.payload_json = st->String(7);
    events.push_back(std::move(e));
  }
}

Result<int64_t> SqliteEventLog::LastPosition() {
  CENTRIC_ASSIGN_OR_RETURN(auto st,
                           connection_.Cached("SELECT coalesce(max(position), 0) FROM events"));
  CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
  return row ? st->Int(0) : 0;
}

Result<int64_t> SqliteEventLog::LoadCursor(std::string_view consumer) {
  CENTRIC_ASSIGN_OR_RETURN(
      auto st, connection_.Cached("SELECT position FROM event_cursors WHERE consumer = ?"));
  st->Bind(1, consumer);
  CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
  return row ? st->Int(0) : 0;
}

Status SqliteEventLog::SaveCursor(std::string_view consumer, int64_t position) {
  return connection_.Transaction([&]() -> Status {
    CENTRIC_ASSIGN_OR_RETURN(int64_t current, LoadCursor(consumer));
    if (position < current) {
      return InvalidArgument(
          fmt::format("{} would move consumer '{}' back from {}", position, consumer, current),
          "position");
    }
    CENTRIC_ASSIGN_OR_RETURN(
        auto st, connection_.Cached(
                     "INSERT INTO event_cursors(consumer, position, updated_at) VALUES (?, ?, ?) "
                     "ON CONFLICT(consumer) DO UPDATE SET position = excluded.position, "
                     "updated_at = excluded.updated_at"));
    st->Bind(1, consumer).Bind(2, position).Bind(3, store::internal::NowSeconds());
    return st->Run();
  });
}

}  // namespace centric::platform
