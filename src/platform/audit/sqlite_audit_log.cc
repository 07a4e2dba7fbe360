// SPDX-License-Identifier: Apache-2.0
#include <string>
#include <vector>

#include "platform/audit/audit_log_backends.h"
#include "platform/store/codec.h"

namespace centric::platform {

using store::sqlite::Statement;

namespace {

constexpr const char* kColumns =
    "id, at, actor_kind, actor_id, actor_name, actor_role, source, action, entity, entity_id, "
    "customer_id, changes";

Result<AuditEntry> ReadEntry(const Statement& st) {
  AuditEntry e;
  e.id = st.Int(0);
  e.at = FromUnixSeconds(st.Int(1));
  CENTRIC_ASSIGN_OR_RETURN(e.actor.kind, ParseActorKind(st.Text(2)));
  if (!st.IsNull(3)) e.actor.id = st.Int(3);
  e.actor.name = st.String(4);
  if (!st.IsNull(5)) {
    CENTRIC_ASSIGN_OR_RETURN(Role role, ParseRole(st.Text(5)));
    e.actor.role = role;
  }
  e.actor.source = st.String(6);
  e.action = st.String(7);
  e.entity = st.String(8);
  e.entity_id = st.String(9);
  if (!st.IsNull(10)) e.customer_id = st.Int(10);
  e.changes_json = st.String(11);
  return e;
}

}  // namespace

Result<store::Page<AuditEntry>> SqliteAuditLog::List(const AuditFilter& filter) {
  const int limit = store::internal::ClampLimit(filter.page.limit);
  int64_t before = 0;
  if (!filter.page.cursor.empty()) {
    CENTRIC_ASSIGN_OR_RETURN(before, store::internal::DecodeIdCursor(filter.page.cursor));
  }
  // Only the conditions asked for, so SQLite can pick the index that fits each filter.
  std::string sql = std::string("SELECT ") + kColumns + " FROM audit_log WHERE 1 = 1";
  if (!filter.actor.empty()) sql += " AND actor_name = :actor";
  if (!filter.entity.empty()) sql += " AND entity = :entity";
  if (!filter.entity_id.empty()) sql += " AND entity_id = :entity_id";
  if (filter.customer_id) sql += " AND customer_id = :customer";
  if (filter.from) sql += " AND at >= :from";
  if (filter.to) sql += " AND at < :to";
  if (before > 0) sql += " AND id < :before";
  sql += " ORDER BY id DESC LIMIT :limit";
  CENTRIC_ASSIGN_OR_RETURN(Statement st, connection_.db().Prepare(sql));
  auto bind = [&st](const char* name, auto value) {
    int index = sqlite3_bind_parameter_index(st.raw(), name);
    if (index > 0) st.Bind(index, value);
  };
  bind(":actor", std::string_view(filter.actor));
  bind(":entity", std::string_view(filter.entity));
  bind(":entity_id", std::string_view(filter.entity_id));
  if (filter.customer_id) bind(":customer", int64_t{*filter.customer_id});
  if (filter.from) bind(":from", ToUnixSeconds(*filter.from));
  if (filter.to) bind(":to", ToUnixSeconds(*filter.to));
  bind(":before", before);
  bind(":limit", int64_t{limit + 1});
  store::Page<AuditEntry> page;
  while (true) {
    CENTRIC_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    CENTRIC_ASSIGN_OR_RETURN(AuditEntry e, ReadEntry(st));
    page.items.push_back(std::move(e));
  }
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.pop_back();
    page.next_cursor = store::internal::EncodeIdCursor(page.items.back().id);
  }
  return page;
}

Status SqliteAuditLog::Scan(const AuditFilter& filter,
                            const std::function<Status(const AuditEntry&)>& visit) {
  return ScanByPages(*this, filter, visit);
}

}  // namespace centric::platform
