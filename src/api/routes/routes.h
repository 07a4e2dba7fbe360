// SPDX-License-Identifier: Apache-2.0
// One function per resource adds that resource's routes; handle_request.cc calls them all.
// Each route's method, path and access are listed in docs/api.md and openapi.json.
#pragma once

#include "api/router.h"

namespace centric::api {

void AddMetaRoutes(Router& router);         // /health, /api/v1/openapi.json
void AddCustomerRoutes(Router& router);     // /api/v1/customers...
void AddProductRoutes(Router& router);      // /api/v1/products...
void AddOrderRoutes(Router& router);        // /api/v1/orders...
void AddInteractionRoutes(Router& router);  // /api/v1/interactions...
void AddTokenRoutes(Router& router);        // /api/v1/tokens... (admin)
void AddAnalyticsRoutes(Router& router);    // /api/v1/analytics/..., /customers/{id}/predictions
void AddCrossSellRoutes(Router& router);    // /customers/{id}/recommendations, basket rules, categories
void AddSessionRoutes(Router& router);      // /api/v1/session: web app sign-in and sign-out
void AddUserRoutes(Router& router);         // /api/v1/users... (admin)
void AddViewRoutes(Router& router);         // /api/v1/views...: a user's saved views
void AddAuditRoutes(Router& router);        // /api/v1/audit..., /api/v1/events (admin)

}  // namespace centric::api
