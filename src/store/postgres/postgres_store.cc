// SPDX-License-Identifier: Apache-2.0
#include "store/postgres/postgres_store.h"

namespace centric::store::postgres {

Result<std::unique_ptr<Store>> PostgresOpener::Open(const std::string&) {
  return Error(Unavailable("the PostgreSQL backend is being built"));
}

}  // namespace centric::store::postgres
