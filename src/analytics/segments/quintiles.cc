// SPDX-License-Identifier: Apache-2.0
#include "analytics/segments/quintiles.h"

#include "analytics/segments/input_checks.h"
#include "analytics/segments/order_statistics.h"

namespace centric::analytics::segments {

QuintileCuts ComputeQuintileCuts(std::span<const double> values) {
  QuintileCuts above{};
  const size_t n = values.size();
  if (n == 0) return above;
  // Score >= k needs L >= m = ceil((k - 1) n / 5), i.e. more than the value of rank m - 1.
  std::array<size_t, 4> ranks;
  for (size_t k = 2; k <= 5; ++k) ranks[k - 2] = ((k - 1) * n + 4) / 5 - 1;
  SelectRanks(values, ranks, above);
  return above;
}

Result<Quintiles> ScoreQuintiles(std::span<const double> values, std::string_view field) {
  CENTRIC_RETURN_IF_ERROR(CheckFinite(values, field));
  Quintiles out;
  out.above = ComputeQuintileCuts(values);
  out.score.resize(values.size());
  for (size_t i = 0; i < values.size(); ++i) out.score[i] = QuintileScore(values[i], out.above);
  return out;
}

}  // namespace centric::analytics::segments
