// SPDX-License-Identifier: Apache-2.0
#include "analytics/segments/churn_risk.h"

#include <fmt/format.h>


namespace centric::analytics::segments {
namespace {

// The negated comparisons also reject NaN thresholds.
Status CheckOptions(const ChurnRiskOptions& o) {
  if (!(o.churned_below >= 0 && o.churned_below <= 1)) {
    return InvalidArgument("churned_below must be in [0, 1]", "churned_below");
  }
  if (!(o.high_below >= o.churned_below && o.high_below <= 1)) {
    return InvalidArgument("high_below must be in [churned_below, 1]", "high_below");
  }
  if (!(o.medium_below >= o.high_below && o.medium_below <= 1)) {
    return InvalidArgument("medium_below must be in [high_below, 1]", "medium_below");
  }
  return Status::Ok();
}

}  // namespace

Result<ChurnRiskBands> AssignChurnRisk(std::span<const double> p_alive,
                                       const ChurnRiskOptions& options) {
  CENTRIC_RETURN_IF_ERROR(CheckOptions(options));
  for (size_t i = 0; i < p_alive.size(); ++i) {
    // Negated so that NaN fails too.
    if (!(p_alive[i] >= 0 && p_alive[i] <= 1)) {
      return Error(InvalidArgument(fmt::format("p_alive[{}] = {} is not a probability", i,
                                               p_alive[i]),
                                   "p_alive"));
    }
  }
  ChurnRiskBands out;
  out.band.resize(p_alive.size());
  for (size_t i = 0; i < p_alive.size(); ++i) {
    // The enum runs low, medium, high, churned, so the band is the number of thresholds the
    // probability falls below; counted without branches, which random probabilities would
    // mispredict.
    const double p = p_alive[i];
    const int band = (p < options.medium_below) + (p < options.high_below) +
                     (p < options.churned_below);
    out.band[i] = static_cast<ChurnRisk>(band);
    ++out.counts[band];
  }
  return out;
}

std::string_view ChurnRiskName(ChurnRisk band) {
  switch (band) {
    case ChurnRisk::kLow: return "low";
    case ChurnRisk::kMedium: return "medium";
    case ChurnRisk::kHigh: return "high";
    case ChurnRisk::kChurned: return "churned";
  }
  return "low";
}

}  // namespace centric::analytics::segments
