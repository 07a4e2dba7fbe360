// SPDX-License-Identifier: Apache-2.0
// RFM scoring: recency, frequency and monetary quintile scores (1..5, higher is better) for
// every customer of a set of summaries, the combined FM score, the named segment, and the
// 5 x 5 grid of counts (R by FM) the web app draws.
//   R  ranks the last purchase day: days since the last purchase at the as-of date, fewer is
//      better. (Not the summaries' `recency`, which is t_x, the age at the last purchase.)
//   F  ranks purchase periods, frequency + 1 (several purchases in one period count once).
//   M  ranks total spend (returns included) or, as an option, spend per purchase period.
// Quintiles keep ties together (see quintiles.h); rules and defaults in docs/segments.md.
// Thread-safe: pure functions.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "analytics/clv/summary.h"
#include "analytics/segments/quintiles.h"
#include "analytics/segments/rfm_segment.h"
#include "core/result.h"

namespace centric::analytics::segments {

enum class RfmMonetary {
  kTotalSpend,     // total_spend: what the customer is worth so far (the classic M)
  kMeanPerPeriod,  // total_spend / (frequency + 1): basket size, less tied to F
};

struct RfmOptions {
  int32_t as_of_day = 0;  // the summaries' as-of date, UTC day number
  RfmMonetary monetary = RfmMonetary::kTotalSpend;
};

// The cut points in the units the web app shows; index k - 2 is the threshold of score k.
struct RfmCuts {
  std::array<int32_t, 4> recency_days_below{};  // R >= k when days since last < this
  std::array<int32_t, 4> periods_above{};       // F >= k when purchase periods > this
  std::array<double, 4> monetary_above{};       // M >= k when monetary (minor units) > this
};

struct RfmGrid {
  std::array<std::array<int64_t, 5>, 5> counts{};  // counts[r - 1][fm - 1]
  int64_t at(int r, int fm) const { return counts[r - 1][fm - 1]; }
};

// Entry i is the customer of summaries entry i (summaries.customer[i]).
struct RfmScores {
  std::vector<uint8_t> r;
  std::vector<uint8_t> f;
  std::vector<uint8_t> m;
  std::vector<uint8_t> fm;  // FrequencyMonetaryScore(f, m)
  std::vector<RfmSegment> segment;
  RfmCuts cuts;  // all 0 when there are no customers
  RfmGrid grid;
  std::array<int64_t, kRfmSegmentCount> segment_counts{};  // indexed by RfmSegment

  size_t size() const { return r.size(); }
};

// Scores every summarized customer. No customers give empty scores and a zero grid.
// InvalidArgument naming the field when the summary columns differ in length ("frequency",
// "last_day", "total_spend"), a frequency is negative ("frequency"), or a last purchase is
// after the as-of date ("as_of_day").
Result<RfmScores> ScoreRfm(const clv::CustomerSummaries& summaries, const RfmOptions& options);

}  // namespace centric::analytics::segments
