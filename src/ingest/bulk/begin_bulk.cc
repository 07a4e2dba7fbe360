// SPDX-License-Identifier: Apache-2.0
// Opening a bulk write on either backend, recorded, and counting the rows it may change.
#include "ingest/bulk/bulk_writer.h"
#include "ingest/bulk/pg_bulk_writer.h"
#include "ingest/bulk/recording_bulk_writer.h"
#include "ingest/bulk/sqlite_bulk_writer.h"

namespace centric::ingest {
namespace {

using store::postgres::PostgresConnection;
using store::sqlite::SqliteConnection;

constexpr const char* kCountRowsSql =
    "SELECT (SELECT count(*) FROM customers), (SELECT count(*) FROM products), "
    "(SELECT count(*) FROM orders), (SELECT count(*) FROM order_lines), "
    "(SELECT count(*) FROM interactions)";
constexpr const char* kLastCustomerSql = "SELECT coalesce(max(id), 0) FROM customers";

bool IsPostgres(store::Connection& connection) { return connection.backend() == "postgresql"; }

Result<CustomerId> LastCustomerId(store::Connection& connection) {
  if (IsPostgres(connection)) {
    auto& pg = static_cast<PostgresConnection&>(connection);
    CENTRIC_ASSIGN_OR_RETURN(auto r, pg.conn().Run(kLastCustomerSql));
    return r.Int(0, 0);
  }
  auto& sqlite = static_cast<SqliteConnection&>(connection);
  CENTRIC_ASSIGN_OR_RETURN(auto st, sqlite.Cached(kLastCustomerSql));
  CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
  return row ? st->Int(0) : 0;
}

}  // namespace

Result<std::unique_ptr<BulkWriter>> BeginBulk(store::Connection& connection) {
  std::unique_ptr<BulkWriter> writer;
  if (IsPostgres(connection)) {
    CENTRIC_ASSIGN_OR_RETURN(
        writer, store::postgres::PgBulkWriter::Begin(static_cast<PostgresConnection&>(connection)));
  } else {
    CENTRIC_ASSIGN_OR_RETURN(
        writer, store::sqlite::SqliteBulkWriter::Begin(static_cast<SqliteConnection&>(connection)));
  }
  // Read inside the write's transaction, so it is the last id before this write's customers.
  CENTRIC_ASSIGN_OR_RETURN(CustomerId last, LastCustomerId(connection));
  return MakeRecordingBulkWriter(std::move(writer), connection, last);
}

Result<RowCounts> CountRows(store::Connection& connection) {
  if (IsPostgres(connection)) {
    auto& pg = static_cast<PostgresConnection&>(connection);
    CENTRIC_ASSIGN_OR_RETURN(auto r, pg.conn().Run(kCountRowsSql));
    return RowCounts{r.Int(0, 0), r.Int(0, 1), r.Int(0, 2), r.Int(0, 3), r.Int(0, 4)};
  }
  auto& sqlite = static_cast<SqliteConnection&>(connection);
  CENTRIC_ASSIGN_OR_RETURN(auto st, sqlite.Cached(kCountRowsSql));
  CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
  (void)row;
  return RowCounts{st->Int(0), st->Int(1), st->Int(2), st->Int(3), st->Int(4)};
}

}  // namespace centric::ingest
