// SPDX-License-Identifier: Apache-2.0
#include "areas/access/access_store.h"
#include "areas/access/access_store_backends.h"
#include "platform/store/postgres/postgres_connection.h"
#include "platform/store/sqlite/sqlite_connection.h"

namespace centric::access {

std::unique_ptr<AccessStore> MakeAccessStore(store::Connection& connection) {
  if (connection.backend() == "postgresql") {
    return MakePostgresAccessStore(static_cast<store::postgres::PostgresConnection&>(connection));
  }
  return MakeSqliteAccessStore(static_cast<store::sqlite::SqliteConnection&>(connection));
}

}  // namespace centric::access
