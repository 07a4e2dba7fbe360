// SPDX-License-Identifier: Apache-2.0
// The retention analysis report, typed: what one run found about the customer base as a
// whole (the fitted models, the holdout check, lifetime value, RFM, churn risk, value tiers,
// cohorts, new versus established, the options it ran with). jobs/analyze fills it; the
// retention store keeps it (as the JSON of analysis_report_json.h, its one encoding); the API
// serves its sections and `centric analyze --json` prints it whole, both through that same
// encoding. Money is in minor units of summary.currency; dates are ISO 8601 days.
//
// A section that a run saved before it existed reads back empty (std::nullopt, or the member's
// default), so adding a member never breaks reading older runs.
#pragma once

#include <boost/describe.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/json/described_json.h"

namespace centric::retention {

using json_doc::NamedValues;

// A maximum-likelihood fit of the spend model (Gamma-Gamma). Values the data cannot give
// (a Hessian that is not positive definite) are null.
struct SpendFit {
  NamedValues<std::optional<double>> params;
  NamedValues<std::optional<double>> std_errors;
  std::optional<double> log_likelihood;
  bool converged = false;
};
BOOST_DESCRIBE_STRUCT(SpendFit, (), (params, std_errors, log_likelihood, converged))

// Customers grouped by their repeat purchases in the calibration period; the last row holds
// `frequency` and more (or_more).
struct HoldoutRow {
  int frequency = 0;
  bool or_more = false;
  int64_t customers = 0;
  double predicted_mean = 0;
  double actual_mean = 0;
};
BOOST_DESCRIBE_STRUCT(HoldoutRow, (), (frequency, or_more, customers, predicted_mean, actual_mean))

// Calibration up to `end`, then predicted against actual purchases in the `periods` after it.
struct Holdout {
  std::string end;
  double periods = 0;
  int64_t customers = 0;
  double predicted = 0;
  double actual = 0;
  double mean_absolute_error = 0;
  std::vector<HoldoutRow> by_frequency;
};
BOOST_DESCRIBE_STRUCT(Holdout, (),
                      (end, periods, customers, predicted, actual, mean_absolute_error,
                       by_frequency))

struct HistogramBin {
  double from_minor = 0;  // exclusive, except for the first bin
  double to_minor = 0;    // inclusive
  int64_t customers = 0;
};
BOOST_DESCRIBE_STRUCT(HistogramBin, (), (from_minor, to_minor, customers))

// Lifetime value over the horizon, discounted monthly, at the margin given.
struct ClvSection {
  int horizon_months = 0;
  double monthly_discount_rate = 0;
  double margin = 0;
  double total_minor = 0;
  double mean_minor = 0;
  NamedValues<double> quantiles_minor;  // p10, p25, p50, p75, p90, p99
  std::vector<HistogramBin> histogram;  // twenty bins on a log scale; empty when all are 0
};
BOOST_DESCRIBE_STRUCT(ClvSection, (),
                      (horizon_months, monthly_discount_rate, margin, total_minor, mean_minor,
                       quantiles_minor, histogram))

// The headline figures.
struct Summary {
  int64_t customers = 0;
  int64_t repeaters = 0;
  double repeat_rate = 0;
  int64_t probably_active = 0;  // probability alive at least 0.5
  double expected_purchases = 0;
  double revenue_minor = 0;
  // ISO 4217, the currency of most orders; empty (null) in a run that did not record one.
  std::optional<std::string> currency;
};
BOOST_DESCRIBE_STRUCT(Summary, (),
                      (customers, repeaters, repeat_rate, probably_active, expected_purchases,
                       revenue_minor, currency))

struct RfmCuts {
  std::vector<std::string> last_purchase_after;  // R >= k+2 after this day
  std::vector<int64_t> purchase_periods_above;   // F >= k+2 above this many purchase periods
  std::vector<double> total_spend_above_minor;   // M >= k+2 above this spend
};
BOOST_DESCRIBE_STRUCT(RfmCuts, (),
                      (last_purchase_after, purchase_periods_above, total_spend_above_minor))

struct RfmSection {
  std::vector<std::vector<int64_t>> grid;  // customers; rows R 5 down to 1, columns FM 1 to 5
  std::string grid_rows = "r from 5 down to 1";
  std::string grid_columns = "fm from 1 up to 5";
  NamedValues<int64_t> segments;  // customers per RFM segment
  RfmCuts cuts;
};
BOOST_DESCRIBE_STRUCT(RfmSection, (), (grid, grid_rows, grid_columns, segments, cuts))

struct ChurnThresholds {
  double churned = 0;
  double high = 0;
  double medium = 0;
};
BOOST_DESCRIBE_STRUCT(ChurnThresholds, (), (churned, high, medium))

struct ChurnSection {
  NamedValues<int64_t> counts;  // customers per band: low, medium, high, churned
  ChurnThresholds p_alive_below;
};
BOOST_DESCRIBE_STRUCT(ChurnSection, (), (counts, p_alive_below))

struct TierRow {
  std::string tier;           // low, middle, high
  std::string service_level;  // bargain, standard, premium
  int64_t customers = 0;
  double clv_total_minor = 0;
  double clv_mean_minor = 0;
};
BOOST_DESCRIBE_STRUCT(TierRow, (),
                      (tier, service_level, customers, clv_total_minor, clv_mean_minor))

struct TierCuts {
  double middle_above = 0;
  double high_above = 0;
};
BOOST_DESCRIBE_STRUCT(TierCuts, (), (middle_above, high_above))

struct TiersSection {
  std::vector<TierRow> tiers;
  TierCuts cuts_minor;
};
BOOST_DESCRIBE_STRUCT(TiersSection, (), (tiers, cuts_minor))

struct Cohort {
  std::string month;  // YYYY-MM of the first purchase
  int64_t customers = 0;
  std::vector<int64_t> active;    // customers buying in each month since
  std::vector<double> retention;  // active / customers
};
BOOST_DESCRIBE_STRUCT(Cohort, (), (month, customers, active, retention))

struct CohortsSection {
  std::string as_of;
  int64_t customers = 0;
  std::vector<Cohort> cohorts;
};
BOOST_DESCRIBE_STRUCT(CohortsSection, (), (as_of, customers, cohorts))

struct RepeatRate {
  int64_t customers = 0;
  int64_t repeaters = 0;
  double rate = 0;
};
BOOST_DESCRIBE_STRUCT(RepeatRate, (), (customers, repeaters, rate))

struct NewVsEstablished {
  std::string as_of;
  int new_window_days = 0;
  int follow_days = 0;
  RepeatRate new_;  // "new" in JSON
  RepeatRate established;
  RepeatRate lapsed;
  bool follow_up_complete = false;
};
BOOST_DESCRIBE_STRUCT(NewVsEstablished, (),
                      (as_of, new_window_days, follow_days, new_, established, lapsed,
                       follow_up_complete))

// Tiers either by share of customers or by absolute lifetime-value cuts; the other pair null.
struct TierOptions {
  std::optional<double> low_share;
  std::optional<double> high_share;
  std::optional<double> middle_above_minor;
  std::optional<double> high_above_minor;
};
BOOST_DESCRIBE_STRUCT(TierOptions, (),
                      (low_share, high_share, middle_above_minor, high_above_minor))

// What the run was asked for, so a refresh after new data asks the same.
struct ReportOptions {
  std::string model;   // bgnbd, pareto
  std::string period;  // day, week
  int horizon_months = 0;
  double monthly_discount_rate = 0;
  double margin = 0;
  TierOptions tiers;
};
BOOST_DESCRIBE_STRUCT(ReportOptions, (),
                      (model, period, horizon_months, monthly_discount_rate, margin, tiers))

struct AnalysisReport {
  std::string model;   // bgnbd, pareto
  std::string period;  // day, week
  std::string as_of;
  int64_t customers = 0;
  int64_t repeaters = 0;
  // The purchase model's fit; values the data cannot give are null.
  NamedValues<std::optional<double>> params;
  std::optional<double> log_likelihood;
  NamedValues<std::optional<double>> std_errors;
  int64_t iterations = 0;
  bool converged = false;
  std::optional<SpendFit> spend;   // null when too few repeat buyers to fit it
  std::optional<Holdout> holdout;  // null unless asked for
  ClvSection clv;
  Summary summary;
  std::vector<std::string> warnings;
  std::optional<RfmSection> rfm;
  std::optional<ChurnSection> churn_risk;
  std::optional<TiersSection> tiers;
  std::optional<CohortsSection> cohorts;
  std::optional<NewVsEstablished> new_vs_established;
  std::optional<ReportOptions> options;
  NamedValues<double> seconds;  // wall time of each step
};
BOOST_DESCRIBE_STRUCT(AnalysisReport, (),
                      (model, period, as_of, customers, repeaters, params, log_likelihood,
                       std_errors, iterations, converged, spend, holdout, clv, summary, warnings,
                       rfm, churn_risk, tiers, cohorts, new_vs_established, options, seconds))

}  // namespace centric::retention
