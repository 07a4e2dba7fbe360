// SPDX-License-Identifier: Apache-2.0
// Keyset pagination, shared by every list in every area.
#pragma once

#include <string>
#include <vector>

namespace centric::store {

// `cursor` is the opaque `next_cursor` of the previous page, empty for the first page.
// `limit` is clamped to [1, kMaxPageSize].
inline constexpr int kMaxPageSize = 500;
struct PageRequest {
  std::string cursor;
  int limit = 50;
};

template <typename T>
struct Page {
  std::vector<T> items;
  std::string next_cursor;  // empty on the last page
};

}  // namespace centric::store
