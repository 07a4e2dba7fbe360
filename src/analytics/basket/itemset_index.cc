// SPDX-License-Identifier: Apache-2.0
#include "analytics/basket/itemset_index.h"

#include <bit>

namespace centric::analytics::basket::internal {

ItemsetIndex::ItemsetIndex(const Itemsets& sets) : sets_(sets) {
  // At most half full, so a probe sequence stays short.
  const uint64_t slots = std::bit_ceil(std::max<uint64_t>(2 * sets.size(), 16));
  table_.assign(slots, 0);
  mask_ = slots - 1;
  for (size_t i = 0; i < sets.size(); ++i) {
    uint64_t slot = Hash(sets.itemset(i)) & mask_;
    while (table_[slot] != 0) slot = (slot + 1) & mask_;
    table_[slot] = static_cast<uint32_t>(i + 1);
  }
}

}  // namespace centric::analytics::basket::internal
