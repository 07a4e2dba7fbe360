// SPDX-License-Identifier: Apache-2.0
// Customer segments for the web app and campaigns, computed from the retention engine's
// inputs and outputs: RFM scores and named segments with the R x FM grid (rfm.h), cohort
// retention by month of first purchase (cohorts.h), repeat rates of new versus established
// customers (new_vs_established.h), value tiers and service levels (value_tiers.h) and
// churn-risk bands (churn_risk.h). Pure functions on plain arrays; rules in docs/segments.md.
// Thread-safe: no shared state.
#pragma once

#include "analytics/segments/churn_risk.h"
#include "analytics/segments/cohorts.h"
#include "analytics/segments/new_vs_established.h"
#include "analytics/segments/quintiles.h"
#include "analytics/segments/rfm.h"
#include "analytics/segments/rfm_segment.h"
#include "analytics/segments/value_tiers.h"
