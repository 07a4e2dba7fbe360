// SPDX-License-Identifier: Apache-2.0
// The catalogue and orders area's API: /api/v1/products... and /api/v1/orders.... Listed in
// docs/api.md and openapi.json.
#pragma once

#include "api/router.h"

namespace centric::orders {

// Adds every route of the area; handle_request.cc calls it once.
void AddOrderRoutes(api::Router& router);

}  // namespace centric::orders
