// SPDX-License-Identifier: Apache-2.0
#include "jobs/analyze.h"

#include <algorithm>
#include <cmath>

#include "jobs/report_json.h"

namespace centric::jobs {

namespace clv = analytics::clv;

Result<AnalyzeResult> Analyze(const LoadedTransactions& loaded, const AnalyzeOptions& options) {
  clv::RetentionOptions retention{
      .as_of_day = options.as_of_day.value_or(loaded.last_day),
      .period = options.period,
      .model = options.model,
      .holdout_end_day = options.holdout_end_day,
      .horizon_months = options.horizon_months,
      .monthly_discount_rate = options.monthly_discount_rate,
      .margin = options.margin,
      .threads = options.threads};
  CENTRIC_ASSIGN_OR_RETURN(auto report, clv::AnalyzeRetention(loaded.transactions, retention));
  AnalyzeResult result;
  const auto& s = report.summaries;
  const auto& p = report.predictions;
  result.rows.resize(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    auto& row = result.rows[i];
    uint32_t c = s.customer[i];
    row.customer_id = c < loaded.customer_ids.size() ? loaded.customer_ids[c] : 0;
    row.frequency = s.frequency[i];
    row.recency = s.recency[i];
    row.age = s.T[i];
    row.monetary = s.monetary[i];
    row.p_alive = p.p_alive[i];
    row.expected_purchases = p.expected_purchases[i];
    row.expected_spend = p.expected_spend[i];
    row.clv = p.clv[i];
  }
  if (!loaded.customer_keys.empty()) {
    result.customer_keys.reserve(s.size());
    for (uint32_t c : s.customer) result.customer_keys.push_back(loaded.customer_keys[c]);
  }
  result.report = ReportJson(report);
  result.retention = std::move(report);
  return result;
}

Result<AnalyzeResult> AnalyzeStore(store::Store& store, const AnalyzeOptions& options) {
  CENTRIC_ASSIGN_OR_RETURN(LoadedTransactions loaded, LoadFromStore(store));
  CENTRIC_ASSIGN_OR_RETURN(AnalyzeResult result, Analyze(loaded, options));
  CENTRIC_ASSIGN_OR_RETURN(int64_t run_id,
                           store.SaveAnalysis(boost::json::serialize(result.report), result.rows));
  for (auto& row : result.rows) row.run_id = run_id;
  result.report["run_id"] = run_id;
  return result;
}

}  // namespace centric::jobs
