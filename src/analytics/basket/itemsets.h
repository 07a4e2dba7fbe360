// SPDX-License-Identifier: Apache-2.0
// Frequent itemset mining, exact: every set of items contained in at least `min count` baskets,
// with its count, or only the closed or the maximal ones. Depth-first over conditional
// (projected) databases with occurrence delivery, as in LCM (Uno, Kiyomi and Arimura, "LCM
// ver. 2: Efficient mining algorithms for frequent/closed/maximal itemsets", FIMI 2004); the
// top-level branches run on several threads. Algorithm and measures: docs/basket.md.
// Thread-safe: pure functions of their arguments.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "analytics/basket/baskets.h"
#include "core/result.h"

namespace centric::analytics::basket {

enum class ItemsetKind {
  kAll,      // every frequent itemset
  kClosed,   // no proper superset (within max_len) has the same count
  kMaximal,  // no proper superset (within max_len) is frequent
};

struct MiningOptions {
  // A fraction of the baskets when below 1 (an itemset is frequent when count / baskets >=
  // min_support), else an absolute count of baskets, which must be a whole number.
  double min_support = 0.01;
  // Longest itemset reported; 0 for no limit. Closed and maximal are then judged among the
  // frequent itemsets of at most max_len items.
  uint32_t max_len = 0;
  ItemsetKind kind = ItemsetKind::kAll;
  // Worker threads; 0 for one per core.
  int threads = 0;
};

// Itemsets in CSR form, ordered by size, then by their items (ascending ids, compared
// lexicographically). Items within a set are ascending dictionary ids.
struct Itemsets {
  std::vector<uint64_t> offsets{0};
  std::vector<uint32_t> items;
  std::vector<uint32_t> counts;  // baskets containing the set
  uint64_t num_baskets = 0;
  uint32_t min_count = 1;
  uint32_t max_len = 0;
  ItemsetKind kind = ItemsetKind::kAll;

  size_t size() const { return counts.size(); }
  std::span<const uint32_t> itemset(size_t i) const {
    return {items.data() + offsets[i], items.data() + offsets[i + 1]};
  }
  size_t length(size_t i) const { return offsets[i + 1] - offsets[i]; }
  size_t longest() const;
};

// The smallest count that meets `min_support` for `num_baskets` baskets. InvalidArgument (field
// "min_support") when it is not positive and finite, when it is 1 or more and not a whole
// number, or when it is an absolute count above num_baskets.
Result<uint32_t> MinCount(double min_support, uint64_t num_baskets);

// Mines `baskets`. InvalidArgument for bad options (see MinCount; field "threads" when
// negative). The empty itemset is never reported.
Result<Itemsets> MineItemsets(const Baskets& baskets, const MiningOptions& options);

// The closed or maximal itemsets among `all`, in the same order.
// REQUIRES: all.kind == ItemsetKind::kAll (every frequent itemset up to all.max_len).
Itemsets SelectClosed(const Itemsets& all, int threads = 0);
Itemsets SelectMaximal(const Itemsets& all, int threads = 0);

std::string_view ItemsetKindName(ItemsetKind kind);  // "all", "closed" or "maximal"

}  // namespace centric::analytics::basket
