// SPDX-License-Identifier: Apache-2.0
#include "jobs/segments_stage.h"

#include <fmt/format.h>

#include <future>
#include <utility>

#include "jobs/transactions_source.h"

namespace centric::jobs {
namespace json = boost::json;
namespace seg = analytics::segments;
namespace clv = analytics::clv;
namespace {

std::string IsoDay(int32_t day) { return FormatIso8601(StartOfDay(day)).substr(0, 10); }

// The recency cuts are day counts before the as-of date; the report gives them as dates.
json::object RfmJson(const seg::RfmScores& rfm, int32_t as_of) {
  json::array grid;  // rows R = 5 (most recent) down to 1, columns FM = 1..5
  for (int r = 5; r >= 1; --r) {
    json::array row;
    for (int fm = 1; fm <= 5; ++fm) row.emplace_back(rfm.grid.at(r, fm));
    grid.emplace_back(std::move(row));
  }
  json::object segments;
  for (size_t k = 0; k < seg::kRfmSegmentCount; ++k) {
    segments[seg::RfmSegmentName(static_cast<seg::RfmSegment>(k))] = rfm.segment_counts[k];
  }
  json::array recency, periods, monetary;
  for (size_t k = 0; k < 4; ++k) {
    recency.emplace_back(IsoDay(as_of - rfm.cuts.recency_days_below[k]));
    periods.emplace_back(rfm.cuts.periods_above[k]);
    monetary.emplace_back(rfm.cuts.monetary_above[k]);
  }
  return {{"grid", std::move(grid)},
          {"grid_rows", "r from 5 down to 1"},
          {"grid_columns", "fm from 1 up to 5"},
          {"segments", std::move(segments)},
          {"cuts",
           {{"last_purchase_after", std::move(recency)},
            {"purchase_periods_above", std::move(periods)},
            {"total_spend_above_minor", std::move(monetary)}}}};
}

json::object ChurnJson(const seg::ChurnRiskBands& bands, const seg::ChurnRiskOptions& o) {
  json::object counts;
  for (auto band : {seg::ChurnRisk::kLow, seg::ChurnRisk::kMedium, seg::ChurnRisk::kHigh,
                    seg::ChurnRisk::kChurned}) {
    counts[seg::ChurnRiskName(band)] = bands.counts[static_cast<size_t>(band)];
  }
  return {{"counts", std::move(counts)},
          {"p_alive_below",
           {{"churned", o.churned_below}, {"high", o.high_below}, {"medium", o.medium_below}}}};
}

json::object TiersJson(const seg::ValueTiers& tiers, const std::vector<double>& clv) {
  std::array<double, 3> value{};
  for (size_t i = 0; i < clv.size(); ++i) value[static_cast<size_t>(tiers.tier[i])] += clv[i];
  json::array rows;
  for (auto tier : {seg::ValueTier::kLow, seg::ValueTier::kMiddle, seg::ValueTier::kHigh}) {
    auto k = static_cast<size_t>(tier);
    rows.push_back({{"tier", seg::ValueTierName(tier)},
                    {"service_level", seg::ServiceLevelName(seg::ServiceLevelOf(tier))},
                    {"customers", tiers.counts[k]},
                    {"clv_total_minor", value[k]},
                    {"clv_mean_minor", tiers.counts[k] ? value[k] / tiers.counts[k] : 0.0}});
  }
  return {{"tiers", std::move(rows)},
          {"cuts_minor",
           {{"middle_above", tiers.cuts.middle_above}, {"high_above", tiers.cuts.high_above}}}};
}

json::object CohortsJson(const seg::CohortMatrix& m) {
  json::array cohorts;
  for (const auto& c : m.cohorts) {
    json::array active, retention;
    for (int64_t a : c.active) active.emplace_back(a);
    for (double r : c.retention) retention.emplace_back(r);
    cohorts.push_back({{"month", fmt::format("{:04}-{:02}", c.year, c.month)},
                       {"customers", c.customers},
                       {"active", std::move(active)},
                       {"retention", std::move(retention)}});
  }
  return {{"as_of", IsoDay(m.as_of_day)},
          {"customers", m.customers},
          {"cohorts", std::move(cohorts)}};
}

json::object RepeatJson(const seg::RepeatRate& r) {
  return {{"customers", r.customers}, {"repeaters", r.repeaters}, {"rate", r.rate}};
}

json::object NewVsEstablishedJson(const seg::NewVsEstablished& n,
                                  const seg::NewVsEstablishedOptions& o) {
  return {{"as_of", IsoDay(o.as_of_day)},
          {"new_window_days", o.new_window_days},
          {"follow_days", o.follow_days},
          {"new", RepeatJson(n.new_customers)},
          {"established", RepeatJson(n.established)},
          {"lapsed", RepeatJson(n.lapsed)},
          {"follow_up_complete", n.follow_up_complete}};
}

}  // namespace

Result<SegmentColumns> AddSegments(const clv::Transactions& transactions,
                                   const clv::RetentionReport& retention,
                                   const SegmentOptions& options, json::object& report) {
  const int32_t as_of = retention.options.as_of_day;
  // Cohorts and new-versus-established read the transactions; the scores read the
  // predictions. The two halves run side by side.
  seg::NewVsEstablishedOptions nve{.as_of_day = as_of - options.follow_days,
                                   .new_window_days = options.new_window_days,
                                   .follow_days = options.follow_days};
  auto by_transactions = std::async(std::launch::async, [&] {
    return std::pair{seg::BuildCohortMatrix(transactions, as_of),
                     // Measured up to the as-of date: the follow-up window ends on it.
                     seg::CompareNewAndEstablished(transactions, nve)};
  });
  auto rfm = seg::ScoreRfm(retention.summaries, {.as_of_day = as_of});
  auto churn = seg::AssignChurnRisk(retention.predictions.p_alive, options.churn);
  auto tiers = seg::AssignValueTiers(retention.predictions.clv, options.tiers);
  auto [cohorts, new_vs_established] = by_transactions.get();
  if (!rfm) return Error(rfm.error());
  if (!churn) return Error(churn.error());
  if (!tiers) return Error(tiers.error());
  if (!cohorts) return Error(cohorts.error());
  if (!new_vs_established) return Error(new_vs_established.error());

  report["rfm"] = RfmJson(*rfm, as_of);
  report["churn_risk"] = ChurnJson(*churn, options.churn);
  report["tiers"] = TiersJson(*tiers, retention.predictions.clv);
  report["cohorts"] = CohortsJson(*cohorts);
  report["new_vs_established"] = NewVsEstablishedJson(*new_vs_established, nve);
  return SegmentColumns{.rfm_r = std::move(rfm->r),
                        .rfm_f = std::move(rfm->f),
                        .rfm_m = std::move(rfm->m),
                        .rfm_segment = std::move(rfm->segment),
                        .churn_risk = std::move(churn->band),
                        .tier = std::move(tiers->tier)};
}

}  // namespace centric::jobs
