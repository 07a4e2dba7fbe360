// SPDX-License-Identifier: Apache-2.0
// IdMap: string key -> int64 id, the importer's memory of which external ids, skus and
// invoices it has already written. Abseil's flat hash map (SwissTable): a look-up on the
// per-row hot path is usually one cache line, and keys are looked up as string_views without
// building a string. Not thread-safe.
#pragma once

#include <absl/container/flat_hash_map.h>
#include <absl/strings/string_view.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace centric::ingest {

class IdMap {
 public:
  // The id stored for `key`, or nullptr. Valid until the next Insert.
  const int64_t* Find(std::string_view key) const {
    // Debian's Abseil has its own string_view type, which its string hash takes.
    auto it = ids_.find(absl::string_view(key.data(), key.size()));
    return it == ids_.end() ? nullptr : &it->second;
  }
  // Stores `id` for `key`, replacing an earlier one.
  void Insert(std::string_view key, int64_t id) { ids_.insert_or_assign(std::string(key), id); }
  size_t size() const { return ids_.size(); }

 private:
  absl::flat_hash_map<std::string, int64_t> ids_;
};

}  // namespace centric::ingest
