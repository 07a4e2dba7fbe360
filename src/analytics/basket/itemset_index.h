// SPDX-License-Identifier: Apache-2.0
// ItemsetIndex (private): finds an itemset's position in an Itemsets by its items, with one
// open-addressing hash probe sequence. Used to look up the subsets of an itemset when judging
// closed and maximal sets and when computing rules. Thread-safe for concurrent Find() calls;
// refers to the Itemsets, which must outlive it and stay unchanged.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include "analytics/basket/itemsets.h"

namespace centric::analytics::basket::internal {

class ItemsetIndex {
 public:
  // REQUIRES: sets.size() < UINT32_MAX.
  explicit ItemsetIndex(const Itemsets& sets);

  // The index of the set with exactly these items (ascending), or -1.
  int64_t Find(std::span<const uint32_t> items) const {
    for (uint64_t slot = Hash(items) & mask_;; slot = (slot + 1) & mask_) {
      const uint32_t entry = table_[slot];
      if (entry == 0) return -1;
      auto candidate = sets_.itemset(entry - 1);
      if (candidate.size() == items.size() &&
          std::equal(items.begin(), items.end(), candidate.begin())) {
        return entry - 1;
      }
    }
  }

  static uint64_t Hash(std::span<const uint32_t> items) {
    uint64_t h = items.size() * 0xD6E8FEB86659FD93ull;
    for (uint32_t item : items) {
      h = (h ^ item) * 0x9E3779B97F4A7C15ull;
      h ^= h >> 32;
    }
    return h;
  }

 private:
  const Itemsets& sets_;
  std::vector<uint32_t> table_;  // index + 1 of a set, 0 for an empty slot
  uint64_t mask_ = 0;
};

}  // namespace centric::analytics::basket::internal
