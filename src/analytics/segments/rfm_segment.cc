// SPDX-License-Identifier: Apache-2.0
#include "analytics/segments/rfm_segment.h"

#include <cassert>
#include <string>

namespace centric::analytics::segments {
namespace {

using S = RfmSegment;

// Rows R = 5 (bought most recently) down to 1; columns FM = 1..5. Written as the grid the web
// app draws, so the table in docs/segments.md can be checked against it by eye.
constexpr S kGrid[5][5] = {
    /* R=5 */ {S::kNew, S::kPotentialLoyalist, S::kPotentialLoyalist, S::kChampions, S::kChampions},
    /* R=4 */ {S::kPromising, S::kPotentialLoyalist, S::kPotentialLoyalist, S::kLoyal, S::kLoyal},
    /* R=3 */ {S::kAboutToSleep, S::kAboutToSleep, S::kNeedAttention, S::kLoyal, S::kLoyal},
    /* R=2 */ {S::kHibernating, S::kHibernating, S::kAtRisk, S::kAtRisk, S::kCantLose},
    /* R=1 */ {S::kLost, S::kLost, S::kAtRisk, S::kAtRisk, S::kCantLose},
};

constexpr std::array<std::string_view, kRfmSegmentCount> kNames = {
    "champions", "loyal",  "potential_loyalist", "new",       "promising", "need_attention",
    "about_to_sleep", "at_risk", "cant_lose",    "hibernating", "lost",
};

}  // namespace

RfmSegment SegmentOf(int r, int fm) {
  assert(r >= 1 && r <= 5 && fm >= 1 && fm <= 5);  // scores come from QuintileScore
  return kGrid[5 - r][fm - 1];
}

std::string_view RfmSegmentName(RfmSegment segment) {
  return kNames[static_cast<size_t>(segment)];
}

Result<RfmSegment> ParseRfmSegment(std::string_view name) {
  for (size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == name) return static_cast<RfmSegment>(i);
  }
  return Error(InvalidArgument("unknown RFM segment '" + std::string(name) + "'", "segment"));
}

}  // namespace centric::analytics::segments
