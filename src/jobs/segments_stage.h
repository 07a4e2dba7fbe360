// SPDX-License-Identifier: Apache-2.0
// The segments stage of an analysis: RFM scores and segments, churn-risk bands, value tiers
// with their service levels, the cohort retention matrix and new-versus-established repeat
// rates, computed from the transactions and the retention report (analytics/segments) and
// written onto the prediction rows and into the typed report's "rfm", "churn_risk", "tiers",
// "cohorts" and "new_vs_established" sections. Thread-safe: no shared state.
#pragma once

#include <vector>

#include "analytics/clv/clv.h"
#include "analytics/segments/segments.h"
#include "areas/retention/analysis_report.h"

namespace centric::jobs {

struct SegmentOptions {
  analytics::segments::ValueTierOptions tiers;
  analytics::segments::ChurnRiskOptions churn;
  int32_t new_window_days = 90;  // new vs established: entry and follow-up windows
  int32_t follow_days = 90;
};

// Each customer's segments, one byte a column; entry i is summary i of the retention report.
struct SegmentColumns {
  std::vector<uint8_t> rfm_r, rfm_f, rfm_m;
  std::vector<analytics::segments::RfmSegment> rfm_segment;
  std::vector<analytics::segments::ChurnRisk> churn_risk;
  std::vector<analytics::segments::ValueTier> tier;
};

// Computes every customer's segments and adds the five sections to `report`. InvalidArgument
// for bad tier or churn options (field named as in the options), as analytics/segments
// returns it.
Result<SegmentColumns> AddSegments(const analytics::clv::Transactions& transactions,
                                   const analytics::clv::RetentionReport& retention,
                                   const SegmentOptions& options,
                                   retention::AnalysisReport& report);

}  // namespace centric::jobs
