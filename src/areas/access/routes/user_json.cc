// SPDX-License-Identifier: Apache-2.0
#include "areas/access/routes/user_json.h"

namespace centric::access {

boost::json::object UserJson(const User& user) {
  return {{"id", user.id},
          {"email", user.email},
          {"name", user.name},
          {"role", RoleName(user.role)},
          {"disabled", user.disabled},
          {"created_at", FormatIso8601(user.created_at)},
          {"updated_at", FormatIso8601(user.updated_at)}};
}

}  // namespace centric::access
