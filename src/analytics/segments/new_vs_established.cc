// SPDX-License-Identifier: Apache-2.0
#include "analytics/segments/new_vs_established.h"

#include <algorithm>
#include <limits>
#include <vector>

#include "analytics/segments/input_checks.h"

namespace centric::analytics::segments {
namespace {

constexpr uint8_t kBoughtByAsOf = 1;
constexpr uint8_t kInEntryWindow = 2;
constexpr uint8_t kInFollowUp = 4;

void Count(RepeatRate& group, bool repeated) {
  ++group.customers;
  group.repeaters += repeated;
}

void SetRate(RepeatRate& group) {
  group.rate = group.customers == 0 ? 0.0
                                    : static_cast<double>(group.repeaters) / group.customers;
}

}  // namespace

Result<NewVsEstablished> CompareNewAndEstablished(const clv::Transactions& tx,
                                                  const NewVsEstablishedOptions& options) {
  if (options.new_window_days < 1) {
    return Error(InvalidArgument("the new-customer window must be at least one day",
                                 "new_window_days"));
  }
  if (options.follow_days < 1) {
    return Error(InvalidArgument("the follow-up window must be at least one day", "follow_days"));
  }
  CENTRIC_RETURN_IF_ERROR(CheckTransactions(tx));

  // 64-bit bounds so that windows near the ends of the int32 day range cannot overflow.
  const int64_t as_of = options.as_of_day;
  const int64_t entry_start = as_of - options.new_window_days;  // exclusive
  const int64_t follow_end = as_of + options.follow_days;       // inclusive
  // Only the first purchase day and two flags are needed, all order-independent, so one pass
  // over rows in any order suffices.
  std::vector<int32_t> first_day(tx.customer_count, std::numeric_limits<int32_t>::max());
  std::vector<uint8_t> flags(tx.customer_count, 0);
  int64_t last_day = std::numeric_limits<int64_t>::min();
  for (size_t i = 0; i < tx.size(); ++i) {
    const int64_t day = tx.day[i];
    last_day = std::max(last_day, day);
    if (tx.amount_minor[i] <= 0) continue;
    const uint32_t c = tx.customer[i];
    if (day <= as_of) {
      first_day[c] = std::min(first_day[c], tx.day[i]);
      flags[c] |= day > entry_start ? kBoughtByAsOf | kInEntryWindow : kBoughtByAsOf;
    } else if (day <= follow_end) {
      flags[c] |= kInFollowUp;
    }
  }

  NewVsEstablished out;
  out.follow_up_complete = tx.size() > 0 && last_day >= follow_end;
  for (uint32_t c = 0; c < tx.customer_count; ++c) {
    if (!(flags[c] & kBoughtByAsOf)) continue;
    const bool repeated = flags[c] & kInFollowUp;
    if (first_day[c] > entry_start) {
      Count(out.new_customers, repeated);
    } else if (flags[c] & kInEntryWindow) {
      Count(out.established, repeated);
    } else {
      Count(out.lapsed, repeated);
    }
  }
  SetRate(out.new_customers);
  SetRate(out.established);
  SetRate(out.lapsed);
  return out;
}

}  // namespace centric::analytics::segments
