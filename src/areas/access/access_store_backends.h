// SPDX-License-Identifier: Apache-2.0
// The access store's backends, for MakeAccessStore and the contract suite.
#pragma once

#include <memory>

#include "areas/access/access_store.h"

namespace centric::store::sqlite {
class SqliteConnection;
}
namespace centric::store::postgres {
class PostgresConnection;
}

namespace centric::access {

std::unique_ptr<AccessStore> MakeSqliteAccessStore(store::sqlite::SqliteConnection& connection);
std::unique_ptr<AccessStore> MakePostgresAccessStore(
    store::postgres::PostgresConnection& connection);

}  // namespace centric::access
