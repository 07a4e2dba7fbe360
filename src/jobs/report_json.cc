// SPDX-License-Identifier: Apache-2.0
#include "jobs/report_json.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "analytics/segments/order_statistics.h"
#include "jobs/transactions_source.h"

namespace centric::jobs {
namespace json = boost::json;
namespace clv = analytics::clv;
namespace {

json::value Number(double v) { return std::isfinite(v) ? json::value(v) : json::value(nullptr); }

json::object FitJson(const clv::FitReport& fit, json::object& std_errors) {
  json::object params;
  for (size_t i = 0; i < fit.names.size(); ++i) {
    params[fit.names[i]] = Number(fit.params[i]);
    std_errors[fit.names[i]] = Number(fit.std_errors[i]);
  }
  return params;
}

json::object ClvJson(const clv::RetentionReport& r) {
  const std::vector<double>& values = r.predictions.clv;
  double total = 0;
  for (double v : values) total += v;
  json::object out;
  out["horizon_months"] = r.options.horizon_months;
  out["monthly_discount_rate"] = r.options.monthly_discount_rate;
  out["margin"] = r.options.margin;
  out["total_minor"] = total;
  out["mean_minor"] = values.empty() ? 0.0 : total / static_cast<double>(values.size());
  // The quantiles, the 1st percentile and the maximum by selection, not by sorting a copy.
  constexpr std::array<std::pair<const char*, double>, 6> kQuantiles = {
      {{"p10", 0.1}, {"p25", 0.25}, {"p50", 0.5}, {"p75", 0.75}, {"p90", 0.9}, {"p99", 0.99}}};
  std::array<size_t, 8> ranks{};
  std::array<double, 8> at_rank{};
  auto rank_of = [&](double q) {
    return static_cast<size_t>(q * static_cast<double>(values.size() - 1));
  };
  if (!values.empty()) {
    ranks[0] = rank_of(0.01);
    for (size_t k = 0; k < kQuantiles.size(); ++k) ranks[k + 1] = rank_of(kQuantiles[k].second);
    ranks[7] = values.size() - 1;
    analytics::segments::SelectRanks(values, ranks, at_rank);
  }
  json::object quantiles;
  for (size_t k = 0; k < kQuantiles.size(); ++k) quantiles[kQuantiles[k].first] = at_rank[k + 1];
  out["quantiles_minor"] = std::move(quantiles);
  // Twenty equal-count-friendly bins on a log scale, for the distribution chart: bin b holds
  // the values in (to[b-1], to[b]]; the last bin everything above.
  json::array histogram;
  if (!values.empty() && at_rank[7] > 0) {
    const double top = at_rank[7];
    const double low = std::max(1.0, at_rank[0]);
    constexpr int kBins = 20;
    const double ratio = std::pow(top / low, 1.0 / kBins);
    std::array<double, kBins> to{};
    for (int b = 0; b < kBins; ++b) to[b] = b == kBins - 1 ? top : low * std::pow(ratio, b + 1);
    std::array<int64_t, kBins> count{};
    for (double v : values) {
      auto bin = std::lower_bound(to.begin(), to.end() - 1, v) - to.begin();
      ++count[static_cast<size_t>(bin)];
    }
    double from = 0;
    for (int b = 0; b < kBins; ++b) {
      histogram.push_back({{"from_minor", from}, {"to_minor", to[b]}, {"customers", count[b]}});
      from = to[b];
    }
  }
  out["histogram"] = std::move(histogram);
  return out;
}

json::object SummaryJson(const clv::RetentionReport& r) {
  const auto& s = r.summaries;
  const auto& p = r.predictions;
  int64_t active = 0;
  double expected = 0, revenue = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    active += p.p_alive[i] >= 0.5;
    expected += p.expected_purchases[i];
    revenue += static_cast<double>(s.total_spend[i]);
  }
  json::object out;
  out["customers"] = static_cast<int64_t>(s.size());
  out["repeaters"] = s.repeaters();
  out["repeat_rate"] = s.size() ? static_cast<double>(s.repeaters()) / s.size() : 0.0;
  out["probably_active"] = active;
  out["expected_purchases"] = expected;
  out["revenue_minor"] = revenue;
  return out;
}

}  // namespace

json::object ReportJson(const clv::RetentionReport& r) {
  json::object out;
  out["model"] = clv::PurchaseModelName(r.options.model);
  out["period"] = clv::PeriodName(r.options.period);
  out["as_of"] = FormatIso8601(StartOfDay(r.options.as_of_day)).substr(0, 10);
  out["customers"] = static_cast<int64_t>(r.summaries.size());
  out["repeaters"] = r.summaries.repeaters();
  json::object std_errors;
  out["params"] = FitJson(r.purchase_fit, std_errors);
  out["log_likelihood"] = Number(r.purchase_fit.log_likelihood);
  out["std_errors"] = std::move(std_errors);
  out["iterations"] = r.purchase_fit.iterations;
  out["converged"] = r.purchase_fit.converged;
  if (r.spend_fit) {
    json::object spend_errors;
    json::object spend = FitJson(*r.spend_fit, spend_errors);
    spend["log_likelihood"] = Number(r.spend_fit->log_likelihood);
    spend["std_errors"] = std::move(spend_errors);
    spend["converged"] = r.spend_fit->converged;
    out["spend"] = std::move(spend);
  } else {
    out["spend"] = nullptr;
  }
  if (r.holdout) {
    const auto& h = *r.holdout;
    json::array rows;
    for (const auto& row : h.by_frequency) {
      rows.push_back({{"frequency", row.frequency == 7 ? json::value("7+") : json::value(row.frequency)},
                      {"customers", row.customers},
                      {"predicted_mean", row.predicted_mean},
                      {"actual_mean", row.actual_mean}});
    }
    out["holdout"] = {{"end", FormatIso8601(StartOfDay(*r.options.holdout_end_day)).substr(0, 10)},
                      {"periods", h.periods},
                      {"customers", h.customers},
                      {"predicted", h.predicted_total},
                      {"actual", h.actual_total},
                      {"mean_absolute_error", h.mean_absolute_error},
                      {"by_frequency", std::move(rows)}};
  } else {
    out["holdout"] = nullptr;
  }
  out["clv"] = ClvJson(r);
  out["summary"] = SummaryJson(r);
  json::array warnings;
  for (const auto& w : r.warnings) warnings.emplace_back(w);
  out["warnings"] = std::move(warnings);
  return out;
}

}  // namespace centric::jobs
