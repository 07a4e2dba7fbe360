// SPDX-License-Identifier: Apache-2.0
#include "areas/retention/analysis_report_json.h"
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

Result<AnalysisRun> ReadRun(int64_t id, Timestamp created_at, const std::string& report_json) {
  auto report = DecodeReport(report_json);
  if (!report) {
    return Error(Internal("analysis run " + std::to_string(id) +
                          " cannot be read: " + report.error().message()));
  }
  return AnalysisRun{id, created_at, std::move(*report)};
}

}  // namespace centric::retention
