// SPDX-License-Identifier: Apache-2.0
#include "analytics/segments/input_checks.h"

#include <cmath>
#include <string>

#include <fmt/format.h>

namespace centric::analytics::segments {

Status CheckTransactions(const clv::Transactions& tx) {
  const size_t n = tx.customer.size();
  CENTRIC_RETURN_IF_ERROR(CheckSize(tx.day.size(), n, "day"));
  CENTRIC_RETURN_IF_ERROR(CheckSize(tx.amount_minor.size(), n, "amount_minor"));
  for (size_t i = 0; i < n; ++i) {
    if (tx.customer[i] >= tx.customer_count) {
      return InvalidArgument(fmt::format("customer[{}] = {} is not below customer_count {}", i,
                                         tx.customer[i], tx.customer_count),
                             "customer");
    }
  }
  return Status::Ok();
}

Status CheckFinite(std::span<const double> values, std::string_view field) {
  for (size_t i = 0; i < values.size(); ++i) {
    if (!std::isfinite(values[i])) {
      return InvalidArgument(fmt::format("{}[{}] is {}", field, i,
                                         std::isnan(values[i]) ? "NaN" : "infinite"),
                             std::string(field));
    }
  }
  return Status::Ok();
}

Status CheckSize(size_t size, size_t expected, std::string_view field) {
  if (size == expected) return Status::Ok();
  return InvalidArgument(fmt::format("{} has {} entries, expected {}", field, size, expected),
                         std::string(field));
}

}  // namespace centric::analytics::segments
