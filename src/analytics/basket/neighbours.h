// SPDX-License-Identifier: Apache-2.0
// Item-to-item neighbours for "bought X, also buys Y": for every item, the items most often
// bought by the same baskets (usually customers' purchase histories), by a shrunk cosine
//   sim(i, j) = n(i,j) / sqrt(n(i) n(j)) * n(i,j) / (n(i,j) + shrinkage).
// The cosine divides out popularity, so an item everyone buys is not everyone's neighbour; the
// shrinkage factor pulls pairs seen a few times towards 0, because their cosine is mostly noise
// (Koren, "Factor in the neighbors", TKDD 2010; Sarwar et al., WWW 2001). Why: docs/basket.md.
// Thread-safe: a pure function; it runs worker threads inside.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "analytics/basket/baskets.h"
#include "core/result.h"

namespace centric::analytics::basket {

struct NeighbourOptions {
  uint32_t top_k = 20;      // neighbours kept per item, >= 1
  double shrinkage = 10;    // >= 0; 0 is the plain cosine
  uint32_t min_count = 2;   // least baskets shared by a pair, >= 1
  int threads = 0;          // 0: one per core
};

struct ItemNeighbours {
  uint64_t num_baskets = 0;
  std::vector<uint32_t> item_counts;  // baskets holding each item
  // Neighbours of item i at [offsets[i], offsets[i + 1]), most similar first (ties: more
  // shared baskets, then lower id).
  std::vector<uint64_t> offsets{0};
  std::vector<uint32_t> neighbours;
  std::vector<uint32_t> co_counts;  // baskets holding both
  std::vector<double> similarities;

  size_t num_items() const { return item_counts.size(); }
  std::span<const uint32_t> of(uint32_t item) const {
    return {neighbours.data() + offsets[item], neighbours.data() + offsets[item + 1]};
  }
};

double ShrunkCosine(uint32_t co_count, uint32_t count_i, uint32_t count_j, double shrinkage);
// n(i,j) N / (n(i) n(j)): how many times more often the pair occurs than if independent.
double PairLift(uint32_t co_count, uint32_t count_i, uint32_t count_j, uint64_t num_baskets);

// The top_k neighbours of every item. InvalidArgument naming the option (field "top_k",
// "shrinkage", "min_count", "threads") when one is out of range.
Result<ItemNeighbours> ComputeNeighbours(const Baskets& baskets, const NeighbourOptions& options);

}  // namespace centric::analytics::basket
