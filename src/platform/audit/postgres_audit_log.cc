// SPDX-License-Identifier: Apache-2.0
#include <fmt/format.h>

#include <string>

#include "platform/audit/audit_log_backends.h"
#include "platform/store/codec.h"

namespace centric::platform {

using store::postgres::Params;
using store::postgres::PgResult;

Result<store::Page<AuditEntry>> PostgresAuditLog::List(const AuditFilter& filter) {
  const int limit = store::internal::ClampLimit(filter.page.limit);
  int64_t before = 0;
  if (!filter.page.cursor.empty()) {
    CENTRIC_ASSIGN_OR_RETURN(before, store::internal::DecodeIdCursor(filter.page.cursor));
  }
  std::string sql =
      "SELECT id, extract(epoch FROM at)::bigint, actor_kind, actor_id, actor_name, actor_role, "
      "source, action, entity, entity_id, customer_id, changes::text FROM audit_log WHERE true";
  Params params;
  int n = 0;
  auto where = [&](const char* condition, auto value) {
    params.Add(value);
    sql += fmt::format(" AND {} ${}", condition, ++n);
  };
  if (!filter.actor.empty()) where("actor_name =", std::string_view(filter.actor));
  if (!filter.entity.empty()) where("entity =", std::string_view(filter.entity));
  if (!filter.entity_id.empty()) where("entity_id =", std::string_view(filter.entity_id));
  if (filter.customer_id) where("customer_id =", int64_t{*filter.customer_id});
  if (filter.from) {
    params.Add(ToUnixSeconds(*filter.from));
    sql += fmt::format(" AND at >= to_timestamp(${})", ++n);
  }
  if (filter.to) {
    params.Add(ToUnixSeconds(*filter.to));
    sql += fmt::format(" AND at < to_timestamp(${})", ++n);
  }
  if (before > 0) where("id <", before);
  params.Add(int64_t{limit + 1});
  sql += fmt::format(" ORDER BY id DESC LIMIT ${}", ++n);
  CENTRIC_ASSIGN_OR_RETURN(PgResult r, connection_.conn().Run(sql, params));
  store::Page<AuditEntry> page;
  for (int i = 0; i < r.rows(); ++i) {
    AuditEntry e;
    e.id = r.Int(i, 0);
    e.at = FromUnixSeconds(r.Int(i, 1));
    CENTRIC_ASSIGN_OR_RETURN(e.actor.kind, ParseActorKind(r.Text(i, 2)));
    if (!r.IsNull(i, 3)) e.actor.id = r.Int(i, 3);
    e.actor.name = r.String(i, 4);
    if (!r.IsNull(i, 5)) {
      CENTRIC_ASSIGN_OR_RETURN(Role role, ParseRole(r.Text(i, 5)));
      e.actor.role = role;
    }
    e.actor.source = r.String(i, 6);
    e.action = r.String(i, 7);
    e.entity = r.String(i, 8);
    e.entity_id = r.String(i, 9);
    if (!r.IsNull(i, 10)) e.customer_id = r.Int(i, 10);
    e.changes_json = r.String(i, 11);
    page.items.push_back(std::move(e));
  }
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.pop_back();
    page.next_cursor = store::internal::EncodeIdCursor(page.items.back().id);
  }
  return page;
}

Status PostgresAuditLog::Scan(const AuditFilter& filter,
                              const std::function<Status(const AuditEntry&)>& visit) {
  return ScanByPages(*this, filter, visit);
}

}  // namespace centric::platform
