// SPDX-License-Identifier: Apache-2.0
// The JSON form of one page of a list: {"items":[...],"next_cursor":"..."|null}, null on the
// last page, so clients loop while next_cursor is not null.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "platform/store/page.h"

namespace centric::api {

template <typename T, typename ToJsonFn>
boost::json::object PageJson(const store::Page<T>& page, ToJsonFn&& to_json) {
  boost::json::array items;
  items.reserve(page.items.size());
  for (const T& item : page.items) items.emplace_back(to_json(item));
  boost::json::object out;
  out["items"] = std::move(items);
  out["next_cursor"] =
      page.next_cursor.empty() ? boost::json::value(nullptr) : boost::json::value(page.next_cursor);
  return out;
}

}  // namespace centric::api
