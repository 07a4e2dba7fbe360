// SPDX-License-Identifier: Apache-2.0
// Order statistics without sorting: quintile and tier cut points, and the report's lifetime
// value quantiles, need only a handful of ranks, found in a few linear passes over the values.
#pragma once

#include <cstddef>
#include <span>

namespace centric::analytics::segments {

// Fills out[i] with the value of rank ranks[i] (0-based, in ascending order) among `values`.
// REQUIRES: values finite; ranks nondecreasing, fewer than 255, each below values.size();
// out.size() == ranks.size().
void SelectRanks(std::span<const double> values, std::span<const size_t> ranks,
                 std::span<double> out);

// The rank that a share of `n` values ends before, rounded up: ceil(share * n), with the share
// taken to one part in a million so that 0.85 * 100 is 85, not 86.
// REQUIRES: 0 <= share <= 1.
size_t CeilShareOf(double share, size_t n);

}  // namespace centric::analytics::segments
