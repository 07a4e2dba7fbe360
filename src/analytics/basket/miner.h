// SPDX-License-Identifier: Apache-2.0
// The frequent itemset miner behind MineItemsets (private), after LCM. Depth-first: a
// prefix's conditional database holds, for the baskets containing the prefix, the items after
// its last item that are still frequent together with it, identical transactions merged into
// one with a weight. One pass delivers each transaction to the occurrence list of each item
// it holds; for each item, a pass over its occurrences counts the items after it, and a second
// copies the frequent ones into the child database. Items are ranked by ascending count, so
// the long occurrence lists of common items meet few candidates. Details: docs/basket.md.
// Thread-safe: the top-level branches are shared out between `threads` threads.
#pragma once

#include <cstdint>
#include <vector>

#include "analytics/basket/baskets.h"

namespace centric::analytics::basket::internal {

// Itemsets in CSR form, in no particular order; the items of a set are dictionary ids, not
// sorted.
struct RawItemsets {
  std::vector<uint64_t> offsets{0};
  std::vector<uint32_t> items;
  std::vector<uint32_t> counts;
};

// Largest table of pair counts made at the top level: 4 MiB, about 1,450 frequent items.
// Larger tables fall out of cache, and their scattered increments cost more than they save.
inline constexpr uint64_t kMaxPairBytes = uint64_t{4} << 20;

// Every itemset of at most max_len items (0: any) contained in at least min_count baskets,
// spread over one RawItemsets per thread that found some. The pairs are counted in one table
// when it takes at most max_pair_bytes, else per top-level item like the deeper levels.
// REQUIRES: min_count >= 1, threads >= 1.
std::vector<RawItemsets> MineFrequent(const Baskets& baskets, uint32_t min_count, uint32_t max_len,
                                      int threads, uint64_t max_pair_bytes = kMaxPairBytes);

}  // namespace centric::analytics::basket::internal
