// SPDX-License-Identifier: Apache-2.0
#include "areas/webhooks/webhook_changes.h"

#include <boost/json.hpp>

namespace centric::webhooks {
namespace {

namespace json = boost::json;
using platform::Change;

json::object Fields(const Subscription& s) {
  json::array types;
  for (const auto& t : s.event_types) types.emplace_back(t);
  return json::object{{"url", s.url},
                      {"event_types", std::move(types)},
                      {"description", s.description},
                      {"active", s.active}};
}

Change Make(std::string action, int64_t id, json::object fields) {
  return platform::MakeChange(std::move(action), "webhook", std::to_string(id), std::move(fields));
}

}  // namespace

Change SubscriptionCreated(const Subscription& subscription) {
  const json::object after = Fields(subscription);
  json::object fields = platform::FieldChanges(nullptr, &after);
  if (subscription.description.empty()) fields.erase("description");
  return Make("create", subscription.id, std::move(fields));
}

Change SubscriptionUpdated(const Subscription& before, const Subscription& after) {
  const json::object b = Fields(before), a = Fields(after);
  return Make("update", after.id, platform::FieldChanges(&b, &a));
}

Change SubscriptionDeleted(const Subscription& before) {
  const json::object b = Fields(before);
  return Make("delete", before.id, platform::FieldChanges(&b, nullptr));
}

Change PingSent(int64_t subscription_id, int64_t delivery_id, const Attempt& attempt) {
  auto set = platform::SetField;
  json::object fields{{"delivery_id", set(delivery_id)},
                      {"status", set(json::value(DeliveryStatusName(attempt.status)))}};
  if (attempt.status_code) fields["status_code"] = set(*attempt.status_code);
  return Make("test", subscription_id, std::move(fields));
}

}  // namespace centric::webhooks
