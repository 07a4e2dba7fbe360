// SPDX-License-Identifier: Apache-2.0
// The currency an analysis report gives its amounts in (summary.currency: the currency of most
// orders, recorded by jobs/analyze), so every figure read from a run carries it.
#pragma once

#include <string>
#include <string_view>

#include "areas/retention/retention_store.h"

namespace centric::retention {

// The report's currency; empty when the report has none (a run older than the field).
std::string ReportCurrency(std::string_view report_json);

// The currency of the latest run; empty before the first analysis.
std::string LatestCurrency(RetentionStore& store);

}  // namespace centric::retention
