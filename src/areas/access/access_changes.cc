// SPDX-License-Identifier: Apache-2.0
#include "areas/access/access_changes.h"

#include <boost/json/object.hpp>
#include <utility>

namespace centric::access {
namespace {

namespace json = boost::json;
using platform::Change;

json::object Fields(const User& user) {
  return json::object{{"email", user.email},
                      {"name", user.name},
                      {"role", RoleName(user.role)},
                      {"disabled", user.disabled}};
}

using platform::MakeChange;
using platform::SetField;

}  // namespace

Change UserCreated(const User& user) {
  json::object fields;
  for (const auto& kv : Fields(user)) {
    const json::value& v = kv.value();
    if ((v.is_string() && v.get_string().empty()) || (v.is_bool() && !v.get_bool())) continue;
    fields[kv.key()] = SetField(v);
  }
  return MakeChange("create", "user", std::to_string(user.id), std::move(fields));
}

Change UserUpdated(const User& before, const User& after, bool password_changed,
                   int64_t sessions_ended) {
  const json::object b = Fields(before), a = Fields(after);
  json::object fields = platform::FieldChanges(&b, &a);
  if (password_changed) fields["password"] = SetField("changed");
  if (sessions_ended > 0) {
    fields["sessions"] = json::object{{"before", sessions_ended}, {"after", 0}};
  }
  return MakeChange("update", "user", std::to_string(after.id), std::move(fields));
}

Change SignedIn(int64_t user_id) { return MakeChange("sign_in", "user", std::to_string(user_id)); }

Change SignedOut(const std::string& user_id) { return MakeChange("sign_out", "user", user_id); }

Change SignedOutEverywhere(int64_t user_id, int64_t sessions_ended) {
  return MakeChange(
      "sign_out_everywhere", "user", std::to_string(user_id),
      json::object{{"sessions", json::object{{"before", sessions_ended}, {"after", 0}}}});
}

Change ViewCreated(const SavedView& view) {
  return MakeChange("create", "view", std::to_string(view.id),
                    json::object{{"name", SetField(json::value(view.name))}});
}

Change ViewDeleted(int64_t id) { return MakeChange("delete", "view", std::to_string(id)); }

Change TokenCreated(const ApiToken& token) {
  return MakeChange("create", "token", std::to_string(token.id),
                    json::object{{"name", SetField(json::value(token.name))},
                                 {"role", SetField(json::value(RoleName(token.role)))}});
}

Change TokenRevoked(int64_t id) { return MakeChange("revoke", "token", std::to_string(id)); }

}  // namespace centric::access
