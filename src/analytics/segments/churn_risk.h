// SPDX-License-Identifier: Apache-2.0
// Churn-risk bands from the probability that a customer is still active (P(alive) of the
// BG/NBD or Pareto/NBD model): with the default thresholds
//   low      P >= 0.80
//   medium   0.50 <= P < 0.80
//   high     0.10 <= P < 0.50
//   churned  P < 0.10   (set churned_below = 0 to never call anyone churned)
// Thresholds are argued in docs/segments.md. Under BG/NBD a customer without a repeat
// purchase has P(alive) = 1 by construction and so always lands in `low`.
// Thread-safe: pure functions.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace centric::analytics::segments {

enum class ChurnRisk : uint8_t { kLow, kMedium, kHigh, kChurned };

struct ChurnRiskOptions {
  double churned_below = 0.10;
  double high_below = 0.50;
  double medium_below = 0.80;
};

struct ChurnRiskBands {
  std::vector<ChurnRisk> band;      // one per probability, in input order
  std::array<int64_t, 4> counts{};  // indexed by ChurnRisk
};

// Bands every probability. InvalidArgument naming the field for a probability that is NaN or
// outside [0, 1] ("p_alive") or thresholds not ordered
// 0 <= churned_below <= high_below <= medium_below <= 1 ("churned_below", "high_below",
// "medium_below").
Result<ChurnRiskBands> AssignChurnRisk(std::span<const double> p_alive,
                                       const ChurnRiskOptions& options);

std::string_view ChurnRiskName(ChurnRisk band);  // "low", "medium", "high", "churned"

}  // namespace centric::analytics::segments
