// SPDX-License-Identifier: Apache-2.0
#include "areas/webhooks/delivery_body.h"

#include <boost/json.hpp>

#include "areas/webhooks/signature.h"

namespace centric::webhooks {

namespace json = boost::json;

std::string EventBody(const DueDelivery& d) {
  json::object body;
  body["id"] = "evt_" + std::to_string(d.position);
  body["type"] = d.type;
  body["created_at"] = FormatIso8601(d.at);
  if (d.customer_id) {
    body["customer_id"] = *d.customer_id;
  } else {
    body["customer_id"] = nullptr;
  }
  body["actor"] = json::object{{"kind", d.actor_kind}, {"name", d.actor_name}};
  boost::system::error_code ec;
  json::value data = json::parse(d.payload_json, ec);
  body["data"] = ec ? json::value(json::object{}) : std::move(data);
  return json::serialize(body);
}

std::string PingBody(int64_t webhook_id, Timestamp at) {
  return json::serialize(json::object{{"id", "ping_" + std::to_string(ToUnixSeconds(at))},
                                      {"type", "ping"},
                                      {"created_at", FormatIso8601(at)},
                                      {"data", json::object{{"webhook_id", webhook_id}}}});
}

std::vector<std::pair<std::string, std::string>> DeliveryHeaders(std::string_view secret,
                                                                 std::string_view body,
                                                                 std::string_view event_type,
                                                                 std::string_view delivery_id,
                                                                 Timestamp now) {
  return {{"Content-Type", "application/json"},
          {std::string(kSignatureHeader), SignatureHeader(secret, ToUnixSeconds(now), body)},
          {"Centric-Event-Type", std::string(event_type)},
          {"Centric-Delivery", std::string(delivery_id)}};
}

}  // namespace centric::webhooks
