// SPDX-License-Identifier: Apache-2.0
// The repeat-purchase-then-drop-out process of one customer (BG/NBD, see demo.h) and the
// basket of one order. Private to src/demo.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "demo/catalog.h"
#include "demo/random.h"

namespace centric::demo {

struct PurchaseHistory {
  std::vector<double> weeks;  // purchase times from the window start; the first is acquisition
  bool dropped_out = false;   // true when the last purchase was followed by drop-out
};

// Buys at `acquired_week`, then as a Poisson process of rate `lambda` until `end_week`, dropping
// out after each repeat purchase with probability `p`. As in BG/NBD, drop-out can only follow a
// repeat purchase, never the first one.
PurchaseHistory SimulatePurchases(Rng& rng, double lambda, double p, double acquired_week,
                                  double end_week);

struct BasketLine {
  int product = 0;  // index into Catalog::products
  int64_t quantity = 1;
  int64_t discount_minor = 0;
};

struct Basket {
  std::vector<BasketLine> lines;
  // Budget that could not be spent because every line was at its maximum quantity; 0 for all
  // but a few very large orders.
  int64_t shortfall_minor = 0;
};

// The smallest budget BuildBasket accepts: an impulse item plus the cheapest anchor.
int64_t MinimumBudget(const Generator::Catalog& catalog);

// A basket worth exactly `budget_minor` at list prices minus line discounts: impulse items on
// their own probabilities; then an anchor category drawn with `anchor_weights` (parallel to
// catalog.anchors) among those the remaining budget affords, its complements on their
// probabilities, sometimes a second or third unrelated anchor, more while a large share of
// the budget is left; then quantities raised until nothing more fits, and one last unit (of a
// line, or another product of a category already in the basket) discounted so the total
// lands on the budget.
// REQUIRES: budget_minor >= MinimumBudget(catalog).
Basket BuildBasket(const Generator::Catalog& catalog, std::span<const double> anchor_weights,
                   int64_t budget_minor, Rng& rng);

}  // namespace centric::demo
