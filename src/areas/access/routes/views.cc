// SPDX-License-Identifier: Apache-2.0
// /api/v1/views: the signed-in user's saved customer-list views (a name and the list's query
// parameters). They belong to a person, so API tokens have none.
#include <boost/json.hpp>

#include "api/routes/route_util.h"
#include "areas/access/routes/access_routes.h"

namespace centric::access {
namespace {

using namespace ::centric::api;  // NOLINT: these handlers are written against the HTTP layer

namespace json = boost::json;

Result<int64_t> UserOf(const Request& request) {
  if (!request.caller->user) {
    return Error(InvalidArgument("saved views belong to web app users; API tokens have none"));
  }
  return request.caller->user->id;
}

json::object ViewJson(const SavedView& view) {
  json::value query;
  try {
    query = json::parse(view.query_json);
  } catch (const std::exception&) {
    query = json::object();
  }
  return {{"id", view.id},
          {"name", view.name},
          {"query", std::move(query)},
          {"created_at", FormatIso8601(view.created_at)}};
}

Response ListViews(const Request& request, Services& services) {
  QueryReader query(request.query);
  if (Status s = query.Finish(); !s.ok()) return ErrorResponse(s);
  auto user = UserOf(request);
  if (!user) return ErrorResponse(user.error());
  auto views = services.stores.access().ListViews(*user);
  if (!views) return ErrorResponse(views.error());
  json::array items;
  for (const auto& v : *views) items.emplace_back(ViewJson(v));
  return JsonResponse(200, json::object{{"items", std::move(items)}, {"next_cursor", nullptr}});
}

// Body {"name": "...", "query": {"tier": "high", ...}}: the query's values must be strings.
Response CreateView(const Request& request, Services& services) {
  auto user = UserOf(request);
  if (!user) return ErrorResponse(user.error());
  auto body = JsonBody(request);
  if (!body) return ErrorResponse(body.error());
  SavedView view;
  view.user_id = *user;
  view.query_json = "{}";
  for (const auto& [key, value] : *body) {
    if (key == "name") {
      if (!value.is_string() || value.get_string().empty() || value.get_string().size() > 200) {
        return ErrorResponse(InvalidArgument("must be a text of 1 to 200 characters", "name"));
      }
      view.name = value.get_string();
    } else if (key == "query") {
      if (!value.is_object()) return ErrorResponse(InvalidArgument("must be an object", "query"));
      for (const auto& [name, v] : value.get_object()) {
        if (!v.is_string()) {
          return ErrorResponse(InvalidArgument("values must be strings", "query." + std::string(name)));
        }
      }
      view.query_json = json::serialize(value);
    } else {
      return ErrorResponse(InvalidArgument("unknown field", std::string(key)));
    }
  }
  if (view.name.empty()) return ErrorResponse(InvalidArgument("is required", "name"));
  auto created = services.stores.access().CreateView(view);
  if (!created) return ErrorResponse(created.error());
  return Created(ViewJson(*created), "/api/v1/views/" + std::to_string(created->id));
}

Response DeleteView(const Request& request, Services& services) {
  auto user = UserOf(request);
  if (!user) return ErrorResponse(user.error());
  auto id = IdParam(request);
  if (!id) return ErrorResponse(id.error());
  if (Status s = services.stores.access().DeleteView(*user, *id); !s.ok()) return ErrorResponse(s);
  return NoContent();
}

}  // namespace

void AddViewRoutes(api::Router& router) {
  router.Add(api::Method::kGet, "/api/v1/views", api::Access::kRead, ListViews);
  router.Add(api::Method::kPost, "/api/v1/views", api::Access::kRead, CreateView);
  router.Add(api::Method::kDelete, "/api/v1/views/{id}", api::Access::kRead, DeleteView);
}

}  // namespace centric::access
