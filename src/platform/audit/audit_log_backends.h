// SPDX-License-Identifier: Apache-2.0
// The audit log on each backend; MakeAuditLog picks one by the connection's backend.
#pragma once

#include "platform/audit/audit_log.h"
#include "platform/store/postgres/postgres_connection.h"
#include "platform/store/sqlite/sqlite_connection.h"

namespace centric::platform {

class SqliteAuditLog final : public AuditLog {
 public:
  explicit SqliteAuditLog(store::sqlite::SqliteConnection& connection) : connection_(connection) {}
  Result<store::Page<AuditEntry>> List(const AuditFilter& filter) override;
  Status Scan(const AuditFilter& filter,
              const std::function<Status(const AuditEntry&)>& visit) override;

 private:
  store::sqlite::SqliteConnection& connection_;
};

class PostgresAuditLog final : public AuditLog {
 public:
  explicit PostgresAuditLog(store::postgres::PostgresConnection& connection)
      : connection_(connection) {}
  Result<store::Page<AuditEntry>> List(const AuditFilter& filter) override;
  Status Scan(const AuditFilter& filter,
              const std::function<Status(const AuditEntry&)>& visit) override;

 private:
  store::postgres::PostgresConnection& connection_;
};

// Scan in terms of List: pages of the largest size until the last.
Status ScanByPages(AuditLog& log, AuditFilter filter,
                   const std::function<Status(const AuditEntry&)>& visit);

}  // namespace centric::platform
