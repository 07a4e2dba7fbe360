// SPDX-License-Identifier: Apache-2.0
#include "analytics/basket/baskets.h"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

namespace centric::analytics::basket {

uint32_t ItemDictionary::Intern(std::string_view name) {
  auto it = ids_.find(name);
  if (it != ids_.end()) return it->second;
  const auto id = static_cast<uint32_t>(names_.size());
  names_.emplace_back(name);
  ids_.emplace(names_.back(), id);
  return id;
}

int64_t ItemDictionary::Find(std::string_view name) const {
  auto it = ids_.find(name);
  return it == ids_.end() ? -1 : static_cast<int64_t>(it->second);
}

std::vector<uint32_t> ItemDictionary::SortByName() {
  std::vector<uint32_t> order(names_.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(),
            [&](uint32_t a, uint32_t b) { return names_[a] < names_[b]; });
  std::vector<uint32_t> new_id(names_.size());
  std::vector<std::string> names(names_.size());
  for (uint32_t rank = 0; rank < order.size(); ++rank) {
    new_id[order[rank]] = rank;
    names[rank] = std::move(names_[order[rank]]);
  }
  names_ = std::move(names);
  for (auto& [name, id] : ids_) id = new_id[id];
  return new_id;
}

Result<Baskets> Baskets::Build(std::vector<uint64_t> offsets, std::vector<uint32_t> items,
                               ItemDictionary dictionary) {
  if (offsets.empty() || offsets.front() != 0 || offsets.back() != items.size()) {
    return Error(InvalidArgument("basket offsets must run from 0 to the number of items"));
  }
  if (offsets.size() - 1 > kMaxBaskets) {
    return Error(ResourceExhausted(
        fmt::format("{} baskets: at most {} are supported", offsets.size() - 1, kMaxBaskets)));
  }
  const size_t n = offsets.size() - 1;
  uint64_t write = 0;
  for (size_t b = 0; b < n; ++b) {
    const uint64_t begin = offsets[b], end = offsets[b + 1];
    if (end < begin) return Error(InvalidArgument("basket offsets must not decrease"));
    std::sort(items.begin() + begin, items.begin() + end);
    offsets[b] = write;
    for (uint64_t i = begin; i < end; ++i) {
      if (items[i] >= dictionary.size()) {
        return Error(InvalidArgument(fmt::format(
            "basket {}: item id {} is not in the dictionary of {} items", b, items[i],
            dictionary.size())));
      }
      if (i == begin || items[i] != items[i - 1]) items[write++] = items[i];
    }
  }
  offsets[n] = write;
  items.resize(write);
  items.shrink_to_fit();
  Baskets out;
  out.offsets_ = std::move(offsets);
  out.items_ = std::move(items);
  out.dictionary_ = std::move(dictionary);
  return out;
}

Baskets Baskets::FromLists(const std::vector<std::vector<uint32_t>>& lists) {
  std::vector<uint64_t> offsets{0};
  std::vector<uint32_t> items;
  uint32_t max_id = 0;
  bool any = false;
  for (const auto& list : lists) {
    for (uint32_t item : list) {
      items.push_back(item);
      max_id = std::max(max_id, item);
      any = true;
    }
    offsets.push_back(items.size());
  }
  ItemDictionary dictionary;
  if (any) {
    for (uint32_t id = 0; id <= max_id; ++id) dictionary.Intern(std::to_string(id));
  }
  auto built = Build(std::move(offsets), std::move(items), std::move(dictionary));
  // Every id is below max_id + 1 = dictionary.size(), and the offsets are built in order.
  return std::move(*built);
}

}  // namespace centric::analytics::basket
