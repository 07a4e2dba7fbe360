// SPDX-License-Identifier: Apache-2.0
// The cross-sell store's backends, for MakeCrossSellStore.
#pragma once

#include <memory>

#include "areas/crosssell/crosssell_store.h"

namespace centric::store::sqlite {
class SqliteConnection;
}
namespace centric::store::postgres {
class PostgresConnection;
}

namespace centric::crosssell {

std::unique_ptr<CrossSellStore> MakeSqliteCrossSellStore(
    store::sqlite::SqliteConnection& connection);
std::unique_ptr<CrossSellStore> MakePostgresCrossSellStore(
    store::postgres::PostgresConnection& connection);

// The audit row of a saved model.
platform::Change CrossSellSaved(int64_t run_id, const CrossSellModel& model);

}  // namespace centric::crosssell
