// SPDX-License-Identifier: Apache-2.0
#include "platform/store/postgres/postgres_connection.h"

#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include "platform/store/migration.h"

namespace centric::store::postgres {
namespace {

// Any fixed numbers: every Centric process on the same database takes the same locks.
constexpr int64_t kMigrationLock = 0x43656e74726963;
constexpr int64_t kOutboxLock = 0x43656e74726964;  // see AppendEvent

}  // namespace

Result<std::unique_ptr<PostgresConnection>> PostgresConnection::Open(const std::string& url) {
  CENTRIC_ASSIGN_OR_RETURN(auto conn, PgConn::Connect(url));
  auto connection = std::unique_ptr<PostgresConnection>(new PostgresConnection(std::move(conn)));
  CENTRIC_RETURN_IF_ERROR(connection->Migrate());
  return connection;
}

Status PostgresConnection::Migrate() {
  // The lock serialises servers starting together; each migration is its own transaction.
  CENTRIC_RETURN_IF_ERROR(conn_->Exec(fmt::format("SELECT pg_advisory_lock({})", kMigrationLock)));
  Status status = [&]() -> Status {
    CENTRIC_RETURN_IF_ERROR(conn_->Exec(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, "
        "name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())"));
    CENTRIC_ASSIGN_OR_RETURN(int current, SchemaVersion());
    const auto& migrations = PostgresMigrations();
    int latest = migrations.empty() ? 0 : migrations.back().version;
    if (current > latest) {
      return FailedPrecondition(fmt::format(
          "the store has schema version {} but this Centric knows only up to {}; upgrade "
          "Centric",
          current, latest));
    }
    for (const auto& m : migrations) {
      if (m.version <= current) continue;
      CENTRIC_RETURN_IF_ERROR(Transaction([&]() -> Status {
        CENTRIC_RETURN_IF_ERROR(conn_->Exec(m.sql));
        auto recorded = conn_->Run("INSERT INTO schema_migrations(version, name) VALUES ($1, $2)",
                                   Params().Add(int64_t{m.version}).Add(m.name));
        return recorded ? Status::Ok() : recorded.error();
      }));
    }
    return Status::Ok();
  }();
  Status unlock = conn_->Exec(fmt::format("SELECT pg_advisory_unlock({})", kMigrationLock));
  return status.ok() ? unlock : status;
}

Result<int> PostgresConnection::SchemaVersion() {
  CENTRIC_ASSIGN_OR_RETURN(auto r,
                           conn_->Run("SELECT coalesce(max(version), 0) FROM schema_migrations"));
  return static_cast<int>(r.Int(0, 0));
}

Status PostgresConnection::StreamRows(const std::string& sql,
                                      const std::function<Status(const PgResult&, int)>& row) {
  CENTRIC_RETURN_IF_ERROR(conn_->Exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
  Status status = [&]() -> Status {
    CENTRIC_RETURN_IF_ERROR(conn_->Exec("DECLARE centric_scan NO SCROLL CURSOR FOR " + sql));
    while (true) {
      CENTRIC_ASSIGN_OR_RETURN(auto batch, conn_->Run("FETCH 2000 FROM centric_scan"));
      if (batch.rows() == 0) return Status::Ok();
      for (int i = 0; i < batch.rows(); ++i) CENTRIC_RETURN_IF_ERROR(row(batch, i));
    }
  }();
  (void)conn_->Exec(status.ok() ? "COMMIT" : "ROLLBACK");
  return status;
}

Status PostgresConnection::Record(const platform::Change& change) {
  const platform::Actor& who = actor();
  const std::string_view kind = platform::ActorKindName(who.kind);
  Params audit;
  audit.Add(kind).Add(who.id).Add(who.name);
  if (who.role) {
    audit.Add(RoleName(*who.role));
  } else {
    audit.AddNull();
  }
  audit.Add(who.source).Add(change.action).Add(change.entity).Add(change.entity_id);
  audit.Add(change.customer_id).Add(boost::json::serialize(change.fields));
  auto written = conn_->Run(
      "INSERT INTO audit_log(at, actor_kind, actor_id, actor_name, actor_role, source, action, "
      "entity, entity_id, customer_id, changes) "
      "VALUES (clock_timestamp(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
      audit);
  if (!written) return written.error();
  if (change.event_type.empty()) return Status::Ok();
  return AppendEvent(change.event_type, change.customer_id, change.payload);
}

Status PostgresConnection::AppendEvent(std::string_view type,
                                       std::optional<CustomerId> customer_id,
                                       const boost::json::object& payload) {
  const platform::Actor& who = actor();
  // Event positions must become visible in order, or a consumer reading by position could
  // pass over an event whose transaction commits after a later one's. So every transaction
  // that appends events takes one transaction-scoped advisory lock, in the same statement
  // before the row (and so its position) exists, and they commit in position order. Taking a
  // lock the transaction already holds is cheap.
  auto appended = conn_->Run(
      "INSERT INTO events(type, customer_id, actor_kind, actor_id, actor_name, at, payload) "
      "SELECT $1, $2, $3, $4, $5, clock_timestamp(), $6 "
      "FROM (SELECT pg_advisory_xact_lock(" + std::to_string(kOutboxLock) + ")) AS outbox_lock",
      Params()
          .Add(type)
          .Add(customer_id)
          .Add(platform::ActorKindName(who.kind))
          .Add(who.id)
          .Add(who.name)
          .Add(boost::json::serialize(payload)));
  return appended ? Status::Ok() : appended.error();
}

}  // namespace centric::store::postgres
