// SPDX-License-Identifier: Apache-2.0
// The order store's backends and its recording layer, for MakeOrderStore.
#pragma once

#include <memory>

#include "areas/orders/order_store.h"

namespace centric::store::sqlite {
class SqliteConnection;
}
namespace centric::store::postgres {
class PostgresConnection;
}

namespace centric::orders {

std::unique_ptr<OrderStore> MakeSqliteOrderStore(store::sqlite::SqliteConnection& connection);
std::unique_ptr<OrderStore> MakePostgresOrderStore(store::postgres::PostgresConnection& connection);

// Gives every write of `inner` its audit row and, for orders, its event, in the write's
// transaction on `connection`; the same on both backends, so it is written once.
std::unique_ptr<OrderStore> MakeRecordingOrderStore(std::unique_ptr<OrderStore> inner,
                                                    store::Connection& connection);

}  // namespace centric::orders
