// SPDX-License-Identifier: Apache-2.0
#include "ingest/id_map.h"

#include <cstring>

namespace centric::ingest {

uint64_t IdMap::Hash(std::string_view key) {
  // Eight bytes at a time through a multiply-xorshift mix, then the splitmix64 finalizer:
  // keys are short (ids, skus), so this beats byte-wise hashes, and it spreads sequential
  // ids ("10001", "10002") well enough for linear probing.
  uint64_t h = 0x9E3779B97F4A7C15ULL ^ key.size();
  const char* p = key.data();
  size_t n = key.size();
  while (n >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 29;
    p += 8;
    n -= 8;
  }
  if (n > 0) {
    uint64_t w = 0;
    std::memcpy(&w, p, n);
    h = (h ^ w) * 0xBF58476D1CE4E5B9ULL;
  }
  h ^= h >> 30;
  h *= 0xBF58476D1CE4E5B9ULL;
  h ^= h >> 27;
  h *= 0x94D049BB133111EBULL;
  h ^= h >> 31;
  return h | 1;
}

const int64_t* IdMap::Find(std::string_view key) const {
  if (slots_.empty()) return nullptr;
  const uint64_t h = Hash(key);
  const size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.hash == 0) return nullptr;
    if (s.hash == h && s.key == key) return &s.id;
  }
}

void IdMap::Insert(std::string_view key, int64_t id) {
  // Keep the table at most half full so probe runs stay short.
  if ((size_ + 1) * 2 > slots_.size()) Grow();
  const uint64_t h = Hash(key);
  const size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    Slot& s = slots_[i];
    if (s.hash == 0) {
      s.hash = h;
      s.id = id;
      s.key.assign(key);
      ++size_;
      return;
    }
    if (s.hash == h && s.key == key) {
      s.id = id;
      return;
    }
  }
}

void IdMap::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.clear();
  slots_.resize(old.empty() ? 1024 : old.size() * 2);
  const size_t mask = slots_.size() - 1;
  for (Slot& s : old) {
    if (s.hash == 0) continue;
    size_t i = s.hash & mask;
    while (slots_[i].hash != 0) i = (i + 1) & mask;
    slots_[i] = std::move(s);
  }
}

}  // namespace centric::ingest
