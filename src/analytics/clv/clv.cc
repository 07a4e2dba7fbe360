// SPDX-License-Identifier: Apache-2.0
#include "analytics/clv/clv.h"

#include <fmt/format.h>

#include <chrono>
#include <cmath>

#include "analytics/clv/bg_nbd.h"
#include "analytics/clv/gamma_gamma.h"
#include "analytics/clv/pareto_nbd.h"
#include "analytics/clv/rfm_data.h"

namespace centric::analytics::clv {
namespace {

// Appends (step, seconds since the previous lap) to a report's timings.
class StepTimer {
 public:
  explicit StepTimer(std::vector<std::pair<std::string, double>>& into)
      : into_(into), last_(std::chrono::steady_clock::now()) {}
  void Lap(std::string step) {
    auto now = std::chrono::steady_clock::now();
    into_.emplace_back(std::move(step), std::chrono::duration<double>(now - last_).count());
    last_ = now;
  }

 private:
  std::vector<std::pair<std::string, double>>& into_;
  std::chrono::steady_clock::time_point last_;
};

bool AllFinite(const std::vector<double>& values) {
  for (double v : values) {
    if (!std::isfinite(v)) return false;
  }
  return true;
}

}  // namespace

std::string_view PurchaseModelName(PurchaseModel model) {
  return model == PurchaseModel::kBgNbd ? "bgnbd" : "pareto";
}

Result<PurchaseModel> ParsePurchaseModel(std::string_view name) {
  if (name == "bgnbd") return PurchaseModel::kBgNbd;
  if (name == "pareto" || name == "paretonbd") return PurchaseModel::kParetoNbd;
  return Error(InvalidArgument(fmt::format("'{}' is not one of bgnbd, pareto", name), "model"));
}

std::string_view PeriodName(Period period) { return period == Period::kDay ? "day" : "week"; }

Result<Period> ParsePeriod(std::string_view name) {
  if (name == "day") return Period::kDay;
  if (name == "week") return Period::kWeek;
  return Error(InvalidArgument(fmt::format("'{}' is not one of day, week", name), "period"));
}

Result<RetentionReport> AnalyzeRetention(const Transactions& transactions,
                                         const RetentionOptions& options) {
  if (options.horizon_months < 0 || options.horizon_months > 1200) {
    return Error(InvalidArgument("must be between 0 and 1200 months", "horizon"));
  }
  if (!(options.monthly_discount_rate >= 0) || options.monthly_discount_rate > 1) {
    return Error(InvalidArgument("must be between 0 and 1 (a monthly rate)", "discount-rate"));
  }
  if (!(options.margin > 0) || options.margin > 1) {
    return Error(InvalidArgument("must be in (0, 1]", "margin"));
  }
  RetentionReport report;
  report.options = options;
  StepTimer timer(report.seconds);
  CENTRIC_ASSIGN_OR_RETURN(report.summaries,
                           Summarize(transactions, {.as_of_day = options.as_of_day,
                                                    .period = options.period,
                                                    .holdout_end_day = options.holdout_end_day,
                                                    .threads = options.threads}));
  const CustomerSummaries& s = report.summaries;
  if (s.size() == 0) {
    return Error(FailedPrecondition("no customer bought anything on or before the as-of date"));
  }
  if (s.future_only_customers > 0) {
    report.warnings.push_back(fmt::format(
        "{} customers first bought after the as-of date and are left out", s.future_only_customers));
  }
  if (s.ignored_returns > 0) {
    report.warnings.push_back(fmt::format(
        "{} returns fell in periods without a purchase and do not change spend", s.ignored_returns));
  }

  timer.Lap("summaries");
  RfmData data = Compress(s);
  report.purchase_params.model = options.model;
  if (options.model == PurchaseModel::kBgNbd) {
    CENTRIC_ASSIGN_OR_RETURN(report.purchase_fit, FitBgNbd(data, options.threads));
    report.purchase_params.bg_nbd = BgNbdParamsOf(report.purchase_fit);
    if (report.purchase_params.bg_nbd.a <= 1) {
      report.warnings.push_back(
          "BG/NBD a <= 1: expected purchases over a long horizon are large and uncertain");
    }
  } else {
    CENTRIC_ASSIGN_OR_RETURN(report.purchase_fit, FitParetoNbd(data, options.threads));
    report.purchase_params.pareto_nbd = ParetoNbdParamsOf(report.purchase_fit);
  }
  for (const auto& w : report.purchase_fit.warnings) report.warnings.push_back(w);
  timer.Lap("purchase_fit");

  SpendData spend;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.frequency[i] > 0 && s.monetary[i] > 0) spend.Add(s.frequency[i], s.monetary[i]);
  }
  auto spend_fit = FitGammaGamma(spend, options.threads);
  if (spend_fit) {
    report.spend_params = GammaGammaParamsOf(*spend_fit);
    for (const auto& w : spend_fit->warnings) report.warnings.push_back(w);
    report.spend_fit = std::move(*spend_fit);
  } else {
    report.warnings.push_back(spend_fit.error().message());
  }
  timer.Lap("spend_fit");

  report.predictions = Predict(
      s, report.purchase_params,
      ExpectedSpend(s, report.spend_fit ? &report.spend_params : nullptr),
      {.period = options.period,
       .horizon_months = options.horizon_months,
       .monthly_discount_rate = options.monthly_discount_rate,
       .margin = options.margin,
       .threads = options.threads});
  if (options.holdout_end_day) {
    double periods = PeriodOf(*options.holdout_end_day, options.period) -
                     PeriodOf(options.as_of_day, options.period);
    report.holdout = ValidateHoldout(s, report.purchase_params, periods, options.threads);
  }
  timer.Lap("predictions");
  const auto& p = report.predictions;
  if (!AllFinite(p.p_alive) || !AllFinite(p.expected_purchases) || !AllFinite(p.expected_spend) ||
      !AllFinite(p.clv)) {
    return Error(Internal(
        "the fitted model produced a non-finite prediction; the data may not suit this model "
        "(try --model pareto or a different --period)"));
  }
  return report;
}

}  // namespace centric::analytics::clv
