// SPDX-License-Identifier: Apache-2.0
#include "areas/access/routes/token_json.h"

namespace centric::access {

boost::json::object ApiTokenJson(const ApiToken& t) {
  boost::json::object o;
  o["id"] = t.id;
  o["name"] = t.name;
  o["role"] = RoleName(t.role);
  o["created_at"] = FormatIso8601(t.created_at);
  o["revoked"] = t.revoked;
  return o;
}

}  // namespace centric::access
