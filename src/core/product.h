// SPDX-License-Identifier: Apache-2.0
// A product or service the business sells, identified by its SKU. `category` is a path from
// general to specific, "/"-separated: "Food/Pizza".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "core/time.h"

namespace centric {

using ProductId = int64_t;

struct Product {
  ProductId id = 0;  // assigned by the store
  std::string sku;   // required, unique
  std::string name;
  std::string category;  // "Food/Pizza"; empty when unknown
  std::string currency = "EUR";
  int64_t price_minor = 0;      // list price
  int64_t unit_cost_minor = 0;  // what one unit costs the business
  Timestamp created_at{};
  Timestamp updated_at{};

  bool operator==(const Product&) const = default;
};

// The first `depth` levels of a category path: ("Food/Pizza/Veg", 1) -> "Food".
std::string_view CategoryPrefix(std::string_view category, int depth);

Status ValidateProduct(const Product& product);

}  // namespace centric
