// SPDX-License-Identifier: Apache-2.0
// IdMap: string key -> int64 id, the importer's memory of which external ids, skus and
// invoices it has already written. Open addressing with linear probing over one array, with
// the full hash kept beside each key, so a look-up on the per-row hot path is usually one
// cache line and no division (std::unordered_map cost ~20% of parsing in profiles).
// Not thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace centric::ingest {

class IdMap {
 public:
  // The id stored for `key`, or nullptr. Valid until the next Insert.
  const int64_t* Find(std::string_view key) const;
  // Stores `id` for `key`, replacing an earlier one.
  void Insert(std::string_view key, int64_t id);
  size_t size() const { return size_; }

 private:
  struct Slot {
    uint64_t hash = 0;  // 0 marks an empty slot; real hashes are made non-zero
    int64_t id = 0;
    std::string key;
  };
  static uint64_t Hash(std::string_view key);
  void Grow();

  std::vector<Slot> slots_;
  size_t size_ = 0;
};

}  // namespace centric::ingest
