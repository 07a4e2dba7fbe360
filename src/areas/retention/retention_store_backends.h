// SPDX-License-Identifier: Apache-2.0
// The retention store's backends, for MakeRetentionStore.
#pragma once

#include <memory>
#include <string>

#include "areas/retention/retention_store.h"

namespace centric::store::sqlite {
class SqliteConnection;
}
namespace centric::store::postgres {
class PostgresConnection;
}

namespace centric::retention {

std::unique_ptr<RetentionStore> MakeSqliteRetentionStore(
    store::sqlite::SqliteConnection& connection);
std::unique_ptr<RetentionStore> MakePostgresRetentionStore(
    store::postgres::PostgresConnection& connection);

// The audit row of a saved run.
platform::Change AnalysisSaved(int64_t run_id, size_t customers);

// A saved run read back: its report decoded, or Internal naming the run when it cannot be.
Result<AnalysisRun> ReadRun(int64_t id, Timestamp created_at, const std::string& report_json);

}  // namespace centric::retention
