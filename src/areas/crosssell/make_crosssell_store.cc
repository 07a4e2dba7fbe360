// SPDX-License-Identifier: Apache-2.0
#include "areas/crosssell/crosssell_store.h"
#include "areas/crosssell/crosssell_store_backends.h"
#include "platform/store/postgres/postgres_connection.h"
#include "platform/store/sqlite/sqlite_connection.h"

namespace centric::crosssell {

std::unique_ptr<CrossSellStore> MakeCrossSellStore(store::Connection& connection) {
  if (connection.backend() == "postgresql") {
    return MakePostgresCrossSellStore(
        static_cast<store::postgres::PostgresConnection&>(connection));
  }
  return MakeSqliteCrossSellStore(static_cast<store::sqlite::SqliteConnection&>(connection));
}

platform::Change CrossSellSaved(int64_t run_id, const CrossSellModel& model) {
  auto count = [](size_t n) { return platform::SetField(static_cast<int64_t>(n)); };
  return platform::MakeChange("analyze", "crosssell_run", std::to_string(run_id),
                              boost::json::object{{"items", count(model.items.size())},
                                                  {"rules", count(model.rules.size())}});
}

}  // namespace centric::crosssell
