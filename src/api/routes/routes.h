// SPDX-License-Identifier: Apache-2.0
// One function per resource adds that resource's routes; handle_request.cc calls them all,
// and each area's own (areas/<area>/routes) once.
// Each route's method, path and access are listed in docs/api.md and openapi.json.
#pragma once

#include "api/router.h"

namespace centric::api {

void AddMetaRoutes(Router& router);   // /health, /api/v1/openapi.json
void AddAuditRoutes(Router& router);  // /api/v1/audit..., /api/v1/events (admin)

}  // namespace centric::api
