// SPDX-License-Identifier: Apache-2.0
// Loads transactions into the retention engine's columns, with the map back from dense
// customer indexes to the caller's ids.
#pragma once

#include <string>
#include <vector>

#include "analytics/clv/transactions.h"
#include "core/time.h"
#include "areas/retention/retention_store.h"

namespace centric::jobs {

struct LoadedTransactions {
  analytics::clv::Transactions transactions;
  std::vector<int64_t> customer_ids;       // store mode: store id of each dense index
  std::vector<std::string> customer_keys;  // file mode: the customer column's value
  int32_t first_day = 0;                   // of any transaction
  int32_t last_day = 0;
};

// UTC day number of a timestamp.
int32_t DayOf(Timestamp t);
Timestamp StartOfDay(int32_t day);
// The day as an ISO 8601 date, "2024-10-31", as reports give their days.
std::string IsoDay(int32_t day);

// Every order of the store as a transaction (cancellations and returns negative).
Result<LoadedTransactions> LoadFromStore(retention::RetentionStore& store);

}  // namespace centric::jobs
