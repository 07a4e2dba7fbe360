// SPDX-License-Identifier: Apache-2.0
#include "jobs/retention_report.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

#include "analytics/segments/order_statistics.h"
#include "jobs/transactions_source.h"

namespace centric::jobs {
namespace clv = analytics::clv;
namespace {

std::optional<double> Finite(double v) {
  return std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
}

void ReadFit(const clv::FitReport& fit, retention::NamedValues<std::optional<double>>& params,
             retention::NamedValues<std::optional<double>>& std_errors) {
  for (size_t i = 0; i < fit.names.size(); ++i) {
    params.emplace_back(fit.names[i], Finite(fit.params[i]));
    std_errors.emplace_back(fit.names[i], Finite(fit.std_errors[i]));
  }
}

retention::ClvSection Clv(const clv::RetentionReport& r) {
  const std::vector<double>& values = r.predictions.clv;
  double total = 0;
  for (double v : values) total += v;
  retention::ClvSection out;
  out.horizon_months = r.options.horizon_months;
  out.monthly_discount_rate = r.options.monthly_discount_rate;
  out.margin = r.options.margin;
  out.total_minor = total;
  out.mean_minor = values.empty() ? 0.0 : total / static_cast<double>(values.size());
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
  for (size_t k = 0; k < kQuantiles.size(); ++k) {
    out.quantiles_minor.emplace_back(kQuantiles[k].first, at_rank[k + 1]);
  }
  // Twenty bins on a log scale, for the distribution chart: bin b holds the values in
  // (to[b-1], to[b]]; the last bin everything above.
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
      out.histogram.push_back({.from_minor = from, .to_minor = to[b], .customers = count[b]});
      from = to[b];
    }
  }
  return out;
}

retention::Summary Summarise(const clv::RetentionReport& r) {
  const auto& s = r.summaries;
  const auto& p = r.predictions;
  retention::Summary out;
  double revenue = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    out.probably_active += p.p_alive[i] >= 0.5;
    out.expected_purchases += p.expected_purchases[i];
    revenue += static_cast<double>(s.total_spend[i]);
  }
  out.customers = static_cast<int64_t>(s.size());
  out.repeaters = s.repeaters();
  out.repeat_rate = s.size() ? static_cast<double>(s.repeaters()) / s.size() : 0.0;
  out.revenue_minor = revenue;
  return out;
}

retention::Holdout HoldoutOf(const clv::RetentionReport& r) {
  const auto& h = *r.holdout;
  retention::Holdout out{.end = IsoDay(*r.options.holdout_end_day),
                         .periods = h.periods,
                         .customers = h.customers,
                         .predicted = h.predicted_total,
                         .actual = h.actual_total,
                         .mean_absolute_error = h.mean_absolute_error};
  const int last = h.by_frequency.empty() ? 0 : h.by_frequency.back().frequency;
  for (const auto& row : h.by_frequency) {
    out.by_frequency.push_back({.frequency = row.frequency,
                                .or_more = row.frequency == last,
                                .customers = row.customers,
                                .predicted_mean = row.predicted_mean,
                                .actual_mean = row.actual_mean});
  }
  return out;
}

}  // namespace

retention::AnalysisReport BuildReport(const clv::RetentionReport& r) {
  retention::AnalysisReport out;
  out.model = clv::PurchaseModelName(r.options.model);
  out.period = clv::PeriodName(r.options.period);
  out.as_of = IsoDay(r.options.as_of_day);
  out.customers = static_cast<int64_t>(r.summaries.size());
  out.repeaters = r.summaries.repeaters();
  ReadFit(r.purchase_fit, out.params, out.std_errors);
  out.log_likelihood = Finite(r.purchase_fit.log_likelihood);
  out.iterations = r.purchase_fit.iterations;
  out.converged = r.purchase_fit.converged;
  if (r.spend_fit) {
    retention::SpendFit spend;
    ReadFit(*r.spend_fit, spend.params, spend.std_errors);
    spend.log_likelihood = Finite(r.spend_fit->log_likelihood);
    spend.converged = r.spend_fit->converged;
    out.spend = std::move(spend);
  }
  if (r.holdout) out.holdout = HoldoutOf(r);
  out.clv = Clv(r);
  out.summary = Summarise(r);
  out.warnings = r.warnings;
  return out;
}

}  // namespace centric::jobs
