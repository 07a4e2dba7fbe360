// SPDX-License-Identifier: Apache-2.0
// centric analyze: the retention analysis of the store (results saved for the API and the
// web app) or of a transactions file (results printed and optionally written as CSV).
#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <optional>

#include "areas/retention/analysis_report_json.h"
#include "areas/retention/cli/retention_commands.h"
#include "cli/command.h"
#include "core/money.h"
#include "jobs/analyze.h"
#include "jobs/crosssell.h"
#include "jobs/transactions_file.h"

namespace centric::retention {
namespace {

using cli::AddDbOption;
using cli::CliContext;
using cli::kExitFailure;
using cli::kExitOk;
using cli::kExitUsage;
using cli::OpenStoresOrReport;
using cli::RefuseStoreAsOutput;
using cli::ReportError;

namespace clv = analytics::clv;

struct AnalyzeArgs {
  std::string as_of, period = "week", model = "bgnbd", holdout_end;
  int horizon = 12;
  double discount_rate = 0.01;
  double margin = 1.0;
  bool json = false;
  std::string predictions_path;
  std::string transactions_path, map, date_format, currency = "EUR";
  std::vector<double> tier_shares;
  std::vector<double> tier_cuts;
  bool no_crosssell = false;
};

Result<int32_t> ParseDay(const std::string& text, const char* field) {
  auto t = ParseIso8601(text);
  if (!t) return Error(InvalidArgument(t.error().message(), field));
  return jobs::DayOf(*t);
}

// An amount of the report with its currency, as every amount Centric shows.
std::string Money(double minor, const std::string& currency) {
  if (currency.empty()) return FormatMinorUnits(std::llround(minor), 2);
  return FormatMinorUnits(std::llround(minor), CurrencyExponent(currency)) + " " + currency;
}

void PrintReadable(const jobs::AnalyzeResult& r, std::optional<int64_t> run_id) {
  const AnalysisReport& rep = r.report;
  const auto& ret = r.retention;
  fmt::print("Retention analysis as of {} ({} periods, {})\n", rep.as_of, rep.period,
             ret.options.model == clv::PurchaseModel::kBgNbd ? "BG/NBD" : "Pareto/NBD");
  int64_t customers = static_cast<int64_t>(ret.summaries.size());
  int64_t repeaters = ret.summaries.repeaters();
  fmt::print("  customers {}, repeat buyers {} ({:.1f} %)\n", customers, repeaters,
             customers ? 100.0 * repeaters / customers : 0.0);
  std::string params;
  for (size_t i = 0; i < ret.purchase_fit.names.size(); ++i) {
    params += fmt::format("{}{} = {:.4g} (± {:.2g})", i ? ", " : "", ret.purchase_fit.names[i],
                          ret.purchase_fit.params[i], ret.purchase_fit.std_errors[i]);
  }
  fmt::print("  purchase model: {}\n    log-likelihood {:.2f}, {} after {} iterations\n", params,
             ret.purchase_fit.log_likelihood,
             ret.purchase_fit.converged ? "converged" : "NOT converged",
             ret.purchase_fit.iterations);
  if (ret.spend_fit) {
    const auto& f = *ret.spend_fit;
    fmt::print("  spend model (Gamma-Gamma): p = {:.4g}, q = {:.4g}, gamma = {:.4g}\n", f.params[0],
               f.params[1], f.params[2]);
  }
  double expected = 0, value = 0;
  for (size_t i = 0; i < ret.summaries.size(); ++i) {
    expected += ret.predictions.expected_purchases[i];
    value += ret.predictions.clv[i];
  }
  fmt::print(
      "  next {} months: {:.0f} expected purchases, lifetime value {} ({:.1f} % a month "
      "discount, margin {:.0f} %)\n",
      ret.options.horizon_months, expected, Money(value, rep.summary.currency.value_or("")),
      100 * ret.options.monthly_discount_rate, 100 * ret.options.margin);
  if (ret.holdout) {
    const auto& h = *ret.holdout;
    fmt::print(
        "  holdout ({:.0f} periods): predicted {:.0f} purchases, actual {:.0f}; mean "
        "absolute error {:.3f} per customer\n",
        h.periods, h.predicted_total, h.actual_total, h.mean_absolute_error);
    fmt::print("    {:>9} {:>10} {:>10} {:>10}\n", "frequency", "customers", "predicted", "actual");
    for (const auto& row : h.by_frequency) {
      fmt::print("    {:>9} {:>10} {:>10.3f} {:>10.3f}\n",
                 fmt::format("{}{}", row.frequency, &row == &h.by_frequency.back() ? "+" : ""),
                 row.customers, row.predicted_mean, row.actual_mean);
    }
  }
  if (rep.tiers) {
    fmt::print("  value tiers:");
    for (const TierRow& t : rep.tiers->tiers) {
      fmt::print(" {} ({}) {}", t.tier, t.service_level, t.customers);
    }
    fmt::print("\n");
  }
  if (rep.churn_risk) {
    fmt::print("  churn risk:");
    for (const auto& [band, count] : rep.churn_risk->counts) fmt::print(" {} {}", band, count);
    fmt::print("\n");
  }
  if (rep.rfm) {
    fmt::print("  RFM segments:");
    for (const auto& [segment, count] : rep.rfm->segments) {
      if (count > 0) fmt::print(" {} {}", segment, count);
    }
    fmt::print("\n");
  }
  for (const auto& w : rep.warnings) fmt::print("  warning: {}\n", w);
  if (run_id) fmt::print("  saved as analysis run {}\n", *run_id);
}

// What the cross-sell model rebuilt after the analysis holds, for the printout.
boost::json::object CrossSellSummary(const jobs::CrossSellResult& crosssell) {
  const auto& levels = crosssell.report.at("levels").as_object();
  return {{"run_id", crosssell.report.at("run_id")},
          {"category_rules", levels.at("category").as_object().at("rules")},
          {"product_rules", levels.at("product").as_object().at("rules")},
          {"neighbours", crosssell.model.neighbours.size()},
          {"targets", crosssell.report.at("targets").as_array().size()},
          {"seconds", crosssell.report.at("seconds").as_object().at("total")}};
}

// One row per customer; ids[c] is the id to print for dense customer index c.
Status WritePredictions(const std::string& path, const jobs::AnalyzeResult& r,
                        const std::vector<std::string>& ids) {
  namespace seg = analytics::segments;
  std::FILE* out = std::fopen(path.c_str(), "w");
  if (!out) return Unavailable(fmt::format("cannot write {}", path));
  fmt::print(out,
             "customer,frequency,recency,T,monetary,p_alive,expected_purchases,"
             "expected_spend,clv,rfm_segment,tier,service_level,churn_risk\n");
  const auto& s = r.retention.summaries;
  const auto& p = r.retention.predictions;
  const auto& g = r.segments;
  for (size_t i = 0; i < s.size(); ++i) {
    fmt::print(out, "{},{},{},{},{:.2f},{:.6f},{:.6f},{:.2f},{:.2f},{},{},{},{}\n",
               ids[s.customer[i]], s.frequency[i], s.recency[i], s.T[i], s.monetary[i] / 100.0,
               p.p_alive[i], p.expected_purchases[i], p.expected_spend[i] / 100.0, p.clv[i] / 100.0,
               seg::RfmSegmentName(g.rfm_segment[i]), seg::ValueTierName(g.tier[i]),
               seg::ServiceLevelName(seg::ServiceLevelOf(g.tier[i])),
               seg::ChurnRiskName(g.churn_risk[i]));
  }
  bool ok = std::fflush(out) == 0;
  ok = std::fclose(out) == 0 && ok;
  return ok ? Status::Ok() : Unavailable(fmt::format("cannot write {}", path));
}

int Run(CliContext& ctx, const AnalyzeArgs& a) {
  jobs::AnalyzeOptions options;
  options.horizon_months = a.horizon;
  options.monthly_discount_rate = a.discount_rate;
  options.margin = a.margin;
  auto period = clv::ParsePeriod(a.period);
  auto model = clv::ParsePurchaseModel(a.model);
  if (!period || !model) {
    ReportError(!period ? period.error() : model.error());
    return kExitUsage;
  }
  options.period = *period;
  options.model = *model;
  if (!a.tier_cuts.empty()) {
    // Given in major units, like every amount a person types.
    options.segments.tiers.absolute =
        analytics::segments::TierCuts{a.tier_cuts[0] * 100.0, a.tier_cuts[1] * 100.0};
  } else if (!a.tier_shares.empty()) {
    options.segments.tiers.low_share = a.tier_shares[0];
    options.segments.tiers.high_share = a.tier_shares[1];
  }
  if (!a.as_of.empty()) {
    auto day = ParseDay(a.as_of, "as-of");
    if (!day) return ReportError(day.error()), kExitUsage;
    options.as_of_day = *day;
  }
  if (!a.holdout_end.empty()) {
    auto day = ParseDay(a.holdout_end, "holdout-end");
    if (!day) return ReportError(day.error()), kExitUsage;
    options.holdout_end_day = *day;
  }

  Result<jobs::AnalyzeResult> result = Error(Internal("not run"));
  std::optional<int64_t> run_id;                   // the saved run, when the store was analysed
  std::optional<jobs::CrossSellResult> crosssell;  // the model rebuilt after it
  std::vector<std::string> ids;                    // by dense customer index, for --predictions
  if (!a.transactions_path.empty()) {
    auto started = std::chrono::steady_clock::now();
    auto loaded = jobs::LoadTransactionsFile(
        a.transactions_path, {.map = a.map, .date_format = a.date_format, .currency = a.currency});
    if (!loaded) return ReportError(loaded.error());
    double load_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    result = jobs::Analyze(*loaded, options);
    if (result) {
      ids = std::move(loaded->customer_keys);
      result->report.summary.currency = a.currency;
      result->report.seconds.emplace_back("load", load_seconds);
    }
  } else {
    auto stores = OpenStoresOrReport(ctx);
    if (!stores) return kExitFailure;
    customers::CustomerStore* store = &stores->customers();
    auto analysis = jobs::AnalyzeStore(stores->retention(), options);
    if (!analysis) return ReportError(analysis.error());
    run_id = analysis->run_id;
    if (!a.no_crosssell) {
      auto built = jobs::RunCrossSell(stores->orders(), stores->crosssell(), {});
      if (!built) return ReportError(built.error());
      crosssell = std::move(*built);
    }
    if (!a.predictions_path.empty()) {
      std::vector<std::string> external(1);
      Status scan = store->ScanCustomers([&](const Customer& c) {
        if (c.id >= static_cast<int64_t>(external.size())) external.resize(c.id + 1);
        external[c.id] = c.external_id;
        return Status::Ok();
      });
      if (!scan.ok()) return ReportError(scan);
      const auto& dense = analysis->result.retention.summaries.customer;
      ids.resize(analysis->result.retention.summaries.customer.empty()
                     ? 0
                     : *std::max_element(dense.begin(), dense.end()) + 1);
      for (size_t i = 0; i < analysis->rows.size(); ++i) {
        ids[dense[i]] = external[analysis->rows[i].customer_id];
      }
    }
    result = std::move(analysis->result);
  }
  if (!result) return ReportError(result.error());
  const boost::json::object crosssell_summary =
      crosssell ? CrossSellSummary(*crosssell) : boost::json::object();
  if (a.json) {
    boost::json::object out = EncodeReport(result->report);
    if (run_id) out["run_id"] = *run_id;
    if (crosssell) out["crosssell"] = crosssell_summary;
    fmt::print("{}\n", boost::json::serialize(out));
  } else {
    PrintReadable(*result, run_id);
    if (crosssell) {
      const auto& c = crosssell_summary;
      fmt::print(
          "Cross-sell model (run {}): {} category rules, {} product rules, {} item "
          "neighbours, {} cross-sell targets\n",
          c.at("run_id").to_number<int64_t>(), c.at("category_rules").to_number<int64_t>(),
          c.at("product_rules").to_number<int64_t>(), c.at("neighbours").to_number<int64_t>(),
          c.at("targets").to_number<int64_t>());
    }
  }
  if (!a.predictions_path.empty()) {
    Status written = WritePredictions(a.predictions_path, *result, ids);
    if (!written.ok()) return ReportError(written);
    if (!a.json) fmt::print("  predictions written to {}\n", a.predictions_path);
  }
  return kExitOk;
}

}  // namespace

void RegisterRetentionCommands(CLI::App& app, CliContext& ctx) {
  auto args = std::make_shared<AnalyzeArgs>();
  auto* cmd = app.add_subcommand(
      "analyze",
      "Retention analysis: fit BG/NBD or Pareto/NBD and Gamma-Gamma, predict every customer's "
      "probability alive, purchases and lifetime value; saved to the store, or run on a file "
      "with --transactions");
  AddDbOption(*cmd, ctx);
  cmd->add_option("--as-of", args->as_of,
                  "End of the calibration period (YYYY-MM-DD); default: the latest transaction");
  cmd->add_option("--period", args->period, "Purchase period: day or week")->capture_default_str();
  cmd->add_option("--model", args->model, "Purchase model: bgnbd or pareto")->capture_default_str();
  cmd->add_option("--holdout-end", args->holdout_end,
                  "Validate on purchases after --as-of up to this date (YYYY-MM-DD)");
  cmd->add_option("--horizon", args->horizon, "Months of expected purchases and lifetime value")
      ->capture_default_str();
  cmd->add_option("--discount-rate", args->discount_rate, "Monthly discount rate of lifetime value")
      ->capture_default_str();
  cmd->add_option("--margin", args->margin, "Share of spend that is margin, in (0, 1]")
      ->capture_default_str();
  auto* shares =
      cmd->add_option("--tier-shares", args->tier_shares,
                      "LOW,HIGH: value tiers by rank of lifetime value, the bottom LOW share is "
                      "the low tier "
                      "(bargain), the top HIGH share the high tier (premium); default 0.5,0.15")
          ->delimiter(',')
          ->expected(2);
  cmd->add_option("--tier-cuts", args->tier_cuts,
                  "MIDDLE,HIGH: value tiers by lifetime value in major units instead: middle "
                  "above MIDDLE, high above HIGH")
      ->delimiter(',')
      ->expected(2)
      ->excludes(shares);
  cmd->add_flag("--json", args->json, "Print one JSON object instead of the readable summary");
  cmd->add_flag("--no-crosssell", args->no_crosssell,
                "With the store: do not rebuild the cross-sell model (rules, item neighbours, "
                "category coverage) after the retention analysis");
  cmd->add_option("--predictions", args->predictions_path, "Write one CSV row per customer here");
  cmd->add_option("--transactions", args->transactions_path,
                  "Analyse this CSV file (one row per transaction) instead of the store");
  cmd->add_option(
      "--map", args->map,
      "With --transactions: columns, e.g. customer=CustomerID,date=InvoiceDate,amount=Total");
  cmd->add_option("--date-format", args->date_format,
                  "With --transactions: strftime-style date format (default ISO 8601)");
  cmd->add_option("--currency", args->currency,
                  "With --transactions: ISO 4217 currency of the amounts (sets minor units)")
      ->capture_default_str();
  cmd->callback([&ctx, args] { ctx.exit_code = Run(ctx, *args); });
}

}  // namespace centric::retention
