// SPDX-License-Identifier: Apache-2.0
#include "areas/retention/retention_store.h"
#include "areas/retention/retention_store_backends.h"
#include "platform/store/postgres/postgres_connection.h"
#include "platform/store/sqlite/sqlite_connection.h"

namespace centric::retention {

std::unique_ptr<RetentionStore> MakeRetentionStore(store::Connection& connection) {
  if (connection.backend() == "postgresql") {
    return MakePostgresRetentionStore(
        static_cast<store::postgres::PostgresConnection&>(connection));
  }
  return MakeSqliteRetentionStore(static_cast<store::sqlite::SqliteConnection&>(connection));
}

platform::Change AnalysisSaved(int64_t run_id, size_t customers) {
  return platform::MakeChange(
      "analyze", "retention_run", std::to_string(run_id),
      boost::json::object{{"customers", platform::SetField(static_cast<int64_t>(customers))}});
}

}  // namespace centric::retention
