// SPDX-License-Identifier: Apache-2.0
#include "areas/orders/order_store.h"
#include "areas/orders/order_store_backends.h"
#include "platform/store/postgres/postgres_connection.h"
#include "platform/store/sqlite/sqlite_connection.h"

namespace centric::orders {

std::unique_ptr<OrderStore> MakeOrderStore(store::Connection& connection) {
  std::unique_ptr<OrderStore> backend =
      connection.backend() == "postgresql"
          ? MakePostgresOrderStore(static_cast<store::postgres::PostgresConnection&>(connection))
          : MakeSqliteOrderStore(static_cast<store::sqlite::SqliteConnection&>(connection));
  return MakeRecordingOrderStore(std::move(backend), connection);
}

}  // namespace centric::orders
