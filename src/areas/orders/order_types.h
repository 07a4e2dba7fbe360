// SPDX-License-Identifier: Apache-2.0
// Catalogue and orders: the filters their lists take. The entities themselves (Product, Order
// with its lines) are domain types in core/, which every area reads.
#pragma once

#include <optional>
#include <string>

#include "core/customer.h"
#include "core/time.h"
#include "platform/store/page.h"

namespace centric::orders {

struct ProductFilter {
  std::string category_prefix;  // "Food" matches "Food" and "Food/Pizza"
  store::PageRequest page;
};

struct OrderFilter {
  std::optional<CustomerId> customer_id;
  std::optional<Timestamp> from;  // inclusive
  std::optional<Timestamp> to;    // exclusive
  store::PageRequest page;
};

}  // namespace centric::orders
