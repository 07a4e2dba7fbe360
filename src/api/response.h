// SPDX-License-Identifier: Apache-2.0
// Response: what a handler returns, as a plain value; http/ writes it to the wire. Bodies are
// JSON (Content-Type application/json) or empty.
#pragma once

#include <boost/json/value.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace centric::api {

struct Response {
  int status = 200;
  std::string body;                                          // JSON text; empty for 204
  std::vector<std::pair<std::string, std::string>> headers;  // besides Content-Type/Length

  // The value of header `name` (exact case), or empty.
  std::string_view Header(std::string_view name) const;
};

// `status` with `body` serialized as JSON.
Response JsonResponse(int status, const boost::json::value& body);
// 204 with no body.
Response NoContent();

}  // namespace centric::api
