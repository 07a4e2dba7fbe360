// SPDX-License-Identifier: Apache-2.0
// What a subscriber receives: one event as a JSON object, and the headers that go with it.
//   {"id": "evt_<position>", "type": "customer.created", "created_at": "...Z",
//    "customer_id": 42, "actor": {"kind": "token", "name": "shop sync"}, "data": {...}}
// A test ping is {"id": "ping_<unix seconds>", "type": "ping", "created_at": ..., "data":
// {"webhook_id": N}}, sent with Centric-Delivery: ping.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "areas/webhooks/webhook_types.h"

namespace centric::webhooks {

std::string EventBody(const DueDelivery& delivery);
std::string PingBody(int64_t webhook_id, Timestamp at);

// Content type, signature (signed at `now`), event type and delivery id.
std::vector<std::pair<std::string, std::string>> DeliveryHeaders(std::string_view secret,
                                                                 std::string_view body,
                                                                 std::string_view event_type,
                                                                 std::string_view delivery_id,
                                                                 Timestamp now);

}  // namespace centric::webhooks
