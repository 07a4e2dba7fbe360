// SPDX-License-Identifier: Apache-2.0
// The webhooks area's API (admin only): /api/v1/webhooks (subscriptions, their delivery log and
// a test ping) and /api/v1/event-types. Listed in docs/api.md and openapi.json.
#pragma once

#include <boost/json/object.hpp>

#include "api/router.h"
#include "areas/webhooks/webhook_types.h"

namespace centric::webhooks {

// Adds every route of the area; handle_request.cc calls it once.
void AddWebhookRoutes(api::Router& router);

// A subscription as the API shows it: never its secret.
boost::json::object SubscriptionJson(const Subscription& subscription);
boost::json::object DeliveryJson(const Delivery& delivery);

}  // namespace centric::webhooks
