// SPDX-License-Identifier: Apache-2.0
// /api/v1/users: web app accounts, managed by admins (the same operations as `centric user`).
#include <boost/json/array.hpp>

#include "api/json/user_json.h"
#include "api/passwords.h"
#include "api/routes/route_util.h"
#include "api/routes/routes.h"

namespace centric::api {
namespace {

namespace json = boost::json;

Response ListUsers(const Request& request, Services& services) {
  QueryReader query(request.query);
  if (Status s = query.Finish(); !s.ok()) return ErrorResponse(s);
  auto users = services.store.ListUsers();
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
  store::User user;
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
  auto created = services.store.CreateUser(user, *hash);
  if (!created) return ErrorResponse(created.error());
  return Created(UserJson(*created), "/api/v1/users/" + std::to_string(created->id));
}

// Body with any of {"name","role","disabled","password"}. Disabling a user or setting a new
// password ends their sessions.
Response UpdateUser(const Request& request, Services& services) {
  auto id = IdParam(request);
  if (!id) return ErrorResponse(id.error());
  auto body = JsonBody(request);
  if (!body) return ErrorResponse(body.error());
  auto user = services.store.GetUser(*id);
  if (!user) return ErrorResponse(user.error());
  std::string password;
  bool sign_out = false;
  for (const auto& [key, value] : *body) {
    if (key == "name") {
      if (Status s = ReadString(value, key, user->name); !s.ok()) return ErrorResponse(s);
    } else if (key == "role") {
      std::string role;
      if (Status s = ReadString(value, key, role); !s.ok()) return ErrorResponse(s);
      auto parsed = ParseRole(role);
      if (!parsed) return ErrorResponse(InvalidArgument(parsed.error().message(), "role"));
      user->role = *parsed;
    } else if (key == "disabled") {
      if (!value.is_bool()) return ErrorResponse(InvalidArgument("must be true or false", key));
      sign_out = sign_out || (value.get_bool() && !user->disabled);
      user->disabled = value.get_bool();
    } else if (key == "password") {
      if (Status s = ReadString(value, key, password); !s.ok()) return ErrorResponse(s);
      sign_out = true;
    } else if (key != "id" && key != "email" && key != "created_at" && key != "updated_at") {
      return ErrorResponse(InvalidArgument("unknown field", std::string(key)));
    }
  }
  // An admin cannot lock themselves out: the last way back in would be the command line.
  if (request.caller->user && request.caller->user->id == *id &&
      (user->disabled || user->role != Role::kAdmin)) {
    return ErrorResponse(Status(StatusCode::kFailedPrecondition,
                                "you cannot disable yourself or give up your own admin role"));
  }
  if (!password.empty()) {
    auto hash = HashPassword(password);
    if (!hash) return ErrorResponse(hash.error());
    if (Status s = services.store.SetUserPassword(*id, *hash); !s.ok()) return ErrorResponse(s);
  }
  auto updated = services.store.UpdateUser(*user);
  if (!updated) return ErrorResponse(updated.error());
  if (sign_out) {
    if (Status s = services.store.DeleteUserSessions(*id); !s.ok()) return ErrorResponse(s);
  }
  return JsonResponse(200, UserJson(*updated));
}

}  // namespace

void AddUserRoutes(Router& router) {
  router.Add(Method::kGet, "/api/v1/users", Access::kAdmin, ListUsers);
  router.Add(Method::kPost, "/api/v1/users", Access::kAdmin, CreateUser);
  router.Add(Method::kPatch, "/api/v1/users/{id}", Access::kAdmin, UpdateUser);
}

}  // namespace centric::api
