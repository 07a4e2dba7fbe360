// SPDX-License-Identifier: Apache-2.0
// Repeat rates of new versus established customers around an as-of date A, with an entry
// window of W days before it and a follow-up window of F days after it (purchases are
// transactions with a positive amount):
//   new          first purchase in the entry window (A - W, A];
//   established  first purchase on or before A - W, and a purchase in the entry window too
//                (returning customers, active like the new ones);
//   lapsed       first purchase on or before A - W, no purchase in the entry window;
//   repeater     a customer of the group with a purchase in the follow-up window (A, A + F].
// rate = repeaters / customers, 0 for an empty group. Both windows are fixed in calendar days
// for every group, so the rates compare like with like. To measure up to today, pass
// A = today - F. Customers whose first purchase is after A belong to no group.
// Thread-safe: pure functions.
#pragma once

#include <cstdint>

#include "analytics/clv/transactions.h"
#include "core/result.h"

namespace centric::analytics::segments {

struct NewVsEstablishedOptions {
  int32_t as_of_day = 0;        // A, UTC day number
  int32_t new_window_days = 90;  // W >= 1
  int32_t follow_days = 90;      // F >= 1
};

struct RepeatRate {
  int64_t customers = 0;
  int64_t repeaters = 0;
  double rate = 0;  // repeaters / customers; 0 when customers is 0
};

struct NewVsEstablished {
  RepeatRate new_customers;
  RepeatRate established;
  RepeatRate lapsed;
  // Whether the data reaches the end of the follow-up window (some transaction on or after
  // A + F); when false the rates are lower bounds.
  bool follow_up_complete = false;
};

// InvalidArgument naming the field for a window shorter than one day ("new_window_days",
// "follow_days"), columns of different lengths ("day", "amount_minor") or a customer index not
// below customer_count ("customer").
Result<NewVsEstablished> CompareNewAndEstablished(const clv::Transactions& transactions,
                                                  const NewVsEstablishedOptions& options);

}  // namespace centric::analytics::segments
