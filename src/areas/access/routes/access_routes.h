// SPDX-License-Identifier: Apache-2.0
// The access area's API: sign-in and sessions, users, saved views, API tokens. Each route's
// method, path and access level are listed in docs/api.md and openapi.json.
#pragma once

#include "api/router.h"

namespace centric::access {

// Adds every route below; handle_request.cc calls it once.
void AddAccessRoutes(api::Router& router);

void AddSessionRoutes(api::Router& router);  // /api/v1/session: web app sign-in and sign-out
void AddUserRoutes(api::Router& router);     // /api/v1/users... (admin)
void AddViewRoutes(api::Router& router);     // /api/v1/views...: a user's saved views
void AddTokenRoutes(api::Router& router);    // /api/v1/tokens... (admin)

}  // namespace centric::access
