// SPDX-License-Identifier: Apache-2.0
// The customer store's backends and its recording layer, for MakeCustomerStore.
#pragma once

#include <memory>

#include "areas/customers/customer_store.h"

namespace centric::store::sqlite {
class SqliteConnection;
}
namespace centric::store::postgres {
class PostgresConnection;
}

namespace centric::customers {

std::unique_ptr<CustomerStore> MakeSqliteCustomerStore(store::sqlite::SqliteConnection& connection);
std::unique_ptr<CustomerStore> MakePostgresCustomerStore(
    store::postgres::PostgresConnection& connection);

// Gives every write of `inner` its audit row and, where it changes a customer's story, its
// event, in the write's transaction on `connection`.
std::unique_ptr<CustomerStore> MakeRecordingCustomerStore(std::unique_ptr<CustomerStore> inner,
                                                          store::Connection& connection);

}  // namespace centric::customers
