// SPDX-License-Identifier: Apache-2.0
// The customers area's API: /api/v1/customers... (the list with its filters, sorts and CSV and
// XLSX exports, CRUD, the customer view with its latest timeline, the timeline) and
// /api/v1/interactions.... Listed in docs/api.md and openapi.json.
#pragma once

#include "api/router.h"

namespace centric::customers {

// Adds every route of the area; handle_request.cc calls it once.
void AddCustomerRoutes(api::Router& router);

}  // namespace centric::customers
