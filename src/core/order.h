// SPDX-License-Identifier: Apache-2.0
// An order (invoice) of one customer, with its lines. A cancellation or return is an order
// whose status says so and whose lines carry negative quantities, as shops export them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/customer.h"
#include "core/product.h"
#include "core/status.h"
#include "core/time.h"

namespace centric {

using OrderId = int64_t;

enum class OrderStatus { kPlaced, kCancelled, kReturned };

std::string_view OrderStatusName(OrderStatus status);
// Returns InvalidArgument for an unknown name.
Result<OrderStatus> ParseOrderStatus(std::string_view name);

struct OrderLine {
  ProductId product_id = 0;
  std::string sku;          // filled by the store on reads, accepted instead of product_id
  std::string description;  // as on the invoice; may differ from the product name
  int64_t quantity = 0;     // negative on cancellations and returns
  int64_t unit_price_minor = 0;
  int64_t discount_minor = 0;
  int64_t amount_minor = 0;  // quantity * unit price - discount, rounded once

  bool operator==(const OrderLine&) const = default;
};

struct Order {
  OrderId id = 0;           // assigned by the store
  std::string external_id;  // the invoice number; required, unique per customer
  CustomerId customer_id = 0;
  Timestamp ordered_at{};
  std::string currency = "EUR";
  OrderStatus status = OrderStatus::kPlaced;
  int64_t total_minor = 0;  // sum of line amounts
  int64_t discount_minor = 0;
  std::vector<OrderLine> lines;

  bool operator==(const Order&) const = default;
};

// Sets total_minor to the sum of line amounts and discount_minor to the sum of line discounts.
void RecomputeTotals(Order& order);

Status ValidateOrder(const Order& order);

}  // namespace centric
