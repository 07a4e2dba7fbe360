// SPDX-License-Identifier: Apache-2.0
#include "jobs/analyze.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "jobs/retention_report.h"

namespace centric::jobs {

namespace clv = analytics::clv;
namespace {

retention::ReportOptions OptionsOf(const AnalyzeOptions& o) {
  retention::ReportOptions out{.model = std::string(clv::PurchaseModelName(o.model)),
                               .period = std::string(clv::PeriodName(o.period)),
                               .horizon_months = o.horizon_months,
                               .monthly_discount_rate = o.monthly_discount_rate,
                               .margin = o.margin};
  if (o.segments.tiers.absolute) {
    out.tiers.middle_above_minor = o.segments.tiers.absolute->middle_above;
    out.tiers.high_above_minor = o.segments.tiers.absolute->high_above;
  } else {
    out.tiers.low_share = o.segments.tiers.low_share;
    out.tiers.high_share = o.segments.tiers.high_share;
  }
  return out;
}

}  // namespace

Result<AnalyzeResult> Analyze(const LoadedTransactions& loaded, const AnalyzeOptions& options) {
  clv::RetentionOptions retention{.as_of_day = options.as_of_day.value_or(loaded.last_day),
                                  .period = options.period,
                                  .model = options.model,
                                  .holdout_end_day = options.holdout_end_day,
                                  .horizon_months = options.horizon_months,
                                  .monthly_discount_rate = options.monthly_discount_rate,
                                  .margin = options.margin,
                                  .threads = options.threads};
  CENTRIC_ASSIGN_OR_RETURN(auto report, clv::AnalyzeRetention(loaded.transactions, retention));
  AnalyzeResult result;
  auto started = std::chrono::steady_clock::now();
  result.report = BuildReport(report);
  CENTRIC_ASSIGN_OR_RETURN(
      result.segments, AddSegments(loaded.transactions, report, options.segments, result.report));
  result.report.options = OptionsOf(options);
  result.report.seconds = report.seconds;
  result.report.seconds.emplace_back(
      "segments_and_report",
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  result.retention = std::move(report);
  return result;
}

std::vector<retention::CustomerPrediction> PredictionRows(
    const AnalyzeResult& result, const std::vector<int64_t>& customer_ids) {
  namespace seg = analytics::segments;
  const auto& s = result.retention.summaries;
  const auto& p = result.retention.predictions;
  const auto& g = result.segments;
  std::vector<retention::CustomerPrediction> rows(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    auto& row = rows[i];
    uint32_t c = s.customer[i];
    row.customer_id = c < customer_ids.size() ? customer_ids[c] : 0;
    row.frequency = s.frequency[i];
    row.recency = s.recency[i];
    row.age = s.T[i];
    row.monetary = s.monetary[i];
    row.p_alive = p.p_alive[i];
    row.expected_purchases = p.expected_purchases[i];
    row.expected_spend = p.expected_spend[i];
    row.clv = p.clv[i];
    row.rfm_r = g.rfm_r[i];
    row.rfm_f = g.rfm_f[i];
    row.rfm_m = g.rfm_m[i];
    row.rfm_segment = seg::RfmSegmentName(g.rfm_segment[i]);
    row.churn_risk = seg::ChurnRiskName(g.churn_risk[i]);
    row.tier = seg::ValueTierName(g.tier[i]);
    row.service_level = seg::ServiceLevelName(seg::ServiceLevelOf(g.tier[i]));
  }
  return rows;
}

namespace {

void RecordCurrency(retention::AnalysisReport& report,
                    const std::vector<std::pair<std::string, int64_t>>& currencies) {
  if (currencies.empty()) return;
  // Amounts in minor units of the most used currency; other currencies are summed as if they
  // were it, which the report says rather than hides.
  report.summary.currency = currencies.front().first;
  if (currencies.size() > 1) {
    int64_t total = 0;
    for (const auto& [code, orders] : currencies) total += orders;
    std::string list;
    for (const auto& [code, orders] : currencies) {
      list += fmt::format("{}{} {:.0f} %", list.empty() ? "" : ", ", code,
                          100.0 * static_cast<double>(orders) / static_cast<double>(total));
    }
    report.warnings.push_back(
        fmt::format("orders are in {} currencies ({}); amounts were added as if all were {}",
                    currencies.size(), list, currencies.front().first));
  }
}

}  // namespace

Result<StoreAnalysis> AnalyzeStore(retention::RetentionStore& store,
                                   const AnalyzeOptions& options) {
  CENTRIC_ASSIGN_OR_RETURN(LoadedTransactions loaded, LoadFromStore(store));
  StoreAnalysis out;
  CENTRIC_ASSIGN_OR_RETURN(out.result, Analyze(loaded, options));
  CENTRIC_ASSIGN_OR_RETURN(auto currencies, store.OrderCurrencies());
  RecordCurrency(out.result.report, currencies);
  out.rows = PredictionRows(out.result, loaded.customer_ids);
  CENTRIC_ASSIGN_OR_RETURN(out.run_id, store.SaveAnalysis(out.result.report, out.rows));
  for (auto& row : out.rows) row.run_id = out.run_id;
  return out;
}

Result<AnalyzeOptions> OptionsOfReport(const retention::AnalysisReport& report) {
  auto bad = [] {
    return Error(InvalidArgument("the saved analysis has no valid options", "options"));
  };
  if (!report.options) return bad();
  const retention::ReportOptions& saved = *report.options;
  auto model = clv::ParsePurchaseModel(saved.model);
  auto period = clv::ParsePeriod(saved.period);
  if (!model || !period) return bad();
  AnalyzeOptions o;
  o.model = *model;
  o.period = *period;
  o.horizon_months = saved.horizon_months;
  o.monthly_discount_rate = saved.monthly_discount_rate;
  o.margin = saved.margin;
  const retention::TierOptions& tiers = saved.tiers;
  if (tiers.middle_above_minor && tiers.high_above_minor) {
    o.segments.tiers.absolute =
        analytics::segments::TierCuts{*tiers.middle_above_minor, *tiers.high_above_minor};
  } else if (tiers.low_share && tiers.high_share) {
    o.segments.tiers.low_share = *tiers.low_share;
    o.segments.tiers.high_share = *tiers.high_share;
  } else {
    return bad();
  }
  return o;
}

Result<std::optional<StoreAnalysis>> RefreshStoreAnalysis(retention::RetentionStore& store) {
  auto latest = store.LatestAnalysis();
  if (!latest) {
    if (latest.error().code() == StatusCode::kNotFound) return std::optional<StoreAnalysis>();
    return Error(latest.error());
  }
  CENTRIC_ASSIGN_OR_RETURN(AnalyzeOptions options, OptionsOfReport(latest->report));
  CENTRIC_ASSIGN_OR_RETURN(StoreAnalysis result, AnalyzeStore(store, options));
  return std::optional<StoreAnalysis>(std::move(result));
}

}  // namespace centric::jobs
