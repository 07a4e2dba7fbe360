// SPDX-License-Identifier: Apache-2.0
// Cross-selling in a one-stop shop: what the engine reads of the order lines, and the model it
// keeps (items, neighbours, association rules) for next best offers and basket rules.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/customer.h"
#include "core/order.h"
#include "core/time.h"

namespace centric::crosssell {

// One order line as the cross-sell engine reads it. sku, name and category are filled by
// CustomerPurchases only; ScanPurchases leaves them empty (join ScanProducts by product_id).
struct PurchaseLine {
  CustomerId customer_id = 0;
  OrderId order_id = 0;
  Timestamp ordered_at{};
  OrderStatus status = OrderStatus::kPlaced;
  ProductId product_id = 0;
  int64_t quantity = 0;  // negative on returns
  int64_t amount_minor = 0;
  std::string sku, name, category;
};

// The cross-sell model (see analytics/basket and jobs/crosssell.h), replaced as a whole by each
// run. A level is "product" (items are skus) or "category" (items are category paths).
struct CrossSellItem {
  std::string level;
  std::string item;
  std::string name;
  int64_t customers = 0;        // customers who bought it
  double unit_price_minor = 0;  // mean amount paid per unit
};

// `neighbour` is the rank-th most similar item to `item` over customers' purchase histories.
struct CrossSellNeighbour {
  std::string level;
  std::string item;
  int rank = 0;  // 1 is the most similar
  std::string neighbour;
  double similarity = 0;
  double lift = 0;        // how many times more often buyers of item buy neighbour
  double confidence = 0;  // share of item's buyers who bought neighbour
  int64_t co_customers = 0;
};

struct CrossSellRule {
  std::string level;
  std::vector<std::string> antecedent;
  std::vector<std::string> consequent;
  int64_t count = 0;
  int64_t antecedent_count = 0;
  int64_t consequent_count = 0;
  double support = 0, confidence = 0, lift = 0, leverage = 0;
  double conviction = 0;  // +infinity when the rule never fails
};

struct CrossSellModel {
  std::string report_json;  // summary, category coverage and matrix, best targets
  std::vector<CrossSellItem> items;
  std::vector<CrossSellNeighbour> neighbours;
  std::vector<CrossSellRule> rules;
};

struct CrossSellRun {
  int64_t id = 0;
  Timestamp created_at{};
  std::string report_json;
};

// What recommending to one customer needs of the model at one level.
struct CrossSellSlice {
  int64_t run_id = 0;
  int64_t offered = 0;  // items of the level in the model
  std::vector<CrossSellNeighbour> neighbours;  // of the items asked for, by item then rank
  // The items asked for, their neighbours and the most popular items, each once.
  std::vector<CrossSellItem> items;
  std::vector<std::string> popular;  // most bought first
};

struct RuleQuery {
  std::string level = "category";
  double min_confidence = 0;
  double min_lift = 0;
  std::string antecedent;  // when set, only rules whose antecedent holds this item
  int limit = 50;          // clamped to [1, store::kMaxPageSize]
};

}  // namespace centric::crosssell
