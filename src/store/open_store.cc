// SPDX-License-Identifier: Apache-2.0
#include <string>

#include "store/postgres/postgres_store.h"
#include "store/recording_store.h"
#include "store/sqlite/sqlite_store.h"
#include "store/store.h"

namespace centric::store {

Result<std::unique_ptr<Store>> OpenStore(std::string_view url) {
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    CENTRIC_ASSIGN_OR_RETURN(auto pg, postgres::PostgresStore::Open(std::string(url)));
    return MakeRecordingStore(std::move(pg));
  }
  if (url.empty()) return Error(InvalidArgument("empty store URL", "db"));
  std::string path(url);
  if (path.rfind("sqlite://", 0) == 0) path = path.substr(9);
  CENTRIC_ASSIGN_OR_RETURN(auto sqlite, sqlite::SqliteStore::Open(path));
  return MakeRecordingStore(std::move(sqlite));
}

}  // namespace centric::store
