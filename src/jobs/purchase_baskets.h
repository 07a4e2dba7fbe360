// SPDX-License-Identifier: Apache-2.0
// Baskets from a store's orders, for market-basket analysis: the order lines loaded once as
// columns, then grouped per order or per customer, at product level (items are skus) or at a
// level of the category path ("Food/Pizza" at depth 1 is "Food"). Only purchases count:
// cancelled orders, returned orders and lines with a negative quantity are left out of order
// baskets, and a customer's basket holds the items they kept (bought more than returned).
// Thread-safe: no shared state.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analytics/basket/baskets.h"
#include "areas/crosssell/crosssell_store.h"
#include "areas/orders/order_store.h"
#include "core/result.h"

namespace centric::jobs {

struct BasketSpec {
  enum class Level { kProduct, kCategory };
  enum class Per { kOrder, kCustomer };
  Level level = Level::kCategory;
  int depth = 0;  // category level: parts of the path kept, 0 for the whole path
  Per per = Per::kOrder;
  int window_days = 0;  // per customer: only orders of the last N days of the data; 0 for all
};

// "product", "category" or "category:DEPTH" (DEPTH >= 1). InvalidArgument (field "level").
Result<BasketSpec> ParseBasketLevel(std::string_view text);
// "order" or "customer". InvalidArgument (field "per").
Result<BasketSpec::Per> ParseBasketPer(std::string_view text);
// "product", "category" or "category:2": the name of a spec's level, as stored.
std::string LevelName(const BasketSpec& spec);

// The order lines of a store as columns, line i of every column being one line.
struct PurchaseData {
  std::vector<Product> products;      // every product, by dense index
  std::vector<int64_t> customer_ids;  // dense customer index -> store id
  std::vector<uint32_t> customer;     // dense customer index of each line
  std::vector<uint32_t> order;        // dense order index (lines of an order adjacent)
  std::vector<int32_t> day;           // days since 1970-01-01
  std::vector<uint32_t> product;      // dense product index
  std::vector<int32_t> quantity;
  std::vector<int64_t> amount_minor;
  std::vector<uint8_t> returned;  // a returned order, or a negative quantity
  std::vector<uint8_t> cancelled;
  uint32_t orders = 0;
  int32_t last_day = 0;

  size_t lines() const { return customer.size(); }
  // A line that is a purchase the customer kept: not cancelled, not returned.
  bool purchase(size_t line) const { return !returned[line] && !cancelled[line]; }
};

// Reads every product and order line. Errors as OrderStore::ScanProducts and ScanPurchases.
Result<PurchaseData> LoadPurchases(orders::OrderStore& catalogue, crosssell::CrossSellStore& store);

// The item name of a product at the spec's level: its sku, or its category cut to the depth
// (empty when the product has no category: such lines are left out).
std::string ItemOf(const Product& product, const BasketSpec& spec);

// Baskets of the purchases at `spec`. Baskets per order are in order of the orders; per
// customer, basket i is the customer customer_ids[i] (possibly empty). ResourceExhausted
// beyond 2^32 baskets.
Result<analytics::basket::Baskets> BuildBaskets(const PurchaseData& data, const BasketSpec& spec);

}  // namespace centric::jobs
