// SPDX-License-Identifier: Apache-2.0
// Value tiers low / middle / high from a per-customer value (usually predicted lifetime value)
// and the service level each maps to: bargain / standard / premium. A customer is in a higher
// tier when their value is strictly above the tier's cut, so equal values share a tier. The
// cuts are given by the caller (absolute) or placed by rank (default): by default the bottom
// 50 % of customers are low, the next 35 % middle and the top 15 % high; a tie across a
// boundary stays in the lower tier (the rule of quintiles.h), so a tier may hold fewer
// customers than its share. Defaults are argued in docs/segments.md.
// Thread-safe: pure functions.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace centric::analytics::segments {

enum class ValueTier : uint8_t { kLow, kMiddle, kHigh };
enum class ServiceLevel : uint8_t { kBargain, kStandard, kPremium };

// Middle when value > middle_above; high when value > high_above.
struct TierCuts {
  double middle_above = 0;
  double high_above = 0;
};

struct ValueTierOptions {
  // By rank: middle needs at least low_share of customers strictly below; high needs at least
  // 1 - high_share. Shares count to one part in a million.
  double low_share = 0.50;
  double high_share = 0.15;
  // When set, these cuts are used as they are and the shares are ignored.
  std::optional<TierCuts> absolute;
};

struct ValueTiers {
  std::vector<ValueTier> tier;  // one per value, in input order
  TierCuts cuts;                // the cuts used; by rank, each is one of the values
  std::array<int64_t, 3> counts{};  // indexed by ValueTier
};

// Assigns tiers. No values give no tiers, and cuts that are the absolute ones or 0.
// InvalidArgument naming the field for a NaN or infinite value ("value"), shares outside
// (0, 1) or summing past 1 ("low_share", "high_share"), or absolute cuts that are not finite
// or not ordered middle <= high ("middle_above", "high_above").
Result<ValueTiers> AssignValueTiers(std::span<const double> value, const ValueTierOptions& options);

inline ServiceLevel ServiceLevelOf(ValueTier tier) { return static_cast<ServiceLevel>(tier); }

std::string_view ValueTierName(ValueTier tier);           // "low", "middle", "high"
std::string_view ServiceLevelName(ServiceLevel level);    // "bargain", "standard", "premium"

}  // namespace centric::analytics::segments
