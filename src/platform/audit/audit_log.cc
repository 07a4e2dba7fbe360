// SPDX-License-Identifier: Apache-2.0
#include "platform/audit/audit_log.h"

#include "platform/audit/audit_log_backends.h"

namespace centric::platform {

std::unique_ptr<AuditLog> MakeAuditLog(store::Connection& connection) {
  if (auto* sqlite = dynamic_cast<store::sqlite::SqliteConnection*>(&connection)) {
    return std::make_unique<SqliteAuditLog>(*sqlite);
  }
  return std::make_unique<PostgresAuditLog>(
      dynamic_cast<store::postgres::PostgresConnection&>(connection));
}

Status ScanByPages(AuditLog& log, AuditFilter filter,
                   const std::function<Status(const AuditEntry&)>& visit) {
  filter.page = store::PageRequest{"", store::kMaxPageSize};
  while (true) {
    CENTRIC_ASSIGN_OR_RETURN(auto page, log.List(filter));
    for (const auto& entry : page.items) CENTRIC_RETURN_IF_ERROR(visit(entry));
    if (page.next_cursor.empty()) return Status::Ok();
    filter.page.cursor = std::move(page.next_cursor);
  }
}

}  // namespace centric::platform
