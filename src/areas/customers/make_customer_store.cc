// SPDX-License-Identifier: Apache-2.0
#include "areas/customers/customer_store.h"
#include "areas/customers/customer_store_backends.h"
#include "platform/store/postgres/postgres_connection.h"
#include "platform/store/sqlite/sqlite_connection.h"

namespace centric::customers {

std::unique_ptr<CustomerStore> MakeCustomerStore(store::Connection& connection) {
  std::unique_ptr<CustomerStore> backend =
      connection.backend() == "postgresql"
          ? MakePostgresCustomerStore(static_cast<store::postgres::PostgresConnection&>(connection))
          : MakeSqliteCustomerStore(static_cast<store::sqlite::SqliteConnection&>(connection));
  return MakeRecordingCustomerStore(std::move(backend), connection);
}

}  // namespace centric::customers
