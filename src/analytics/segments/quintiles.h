// SPDX-License-Identifier: Apache-2.0
// Quintile scores 1..5 by rank, with ties kept together. A value's score is
//   1 + floor(5 * L / n),   L = how many of the n values are strictly smaller,
// so equal values always share a score, and a block of ties takes the score of its lowest
// rank (the percentile of SQL's RANK(), pandas' rank(method="min")). A higher score is earned
// only by being strictly above a fifth, two fifths... of the values: with one value, or no
// spread, every score is 1. Found from four order statistics, in linear time.
// Thread-safe: pure functions.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace centric::analytics::segments {

// Cut points: a value scores at least k (k = 2..5) exactly when it is above above[k - 2].
// Nondecreasing; each is one of the values. All 0 when there are no values.
using QuintileCuts = std::array<double, 4>;

struct Quintiles {
  std::vector<uint8_t> score;  // 1..5, one per value, in input order
  QuintileCuts above{};
};

// Scores `values`. InvalidArgument naming `field` when a value is NaN or infinite.
Result<Quintiles> ScoreQuintiles(std::span<const double> values, std::string_view field);

// The cut points of `values`.
// REQUIRES: every value finite.
QuintileCuts ComputeQuintileCuts(std::span<const double> values);

// The score of `value` against `above`.
inline uint8_t QuintileScore(double value, const QuintileCuts& above) {
  return static_cast<uint8_t>(1 + (value > above[0]) + (value > above[1]) +
                              (value > above[2]) + (value > above[3]));
}

}  // namespace centric::analytics::segments
