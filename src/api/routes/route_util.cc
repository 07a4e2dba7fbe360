// SPDX-License-Identifier: Apache-2.0
#include "api/routes/route_util.h"

#include <charconv>

namespace centric::api {

Result<int64_t> IdParam(const Request& request) {
  std::string_view text = request.PathParam("id");
  int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || id <= 0) {
    return Error(InvalidArgument("must be a positive integer", "id"));
  }
  return id;
}

Result<boost::json::object> JsonBody(const Request& request) {
  if (request.body.empty()) return Error(InvalidArgument("request body must be a JSON object"));
  return ParseJsonObject(request.body);
}

Status WriteError(Status status) {
  if (status.code() == StatusCode::kNotFound && !status.field().empty()) {
    return InvalidArgument(status.message(), status.field());
  }
  return status;
}

store::PageRequest ReadPage(QueryReader& query) {
  store::PageRequest page;
  page.cursor = query.String("cursor");
  page.limit = static_cast<int>(query.Int("limit", page.limit, 1, store::kMaxPageSize));
  return page;
}

Response Created(const boost::json::object& body, std::string location) {
  Response r = JsonResponse(201, body);
  r.headers.emplace_back("Location", std::move(location));
  return r;
}

}  // namespace centric::api
