// SPDX-License-Identifier: Apache-2.0
#include "analytics/segments/value_tiers.h"

#include <algorithm>
#include <cmath>

#include "analytics/segments/input_checks.h"
#include "analytics/segments/order_statistics.h"

namespace centric::analytics::segments {
namespace {

Status CheckOptions(const ValueTierOptions& o) {
  if (o.absolute) {
    if (!std::isfinite(o.absolute->middle_above)) {
      return InvalidArgument("the middle cut must be a finite number", "middle_above");
    }
    if (!std::isfinite(o.absolute->high_above)) {
      return InvalidArgument("the high cut must be a finite number", "high_above");
    }
    if (o.absolute->high_above < o.absolute->middle_above) {
      return InvalidArgument("the high cut is below the middle cut", "high_above");
    }
    return Status::Ok();
  }
  if (!(o.low_share > 0 && o.low_share < 1)) {
    return InvalidArgument("the low share must be between 0 and 1, exclusive", "low_share");
  }
  if (!(o.high_share > 0 && o.high_share < 1)) {
    return InvalidArgument("the high share must be between 0 and 1, exclusive", "high_share");
  }
  if (o.low_share + o.high_share > 1 + 1e-9) {
    return InvalidArgument("the low and high shares add up to more than 1", "high_share");
  }
  return Status::Ok();
}

}  // namespace

Result<ValueTiers> AssignValueTiers(std::span<const double> value,
                                    const ValueTierOptions& options) {
  CENTRIC_RETURN_IF_ERROR(CheckOptions(options));
  CENTRIC_RETURN_IF_ERROR(CheckFinite(value, "value"));
  const size_t n = value.size();
  ValueTiers out;
  if (options.absolute) {
    out.cuts = *options.absolute;
  } else if (n > 0) {
    // A tier needing m customers strictly below starts above the value of rank m - 1. At
    // least one customer must be below (a share under one part in a million rounds to none),
    // and the high tier never starts below the middle one.
    const size_t middle_m = std::max<size_t>(1, CeilShareOf(options.low_share, n));
    const size_t high_m = std::max(middle_m, CeilShareOf(1 - options.high_share, n));
    const std::array<size_t, 2> ranks = {middle_m - 1, high_m - 1};
    std::array<double, 2> cuts;
    SelectRanks(value, ranks, cuts);
    out.cuts = {cuts[0], cuts[1]};
  }
  out.tier.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const int t = (value[i] > out.cuts.middle_above) + (value[i] > out.cuts.high_above);
    out.tier[i] = static_cast<ValueTier>(t);
    ++out.counts[t];
  }
  return out;
}

std::string_view ValueTierName(ValueTier tier) {
  switch (tier) {
    case ValueTier::kLow: return "low";
    case ValueTier::kMiddle: return "middle";
    case ValueTier::kHigh: return "high";
  }
  return "low";
}

std::string_view ServiceLevelName(ServiceLevel level) {
  switch (level) {
    case ServiceLevel::kBargain: return "bargain";
    case ServiceLevel::kStandard: return "standard";
    case ServiceLevel::kPremium: return "premium";
  }
  return "bargain";
}

}  // namespace centric::analytics::segments
