// SPDX-License-Identifier: Apache-2.0
#include "jobs/transactions_source.h"

#include <algorithm>
#include <limits>

namespace centric::jobs {

int32_t DayOf(Timestamp t) {
  return static_cast<int32_t>(std::chrono::floor<std::chrono::days>(t).time_since_epoch().count());
}

Timestamp StartOfDay(int32_t day) { return Timestamp(std::chrono::days(day)); }

std::string IsoDay(int32_t day) { return FormatIso8601(StartOfDay(day)).substr(0, 10); }

Result<LoadedTransactions> LoadFromStore(retention::RetentionStore& store) {
  LoadedTransactions out;
  // Store ids are dense from 1, so a vector maps them to engine indexes without hashing.
  std::vector<uint32_t> index_of;
  constexpr uint32_t kUnset = std::numeric_limits<uint32_t>::max();
  int32_t first = std::numeric_limits<int32_t>::max(), last = std::numeric_limits<int32_t>::min();
  auto& tx = out.transactions;
  Status s = store.ScanOrderFacts([&](const retention::OrderFact& f) {
    if (f.customer_id >= static_cast<int64_t>(index_of.size())) {
      index_of.resize(std::max<size_t>(f.customer_id + 1, index_of.size() * 2), kUnset);
    }
    uint32_t& index = index_of[f.customer_id];
    if (index == kUnset) {
      index = static_cast<uint32_t>(out.customer_ids.size());
      out.customer_ids.push_back(f.customer_id);
    }
    int32_t day = DayOf(f.ordered_at);
    first = std::min(first, day);
    last = std::max(last, day);
    tx.Add(index, day, f.total_minor);
  });
  CENTRIC_RETURN_IF_ERROR(s);
  out.first_day = tx.size() ? first : 0;
  out.last_day = tx.size() ? last : 0;
  return out;
}

}  // namespace centric::jobs
