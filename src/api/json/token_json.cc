// SPDX-License-Identifier: Apache-2.0
#include "api/json/token_json.h"

namespace centric::api {

boost::json::object ApiTokenJson(const store::ApiToken& t) {
  boost::json::object o;
  o["id"] = t.id;
  o["name"] = t.name;
  o["role"] = RoleName(t.role);
  o["created_at"] = FormatIso8601(t.created_at);
  o["revoked"] = t.revoked;
  return o;
}

}  // namespace centric::api
