// SPDX-License-Identifier: Apache-2.0
// The cross-sell model of a store: association rules (per order) and item-to-item neighbours
// (per customer) at category and product level, category coverage with the cross-category
// matrix, and the single-category customers who look most like multi-category buyers. Saved
// as one run (Store::SaveCrossSell); the API reads it to recommend. Rules: docs/basket.md.
// Thread-safe: no shared state.
#pragma once

#include <boost/json.hpp>
#include <optional>

#include "analytics/basket/neighbours.h"
#include "areas/crosssell/crosssell_store.h"
#include "areas/orders/order_store.h"
#include "areas/retention/retention_store.h"
#include "jobs/purchase_baskets.h"

namespace centric::jobs {

struct CrossSellOptions {
  int coverage_depth = 1;               // categories counted for coverage: 1 for departments
  double category_min_support = 0.002;  // of orders, for category rules
  double product_min_support = 0.0005;  // of orders, for product rules
  double min_confidence = 0.05;
  uint32_t max_len = 3;     // longest itemset behind a rule
  size_t max_rules = 2000;  // per level, the highest lift kept
  analytics::basket::NeighbourOptions neighbours;
  size_t targets = 500;           // cross-sell targets kept
  size_t training_rows = 200000;  // customers the look-alike model learns from, at most
  int threads = 0;
};

struct CrossSellResult {
  crosssell::CrossSellModel model;  // model.report_json is `report` serialised
  boost::json::object report;
};

// Builds the model from loaded purchases. InvalidArgument for bad options.
Result<CrossSellResult> BuildCrossSell(const PurchaseData& data, const CrossSellOptions& options);

// Loads the store's purchases, builds the model and saves it; report["run_id"] is the run.
Result<CrossSellResult> RunCrossSell(orders::OrderStore& catalogue,
                                     crosssell::CrossSellStore& store,
                                     const CrossSellOptions& options);

// After new data: rebuilds the model with default options when the store has been analysed
// before (a cross-sell or retention run exists); std::nullopt when it never was.
Result<std::optional<CrossSellResult>> RefreshCrossSell(orders::OrderStore& catalogue,
                                                        crosssell::CrossSellStore& store,
                                                        retention::RetentionStore& retention);

}  // namespace centric::jobs
