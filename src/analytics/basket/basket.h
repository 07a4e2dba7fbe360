// SPDX-License-Identifier: Apache-2.0
// Market-basket analysis for cross-selling: baskets as plain arrays (baskets.h), exact
// frequent, closed and maximal itemsets (itemsets.h) and association rules with support,
// confidence, lift, leverage and conviction (rules.h); item-to-item neighbours (neighbours.h),
// the next best offer (next_best_offer.h), category coverage (coverage.h) and look-alike
// cross-sell targets (look_alike.h). Reading FIMI and CSV files is apart, in
// basket_file.h (library centric_analytics_basket_io). Algorithm and measures: docs/basket.md.
// Thread-safe: pure functions on immutable inputs; mining and rules use worker threads inside.
#pragma once

#include "analytics/basket/baskets.h"
#include "analytics/basket/coverage.h"
#include "analytics/basket/itemsets.h"
#include "analytics/basket/look_alike.h"
#include "analytics/basket/neighbours.h"
#include "analytics/basket/next_best_offer.h"
#include "analytics/basket/rules.h"
