// SPDX-License-Identifier: Apache-2.0
// The named RFM segments and the rule that maps a cell of the 5 x 5 grid, recency score R by
// combined frequency-monetary score FM, to one of them. The table, from RFM practice (the
// R x FM grid), is in docs/segments.md; every cell belongs to exactly one segment.
// Thread-safe: pure functions.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/result.h"

namespace centric::analytics::segments {

// In order from best to worst; the machine names are stable (API, exports, saved filters).
enum class RfmSegment : uint8_t {
  kChampions,          // "champions"
  kLoyal,              // "loyal"
  kPotentialLoyalist,  // "potential_loyalist"
  kNew,                // "new"
  kPromising,          // "promising"
  kNeedAttention,      // "need_attention"
  kAboutToSleep,       // "about_to_sleep"
  kAtRisk,             // "at_risk"
  kCantLose,           // "cant_lose"
  kHibernating,        // "hibernating"
  kLost,               // "lost"
};
inline constexpr size_t kRfmSegmentCount = 11;

// The segment of grid cell (r, fm).
// REQUIRES: 1 <= r <= 5 and 1 <= fm <= 5.
RfmSegment SegmentOf(int r, int fm);

// The combined frequency-monetary score: the mean of F and M rounded down, so a customer
// reaches an FM level only when F and M together support it.
// REQUIRES: 1 <= f <= 5 and 1 <= m <= 5.
inline int FrequencyMonetaryScore(int f, int m) { return (f + m) / 2; }

// The machine name, e.g. "cant_lose".
std::string_view RfmSegmentName(RfmSegment segment);

// The segment of a machine name; InvalidArgument (field "segment") for an unknown one.
Result<RfmSegment> ParseRfmSegment(std::string_view name);

}  // namespace centric::analytics::segments
