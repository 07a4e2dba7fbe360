// SPDX-License-Identifier: Apache-2.0
// Input checks shared by the segment functions (private to analytics/segments): each returns
// InvalidArgument naming the offending field, so the API can point at it.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

#include "analytics/clv/transactions.h"
#include "core/status.h"

namespace centric::analytics::segments {

// Columns of equal length and every customer index below customer_count.
Status CheckTransactions(const clv::Transactions& transactions);

// Every value finite (no NaN, no infinity).
Status CheckFinite(std::span<const double> values, std::string_view field);

// `size` equals `expected`; names `field` otherwise.
Status CheckSize(size_t size, size_t expected, std::string_view field);

}  // namespace centric::analytics::segments
