// SPDX-License-Identifier: Apache-2.0
// The retention area's API: /api/v1/analytics/... (summary, rfm, cohorts, clv, tiers of the
// latest analysis) and /api/v1/customers/{id}/predictions. Listed in docs/api.md and
// openapi.json.
#pragma once

#include "api/router.h"

namespace centric::retention {

// Adds every route of the area; handle_request.cc calls it once.
void AddRetentionRoutes(api::Router& router);

}  // namespace centric::retention
