// SPDX-License-Identifier: Apache-2.0
// The retention engine's result as the typed analysis report (areas/retention/analysis_report.h):
// the fits, the holdout check, lifetime value with its quantiles and histogram, and the
// headline figures. The segments stage adds its sections; analyze adds options and timings.
#pragma once

#include "analytics/clv/clv.h"
#include "areas/retention/analysis_report.h"

namespace centric::jobs {

retention::AnalysisReport BuildReport(const analytics::clv::RetentionReport& report);

}  // namespace centric::jobs
