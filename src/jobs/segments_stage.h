// SPDX-License-Identifier: Apache-2.0
// The segments stage of an analysis: RFM scores and segments, churn-risk bands, value tiers
// with their service levels, the cohort retention matrix and new-versus-established repeat
// rates, computed from the transactions and the retention report (analytics/segments) and
// written onto the prediction rows and into the report's "rfm", "churn_risk", "tiers",
// "cohorts" and "new_vs_established" sections. Thread-safe: no shared state.
#pragma once

#include <vector>

#include <boost/json.hpp>

#include "analytics/clv/clv.h"
#include "analytics/segments/segments.h"
#include "store/store.h"

namespace centric::jobs {

struct SegmentOptions {
  analytics::segments::ValueTierOptions tiers;
  analytics::segments::ChurnRiskOptions churn;
  int32_t new_window_days = 90;  // new vs established: entry and follow-up windows
  int32_t follow_days = 90;
};

// Fills rfm_*, churn_risk, tier and service_level of `rows` (row i is summary i of
// `retention`) and adds the five sections to `report`. InvalidArgument for bad tier or churn
// options (field named as in the options), as analytics/segments returns it.
Status AddSegments(const analytics::clv::Transactions& transactions,
                   const analytics::clv::RetentionReport& retention, const SegmentOptions& options,
                   std::vector<store::CustomerPrediction>& rows, boost::json::object& report);

}  // namespace centric::jobs
