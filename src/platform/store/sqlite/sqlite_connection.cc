// SPDX-License-Identifier: Apache-2.0
#include "platform/store/sqlite/sqlite_connection.h"

#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include "platform/store/codec.h"
#include "platform/store/migration.h"

namespace centric::store::sqlite {

using internal::NowSeconds;

Result<std::unique_ptr<SqliteConnection>> SqliteConnection::Open(const std::string& path) {
  CENTRIC_ASSIGN_OR_RETURN(auto db, SqliteDb::Open(path));
  // WAL lets readers (API threads) run while a writer imports; NORMAL sync is crash-safe in
  // WAL mode (a kill -9 keeps every committed transaction and no partial one).
  CENTRIC_RETURN_IF_ERROR(db->Exec(
      "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
      "PRAGMA busy_timeout=10000; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536;"));
  auto connection = std::unique_ptr<SqliteConnection>(new SqliteConnection(std::move(db)));
  CENTRIC_RETURN_IF_ERROR(connection->Migrate());
  return connection;
}

Status SqliteConnection::Migrate() {
  CENTRIC_RETURN_IF_ERROR(db_->Exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
      "name TEXT NOT NULL, applied_at INTEGER NOT NULL)"));
  CENTRIC_ASSIGN_OR_RETURN(int current, SchemaVersion());
  const auto& migrations = SqliteMigrations();
  int latest = migrations.empty() ? 0 : migrations.back().version;
  if (current > latest) {
    return FailedPrecondition(fmt::format(
        "the store has schema version {} but this Centric knows only up to {}; upgrade Centric",
        current, latest));
  }
  for (const auto& m : migrations) {
    if (m.version <= current) continue;
    CENTRIC_RETURN_IF_ERROR(Transaction([&]() -> Status {
      CENTRIC_RETURN_IF_ERROR(db_->Exec(m.sql));
      CENTRIC_ASSIGN_OR_RETURN(Statement s, db_->Prepare(
          "INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)"));
      s.Bind(1, int64_t{m.version}).Bind(2, m.name).Bind(3, NowSeconds());
      return s.Run();
    }));
  }
  return Status::Ok();
}

Result<int> SqliteConnection::SchemaVersion() {
  CENTRIC_ASSIGN_OR_RETURN(Statement s,
                           db_->Prepare("SELECT coalesce(max(version), 0) FROM schema_migrations"));
  CENTRIC_ASSIGN_OR_RETURN(bool row, s.Step());
  return row ? static_cast<int>(s.Int(0)) : 0;
}

Result<StatementLease> SqliteConnection::Cached(const char* sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    CENTRIC_ASSIGN_OR_RETURN(Statement s, db_->Prepare(sql));
    it = cache_.emplace(sql, std::move(s)).first;
  }
  return StatementLease(&it->second);
}

Status SqliteConnection::Record(const platform::Change& change) {
  const platform::Actor& who = actor();
  const int64_t now = NowSeconds();
  const std::string_view kind = platform::ActorKindName(who.kind);
  {
    CENTRIC_ASSIGN_OR_RETURN(
        auto st, Cached("INSERT INTO audit_log(at, actor_kind, actor_id, actor_name, actor_role, "
                        "source, action, entity, entity_id, customer_id, changes) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    st->Bind(1, now).Bind(2, kind).Bind(3, who.id).Bind(4, who.name);
    if (who.role) {
      st->Bind(5, RoleName(*who.role));
    } else {
      st->BindNull(5);
    }
    st->Bind(6, who.source).Bind(7, change.action).Bind(8, change.entity);
    st->Bind(9, change.entity_id).Bind(10, change.customer_id);
    st->Bind(11, boost::json::serialize(change.fields));
    CENTRIC_RETURN_IF_ERROR(st->Run());
  }
  if (change.event_type.empty()) return Status::Ok();
  return AppendEvent(change.event_type, change.customer_id, change.payload);
}

Status SqliteConnection::AppendEvent(std::string_view type, std::optional<CustomerId> customer_id,
                                     const boost::json::object& payload) {
  const platform::Actor& who = actor();
  // SQLite has one writer at a time, so AUTOINCREMENT positions commit in order.
  CENTRIC_ASSIGN_OR_RETURN(
      auto st, Cached("INSERT INTO events(type, customer_id, actor_kind, actor_id, actor_name, "
                      "at, payload) VALUES (?, ?, ?, ?, ?, ?, ?)"));
  st->Bind(1, type).Bind(2, customer_id).Bind(3, platform::ActorKindName(who.kind));
  st->Bind(4, who.id).Bind(5, who.name).Bind(6, NowSeconds());
  st->Bind(7, boost::json::serialize(payload));
  return st->Run();
}

}  // namespace centric::store::sqlite
