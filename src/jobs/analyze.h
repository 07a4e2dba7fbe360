// SPDX-License-Identifier: Apache-2.0
// `centric analyze`: the retention analysis of a store or a transactions file, as a typed
// report (areas/retention/analysis_report.h: what `--json` prints and the API serves by
// section) plus one prediction row per customer. Thread-safe: no shared state.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analytics/clv/clv.h"
#include "areas/retention/analysis_report.h"
#include "areas/retention/retention_store.h"
#include "jobs/segments_stage.h"
#include "jobs/transactions_source.h"

namespace centric::jobs {

struct AnalyzeOptions {
  std::optional<int32_t> as_of_day;  // default: the day of the latest transaction
  analytics::clv::Period period = analytics::clv::Period::kWeek;
  analytics::clv::PurchaseModel model = analytics::clv::PurchaseModel::kBgNbd;
  std::optional<int32_t> holdout_end_day;
  int horizon_months = 12;
  double monthly_discount_rate = 0.01;
  double margin = 1.0;
  int threads = 2;
  SegmentOptions segments;
};

// Entry i of the summaries, predictions and segments is one customer: the customer with
// dense index retention.summaries.customer[i] in the loaded transactions.
struct AnalyzeResult {
  analytics::clv::RetentionReport retention;
  SegmentColumns segments;
  retention::AnalysisReport report;
};

// One prediction row per customer, for the store: entry i of the result with the id
// customer_ids[summaries.customer[i]].
std::vector<retention::CustomerPrediction> PredictionRows(const AnalyzeResult& result,
                                                          const std::vector<int64_t>& customer_ids);

// Runs the analysis on loaded transactions: retention models, predictions and segments.
// Errors as analytics::clv::AnalyzeRetention and AddSegments.
Result<AnalyzeResult> Analyze(const LoadedTransactions& loaded, const AnalyzeOptions& options);

// Loads the store's orders, analyses them and saves report and predictions in one
// transaction. Returns the result, the run id and the rows saved.
struct StoreAnalysis {
  AnalyzeResult result;
  int64_t run_id = 0;
  std::vector<retention::CustomerPrediction> rows;
};
Result<StoreAnalysis> AnalyzeStore(retention::RetentionStore& store, const AnalyzeOptions& options);

// The options of a saved report, for re-running the analysis after new data arrives. The
// as-of date and holdout are not carried over: a refresh analyses up to the latest
// transaction. InvalidArgument when the report has none (a run older than them) or they are
// not valid.
Result<AnalyzeOptions> OptionsOfReport(const retention::AnalysisReport& report);

// Re-runs the store's analysis with the options of its latest run. Returns std::nullopt when
// the store was never analysed (nothing to refresh).
Result<std::optional<StoreAnalysis>> RefreshStoreAnalysis(retention::RetentionStore& store);

}  // namespace centric::jobs
