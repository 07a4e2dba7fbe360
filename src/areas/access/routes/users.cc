// SPDX-License-Identifier: Apache-2.0
// /api/v1/users: web app accounts, managed by admins (the same operations as `centric user`).
#include <boost/json/array.hpp>

#include "areas/access/routes/user_json.h"
#include "areas/access/passwords.h"
#include "api/routes/route_util.h"
#include "areas/access/routes/access_routes.h"

namespace centric::access {
namespace {

using namespace ::centric::api;  // NOLINT: these handlers are written against the HTTP layer

namespace json = boost::json;

Response ListUsers(const Request& request, Services& services) {
  QueryReader query(request.query);
  if (Status s = query.Finish(); !s.ok()) return ErrorResponse(s);
  auto users = services.stores.access().ListUsers();
  if (!users) return ErrorResponse(users.error());
  json::array items;
  for (const auto& u : *users) items.emplace_back(UserJson(u));
  return JsonResponse(200, json::object{{"items", std::move(items)}, {"next_cursor", nullptr}});
}

// Reads the string `key` of `value` into `out`; InvalidArgument when it is not a string.
Status ReadString(const json::value& value, std::string_view key, std::string& out) {
  if (!value.is_string()) return InvalidArgument("must be a string", std::string(key));
  out = value.get_string();
  return Status::Ok();
}

// Body {"email","name","role","password"}.
Response CreateUser(const Request& request, Services& services) {
  auto body = JsonBody(request);
  if (!body) return ErrorResponse(body.error());
  User user;
  std::string password, role = "agent";
  for (const auto& [key, value] : *body) {
    Status s = key == "email"      ? ReadString(value, key, user.email)
               : key == "name"     ? ReadString(value, key, user.name)
               : key == "role"     ? ReadString(value, key, role)
               : key == "password" ? ReadString(value, key, password)
                                   : InvalidArgument("unknown field", std::string(key));
    if (!s.ok()) return ErrorResponse(s);
  }
  if (user.email.find('@') == std::string::npos) {
    return ErrorResponse(InvalidArgument("must be an email address", "email"));
  }
  auto parsed = ParseRole(role);
  if (!parsed) return ErrorResponse(InvalidArgument(parsed.error().message(), "role"));
  user.role = *parsed;
  auto hash = HashPassword(password);
  if (!hash) return ErrorResponse(hash.error());
  auto created = services.stores.access().CreateUser(user, *hash);
  if (!created) return ErrorResponse(created.error());
  return Created(UserJson(*created), "/api/v1/users/" + std::to_string(created->id));
}

// Body with any of {"name","role","disabled","password"}, applied as one write. Disabling a
// user or setting a new password ends their sessions.
Response UpdateUser(const Request& request, Services& services) {
  auto id = IdParam(request);
  if (!id) return ErrorResponse(id.error());
  auto body = JsonBody(request);
  if (!body) return ErrorResponse(body.error());
  auto user = services.stores.access().GetUser(*id);
  if (!user) return ErrorResponse(user.error());
  UserChange change;
  std::string password;
  for (const auto& [key, value] : *body) {
    if (key == "name") {
      std::string name;
      if (Status s = ReadString(value, key, name); !s.ok()) return ErrorResponse(s);
      change.name = std::move(name);
    } else if (key == "role") {
      std::string role;
      if (Status s = ReadString(value, key, role); !s.ok()) return ErrorResponse(s);
      auto parsed = ParseRole(role);
      if (!parsed) return ErrorResponse(InvalidArgument(parsed.error().message(), "role"));
      change.role = *parsed;
    } else if (key == "disabled") {
      if (!value.is_bool()) return ErrorResponse(InvalidArgument("must be true or false", key));
      change.disabled = value.get_bool();
    } else if (key == "password") {
      if (Status s = ReadString(value, key, password); !s.ok()) return ErrorResponse(s);
      auto hash = HashPassword(password);
      if (!hash) return ErrorResponse(hash.error());
      change.password_hash = std::move(*hash);
    } else if (key != "id" && key != "email" && key != "created_at" && key != "updated_at") {
      return ErrorResponse(InvalidArgument("unknown field", std::string(key)));
    }
  }
  // An admin cannot lock themselves out: the last way back in would be the command line.
  const bool disabled = change.disabled.value_or(user->disabled);
  const Role role = change.role.value_or(user->role);
  if (request.caller->user && request.caller->user->id == *id &&
      (disabled || role != Role::kAdmin)) {
    return ErrorResponse(Status(StatusCode::kFailedPrecondition,
                                "you cannot disable yourself or give up your own admin role"));
  }
  auto updated = services.stores.access().UpdateUser(*id, change);
  if (!updated) return ErrorResponse(updated.error());
  return JsonResponse(200, UserJson(*updated));
}

}  // namespace

void AddUserRoutes(api::Router& router) {
  router.Add(api::Method::kGet, "/api/v1/users", api::Access::kAdmin, ListUsers);
  router.Add(api::Method::kPost, "/api/v1/users", api::Access::kAdmin, CreateUser);
  router.Add(api::Method::kPatch, "/api/v1/users/{id}", api::Access::kAdmin, UpdateUser);
}

}  // namespace centric::access
