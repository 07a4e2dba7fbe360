// SPDX-License-Identifier: Apache-2.0
// Baskets: the input of market-basket analysis as plain arrays. A basket is a set of dense item
// ids (0 .. items - 1) stored in CSR form: basket b holds items[offsets[b] .. offsets[b + 1]),
// sorted ascending and without repeats. An ItemDictionary maps the external item names
// (product codes, or the numbers of a FIMI file) to the dense ids and back.
// Thread-safe for concurrent reads once built; the builders are not.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.h"

namespace centric::analytics::basket {

// Baskets and items are addressed with 32-bit ids; a larger input is ResourceExhausted.
inline constexpr uint64_t kMaxBaskets = uint64_t{0xFFFFFFFF};
inline constexpr uint64_t kMaxItems = uint64_t{0xFFFFFFFF};

class ItemDictionary {
 public:
  // The id of `name`, added as the next id when new.
  uint32_t Intern(std::string_view name);
  // The id of `name`, or -1 when it is not in the dictionary.
  int64_t Find(std::string_view name) const;
  // REQUIRES: id < size().
  const std::string& name(uint32_t id) const { return names_[id]; }
  size_t size() const { return names_.size(); }

  // Renumbers the ids so that they follow the byte order of the names; returns the new id of
  // every old id. Output sorted by id then reads in name order.
  std::vector<uint32_t> SortByName();

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::vector<std::string> names_;
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> ids_;
};

class Baskets {
 public:
  Baskets() = default;

  // Takes CSR arrays whose baskets may be unsorted and hold repeats; sorts each basket and drops
  // the repeats. InvalidArgument when the offsets are not a nondecreasing sequence from 0 to
  // items.size() or an item id is not below dictionary.size(); ResourceExhausted beyond
  // kMaxBaskets baskets.
  static Result<Baskets> Build(std::vector<uint64_t> offsets, std::vector<uint32_t> items,
                               ItemDictionary dictionary);

  // Baskets over the ids 0 .. max id, each named by its decimal number; for tests and tools.
  static Baskets FromLists(const std::vector<std::vector<uint32_t>>& lists);

  size_t size() const { return offsets_.size() - 1; }
  size_t num_items() const { return dictionary_.size(); }
  // Item occurrences over all baskets, after removing repeats.
  size_t total_items() const { return items_.size(); }
  std::span<const uint32_t> basket(size_t b) const {
    return {items_.data() + offsets_[b], items_.data() + offsets_[b + 1]};
  }
  const std::vector<uint64_t>& offsets() const { return offsets_; }
  const std::vector<uint32_t>& items() const { return items_; }
  const ItemDictionary& dictionary() const { return dictionary_; }

 private:
  std::vector<uint64_t> offsets_{0};
  std::vector<uint32_t> items_;
  ItemDictionary dictionary_;
};

}  // namespace centric::analytics::basket
