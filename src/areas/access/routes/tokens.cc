// SPDX-License-Identifier: Apache-2.0
// /api/v1/tokens: token management for admins, the same operations as `centric token`.
#include <boost/json/array.hpp>

#include "areas/access/credentials.h"
#include "areas/access/routes/token_json.h"
#include "api/routes/route_util.h"
#include "areas/access/routes/access_routes.h"

namespace centric::access {
namespace {

using namespace ::centric::api;  // NOLINT: these handlers are written against the HTTP layer

Response ListTokens(const Request& request, Services& services) {
  QueryReader query(request.query);
  if (Status s = query.Finish(); !s.ok()) return ErrorResponse(s);
  auto tokens = services.stores.access().ListTokens();
  if (!tokens) return ErrorResponse(tokens.error());
  // Few enough to fit one page; the list keeps the shape of every other list all the same.
  boost::json::array items;
  for (const auto& t : *tokens) items.emplace_back(ApiTokenJson(t));
  boost::json::object out;
  out["items"] = std::move(items);
  out["next_cursor"] = nullptr;
  return JsonResponse(200, out);
}

// Body {"role": "admin"|"agent"|"analyst", "name": "..."}; the response alone carries the
// secret, as "token".
Response CreateToken(const Request& request, Services& services) {
  auto body = JsonBody(request);
  if (!body) return ErrorResponse(body.error());
  std::string name;
  Result<Role> role = Error(InvalidArgument("is required", "role"));
  for (const auto& [key, value] : *body) {
    if (key == "name") {
      if (!value.is_string()) return ErrorResponse(InvalidArgument("must be a string", "name"));
      name = value.get_string();
    } else if (key == "role") {
      if (!value.is_string()) return ErrorResponse(InvalidArgument("must be a string", "role"));
      role = ParseRole(value.get_string());
      if (!role) return ErrorResponse(InvalidArgument(role.error().message(), "role"));
    } else {
      return ErrorResponse(InvalidArgument("unknown field", std::string(key)));
    }
  }
  if (!role) return ErrorResponse(role.error());
  auto issued = IssueToken(services.stores.access(), name, *role);
  if (!issued) return ErrorResponse(issued.error());
  boost::json::object out = ApiTokenJson(issued->token);
  out["token"] = issued->secret;
  return Created(out, "/api/v1/tokens/" + std::to_string(issued->token.id));
}

Response RevokeToken(const Request& request, Services& services) {
  auto id = IdParam(request);
  if (!id) return ErrorResponse(id.error());
  if (Status s = services.stores.access().RevokeToken(*id); !s.ok()) return ErrorResponse(s);
  return NoContent();
}

}  // namespace

void AddTokenRoutes(api::Router& router) {
  router.Add(api::Method::kGet, "/api/v1/tokens", api::Access::kAdmin, ListTokens);
  router.Add(api::Method::kPost, "/api/v1/tokens", api::Access::kAdmin, CreateToken);
  router.Add(api::Method::kDelete, "/api/v1/tokens/{id}", api::Access::kAdmin, RevokeToken);
}

}  // namespace centric::access
