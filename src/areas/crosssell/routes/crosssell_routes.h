// SPDX-License-Identifier: Apache-2.0
// The cross-sell area's API: /api/v1/customers/{id}/recommendations (next best offers),
// /api/v1/analytics/basket/rules and /api/v1/analytics/categories. Listed in docs/api.md and
// openapi.json.
#pragma once

#include "api/router.h"

namespace centric::crosssell {

// Adds every route of the area; handle_request.cc calls it once.
void AddCrossSellRoutes(api::Router& router);

}  // namespace centric::crosssell
