// SPDX-License-Identifier: Apache-2.0
#include <string>

#include "platform/store/connection.h"
#include "platform/store/postgres/postgres_connection.h"
#include "platform/store/sqlite/sqlite_connection.h"

namespace centric::store {

Result<std::unique_ptr<Connection>> OpenConnection(std::string_view url) {
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    CENTRIC_ASSIGN_OR_RETURN(auto pg, postgres::PostgresConnection::Open(std::string(url)));
    return std::unique_ptr<Connection>(std::move(pg));
  }
  if (url.empty()) return Error(InvalidArgument("empty store URL", "db"));
  std::string path(url);
  if (path.rfind("sqlite://", 0) == 0) path = path.substr(9);
  CENTRIC_ASSIGN_OR_RETURN(auto sqlite, sqlite::SqliteConnection::Open(path));
  return std::unique_ptr<Connection>(std::move(sqlite));
}

}  // namespace centric::store
