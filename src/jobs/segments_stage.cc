// SPDX-License-Identifier: Apache-2.0
#include "jobs/segments_stage.h"

#include <fmt/format.h>

#include <future>
#include <utility>

#include "jobs/transactions_source.h"

namespace centric::jobs {
namespace seg = analytics::segments;
namespace clv = analytics::clv;
namespace {

// The recency cuts are day counts before the as-of date; the report gives them as dates.
retention::RfmSection Rfm(const seg::RfmScores& rfm, int32_t as_of) {
  retention::RfmSection out;
  for (int r = 5; r >= 1; --r) {  // rows R = 5 (most recent) down to 1, columns FM = 1..5
    std::vector<int64_t>& row = out.grid.emplace_back();
    for (int fm = 1; fm <= 5; ++fm) row.push_back(rfm.grid.at(r, fm));
  }
  for (size_t k = 0; k < seg::kRfmSegmentCount; ++k) {
    out.segments.emplace_back(seg::RfmSegmentName(static_cast<seg::RfmSegment>(k)),
                              rfm.segment_counts[k]);
  }
  for (size_t k = 0; k < 4; ++k) {
    out.cuts.last_purchase_after.push_back(IsoDay(as_of - rfm.cuts.recency_days_below[k]));
    out.cuts.purchase_periods_above.push_back(rfm.cuts.periods_above[k]);
    out.cuts.total_spend_above_minor.push_back(rfm.cuts.monetary_above[k]);
  }
  return out;
}

retention::ChurnSection Churn(const seg::ChurnRiskBands& bands, const seg::ChurnRiskOptions& o) {
  retention::ChurnSection out{.p_alive_below = {.churned = o.churned_below,
                                                .high = o.high_below,
                                                .medium = o.medium_below}};
  for (auto band : {seg::ChurnRisk::kLow, seg::ChurnRisk::kMedium, seg::ChurnRisk::kHigh,
                    seg::ChurnRisk::kChurned}) {
    out.counts.emplace_back(seg::ChurnRiskName(band), bands.counts[static_cast<size_t>(band)]);
  }
  return out;
}

retention::TiersSection Tiers(const seg::ValueTiers& tiers, const std::vector<double>& clv) {
  std::array<double, 3> value{};
  for (size_t i = 0; i < clv.size(); ++i) value[static_cast<size_t>(tiers.tier[i])] += clv[i];
  retention::TiersSection out{
      .cuts_minor = {.middle_above = tiers.cuts.middle_above, .high_above = tiers.cuts.high_above}};
  for (auto tier : {seg::ValueTier::kLow, seg::ValueTier::kMiddle, seg::ValueTier::kHigh}) {
    auto k = static_cast<size_t>(tier);
    out.tiers.push_back(
        {.tier = std::string(seg::ValueTierName(tier)),
         .service_level = std::string(seg::ServiceLevelName(seg::ServiceLevelOf(tier))),
         .customers = tiers.counts[k],
         .clv_total_minor = value[k],
         .clv_mean_minor = tiers.counts[k] ? value[k] / tiers.counts[k] : 0.0});
  }
  return out;
}

retention::CohortsSection Cohorts(const seg::CohortMatrix& m) {
  retention::CohortsSection out{.as_of = IsoDay(m.as_of_day), .customers = m.customers};
  for (const auto& c : m.cohorts) {
    out.cohorts.push_back({.month = fmt::format("{:04}-{:02}", c.year, c.month),
                           .customers = c.customers,
                           .active = {c.active.begin(), c.active.end()},
                           .retention = {c.retention.begin(), c.retention.end()}});
  }
  return out;
}

retention::RepeatRate Repeat(const seg::RepeatRate& r) {
  return {.customers = r.customers, .repeaters = r.repeaters, .rate = r.rate};
}

retention::NewVsEstablished NewVsEstablishedSection(const seg::NewVsEstablished& n,
                                                    const seg::NewVsEstablishedOptions& o) {
  return {.as_of = IsoDay(o.as_of_day),
          .new_window_days = o.new_window_days,
          .follow_days = o.follow_days,
          .new_ = Repeat(n.new_customers),
          .established = Repeat(n.established),
          .lapsed = Repeat(n.lapsed),
          .follow_up_complete = n.follow_up_complete};
}

}  // namespace

Result<SegmentColumns> AddSegments(const clv::Transactions& transactions,
                                   const clv::RetentionReport& retention,
                                   const SegmentOptions& options,
                                   retention::AnalysisReport& report) {
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

  report.rfm = Rfm(*rfm, as_of);
  report.churn_risk = Churn(*churn, options.churn);
  report.tiers = Tiers(*tiers, retention.predictions.clv);
  report.cohorts = Cohorts(*cohorts);
  report.new_vs_established = NewVsEstablishedSection(*new_vs_established, nve);
  return SegmentColumns{.rfm_r = std::move(rfm->r),
                        .rfm_f = std::move(rfm->f),
                        .rfm_m = std::move(rfm->m),
                        .rfm_segment = std::move(rfm->segment),
                        .churn_risk = std::move(churn->band),
                        .tier = std::move(tiers->tier)};
}

}  // namespace centric::jobs
