// SPDX-License-Identifier: Apache-2.0
#include "api/response.h"

#include <boost/json/serialize.hpp>

namespace centric::api {

std::string_view Response::Header(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (k == name) return v;
  }
  return {};
}

Response JsonResponse(int status, const boost::json::value& body) {
  return Response{status, boost::json::serialize(body), {}};
}

Response NoContent() { return Response{204, {}, {}}; }

}  // namespace centric::api
