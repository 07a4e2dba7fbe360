// SPDX-License-Identifier: Apache-2.0
#include "analytics/segments/order_statistics.h"

#include <algorithm>
#include <bit>
#include <cassert>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

namespace centric::analytics::segments {
namespace {

constexpr int kBucketBits = 16;

// An unsigned key with the order of the doubles (IEEE 754 bits, negatives flipped); -0.0 is
// folded into +0.0 first because the two compare equal.
uint64_t Key(double value) {
  const uint64_t bits = std::bit_cast<uint64_t>(value + 0.0);
  return (bits >> 63) ? ~bits : bits | (uint64_t{1} << 63);
}

}  // namespace

// One radix step instead of nth_element over everything: a histogram of the top 16 bits of
// (key - min key) tells which bucket holds each wanted rank; only those few buckets are copied
// and searched. Three read-only passes, so a million values cost a few milliseconds and the
// caller's array is left alone.
void SelectRanks(std::span<const double> values, std::span<const size_t> ranks,
                 std::span<double> out) {
  assert(out.size() == ranks.size());  // caller sized the output
  assert(ranks.size() < 255);          // slots are bytes
  assert(std::is_sorted(ranks.begin(), ranks.end()));
  assert(ranks.empty() || ranks.back() < values.size());
  if (ranks.empty()) return;

  uint64_t lo = std::numeric_limits<uint64_t>::max(), hi = 0;
  for (double v : values) {
    const uint64_t k = Key(v);
    lo = std::min(lo, k);
    hi = std::max(hi, k);
  }
  if (lo == hi) {
    std::fill(out.begin(), out.end(), values[0] + 0.0);
    return;
  }
  const int shift = std::max(0, static_cast<int>(std::bit_width(hi - lo)) - kBucketBits);
  std::vector<uint32_t> count(static_cast<size_t>((hi - lo) >> shift) + 1, 0);
  for (double v : values) ++count[(Key(v) - lo) >> shift];

  // Each rank's bucket, and its rank inside that bucket; equal buckets share a slot.
  std::vector<uint8_t> slot_of(count.size(), 0);  // 0 = not wanted, else slot + 1
  std::vector<size_t> slot_bucket;
  std::vector<size_t> rank_slot(ranks.size()), rank_within(ranks.size());
  size_t bucket = 0, before = 0;
  for (size_t i = 0; i < ranks.size(); ++i) {
    while (before + count[bucket] <= ranks[i]) before += count[bucket++];
    if (slot_of[bucket] == 0) {
      slot_bucket.push_back(bucket);
      slot_of[bucket] = static_cast<uint8_t>(slot_bucket.size());
    }
    rank_slot[i] = slot_of[bucket] - 1;
    rank_within[i] = ranks[i] - before;
  }

  std::vector<std::vector<double>> members(slot_bucket.size());
  for (size_t s = 0; s < slot_bucket.size(); ++s) members[s].reserve(count[slot_bucket[s]]);
  for (double v : values) {
    const uint8_t slot = slot_of[(Key(v) - lo) >> shift];
    if (slot != 0) members[slot - 1].push_back(v);
  }
  for (size_t i = 0; i < ranks.size(); ++i) {
    std::vector<double>& m = members[rank_slot[i]];
    std::nth_element(m.begin(), m.begin() + rank_within[i], m.end());
    out[i] = m[rank_within[i]] + 0.0;
  }
}

size_t CeilShareOf(double share, size_t n) {
  assert(share >= 0 && share <= 1);  // callers validate shares first
  const int64_t ppm = std::llround(share * 1e6);
  const int64_t scaled = ppm * static_cast<int64_t>(n);
  return static_cast<size_t>((scaled + 999'999) / 1'000'000);
}

}  // namespace centric::analytics::segments
