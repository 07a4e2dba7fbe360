// SPDX-License-Identifier: Apache-2.0
// The retention engine's entry point: from transactions to every customer's summary,
// fitted purchase model (BG/NBD or Pareto/NBD) and spend model (Gamma-Gamma), predictions
// and, given a holdout end, holdout validation. Pure computation on plain arrays; the caller
// loads the transactions (store or file) and keeps the map to its customer ids.
// Thread-safe: no shared state.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analytics/clv/fit.h"
#include "analytics/clv/holdout.h"
#include "analytics/clv/predictions.h"
#include "analytics/clv/summary.h"
#include "analytics/clv/transactions.h"
#include "core/result.h"

namespace centric::analytics::clv {

struct RetentionOptions {
  int32_t as_of_day = 0;
  Period period = Period::kWeek;
  PurchaseModel model = PurchaseModel::kBgNbd;
  std::optional<int32_t> holdout_end_day;
  int horizon_months = 12;
  double monthly_discount_rate = 0.01;
  double margin = 1.0;
  int threads = 2;
};

struct RetentionReport {
  RetentionOptions options;
  CustomerSummaries summaries;
  FitReport purchase_fit;
  PurchaseModelParams purchase_params;
  std::optional<FitReport> spend_fit;  // absent when no customer has repeat spend
  GammaGammaParams spend_params;
  CustomerPredictions predictions;
  std::optional<HoldoutReport> holdout;
  std::vector<std::string> warnings;
  std::vector<std::pair<std::string, double>> seconds;  // wall time of each step, in order
};

// FailedPrecondition when the data cannot identify the purchase model (no customer, or no
// repeat purchase before the as-of date); InvalidArgument for bad options. Never returns
// non-finite predictions: a numerical failure is Internal.
Result<RetentionReport> AnalyzeRetention(const Transactions& transactions,
                                         const RetentionOptions& options);

std::string_view PurchaseModelName(PurchaseModel model);  // "bgnbd" or "pareto"
Result<PurchaseModel> ParsePurchaseModel(std::string_view name);
std::string_view PeriodName(Period period);               // "day" or "week"
Result<Period> ParsePeriod(std::string_view name);

}  // namespace centric::analytics::clv
