// SPDX-License-Identifier: Apache-2.0
// /api/v1/webhooks: admins subscribe URLs to event types, read each subscription's delivery
// log and send it a test ping; /api/v1/event-types lists what can be subscribed to.
#include "areas/webhooks/routes/webhook_routes.h"

#include <boost/json.hpp>

#include "api/json/page_json.h"
#include "api/routes/route_util.h"
#include "areas/webhooks/dispatcher.h"
#include "areas/webhooks/webhook_rules.h"
#include "platform/events/event_types.h"

namespace centric::webhooks {
namespace {

using namespace ::centric::api;  // NOLINT: these handlers are written against the HTTP layer

namespace json = boost::json;

// A ping answers the admin who asked, so it waits less than a delivery would.
constexpr SenderOptions kPingOptions{std::chrono::milliseconds(3000),
                                     std::chrono::milliseconds(5000), 64 * 1024};

Status ReadString(const json::value& value, std::string_view key, std::string& out) {
  if (!value.is_string()) return InvalidArgument("must be a string", std::string(key));
  out = value.get_string();
  return Status::Ok();
}

Status ReadTypes(const json::value& value, std::vector<std::string>& out) {
  if (!value.is_array()) return InvalidArgument("must be an array of event types", "event_types");
  out.clear();
  for (const auto& v : value.get_array()) {
    if (!v.is_string()) return InvalidArgument("must be an array of strings", "event_types");
    out.emplace_back(v.get_string());
  }
  return Status::Ok();
}

Response ListWebhooks(const Request& request, Services& services) {
  QueryReader query(request.query);
  if (Status s = query.Finish(); !s.ok()) return ErrorResponse(s);
  auto list = services.stores.webhooks().ListSubscriptions();
  if (!list) return ErrorResponse(list.error());
  json::array items;
  for (const auto& s : *list) items.emplace_back(SubscriptionJson(s));
  return JsonResponse(200, json::object{{"items", std::move(items)}, {"next_cursor", nullptr}});
}

// Body {"url", "event_types": [...], "description"?, "secret"?}. The answer carries the secret,
// the only time it is shown.
Response CreateWebhook(const Request& request, Services& services) {
  auto body = JsonBody(request);
  if (!body) return ErrorResponse(body.error());
  SubscriptionDraft draft;
  for (const auto& [key, value] : *body) {
    Status s = key == "url"           ? ReadString(value, key, draft.url)
               : key == "event_types" ? ReadTypes(value, draft.event_types)
               : key == "description" ? ReadString(value, key, draft.description)
               : key == "secret"      ? ReadString(value, key, draft.secret)
                                      : InvalidArgument("unknown field", std::string(key));
    if (!s.ok()) return ErrorResponse(s);
  }
  auto created = services.stores.webhooks().CreateSubscription(draft);
  if (!created) return ErrorResponse(created.error());
  json::object out = SubscriptionJson(*created);
  out["secret"] = created->secret;
  Response r = Created(out, "/api/v1/webhooks/" + std::to_string(created->id));
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

Response GetWebhook(const Request& request, Services& services) {
  auto id = IdParam(request);
  if (!id) return ErrorResponse(id.error());
  auto found = services.stores.webhooks().GetSubscription(*id);
  if (!found) return ErrorResponse(found.error());
  return JsonResponse(200, SubscriptionJson(*found));
}

// Body with any of {"url", "event_types", "description", "active"}.
Response UpdateWebhook(const Request& request, Services& services) {
  auto id = IdParam(request);
  if (!id) return ErrorResponse(id.error());
  auto body = JsonBody(request);
  if (!body) return ErrorResponse(body.error());
  SubscriptionChange change;
  for (const auto& [key, value] : *body) {
    Status s;
    if (key == "url") {
      s = ReadString(value, key, change.url.emplace());
    } else if (key == "event_types") {
      s = ReadTypes(value, change.event_types.emplace());
    } else if (key == "description") {
      s = ReadString(value, key, change.description.emplace());
    } else if (key == "active") {
      if (!value.is_bool()) return ErrorResponse(InvalidArgument("must be true or false", key));
      change.active = value.get_bool();
    } else if (key == "secret") {
      s = InvalidArgument("cannot be changed; subscribe again for a new secret", "secret");
    } else if (key != "id" && key != "created_at" && key != "updated_at") {
      s = InvalidArgument("unknown field", std::string(key));
    }
    if (!s.ok()) return ErrorResponse(s);
  }
  auto updated = services.stores.webhooks().UpdateSubscription(*id, change);
  if (!updated) return ErrorResponse(updated.error());
  return JsonResponse(200, SubscriptionJson(*updated));
}

Response DeleteWebhook(const Request& request, Services& services) {
  auto id = IdParam(request);
  if (!id) return ErrorResponse(id.error());
  if (Status s = services.stores.webhooks().DeleteSubscription(*id); !s.ok()) {
    return ErrorResponse(s);
  }
  return NoContent();
}

Response ListDeliveries(const Request& request, Services& services) {
  auto id = IdParam(request);
  if (!id) return ErrorResponse(id.error());
  QueryReader query(request.query);
  DeliveryFilter filter;
  filter.subscription_id = *id;
  filter.page = ReadPage(query);
  std::string status = query.String("status");
  if (Status s = query.Finish(); !s.ok()) return ErrorResponse(s);
  if (!status.empty()) {
    auto parsed = ParseDeliveryStatus(status);
    if (!parsed) return ErrorResponse(parsed.error());
    filter.status = *parsed;
  }
  auto page = services.stores.webhooks().ListDeliveries(filter);
  if (!page) return ErrorResponse(page.error());
  return JsonResponse(200, PageJson(*page, DeliveryJson));
}

Response TestWebhook(const Request& request, Services& services) {
  auto id = IdParam(request);
  if (!id) return ErrorResponse(id.error());
  auto delivery = SendTestPing(services.stores.webhooks(), *id, kPingOptions);
  if (!delivery) return ErrorResponse(delivery.error());
  return JsonResponse(200, DeliveryJson(*delivery));
}

Response ListEventTypes(const Request& request, Services&) {
  QueryReader query(request.query);
  if (Status s = query.Finish(); !s.ok()) return ErrorResponse(s);
  json::array items;
  for (std::string_view type : platform::kEventTypes) items.emplace_back(type);
  return JsonResponse(200, json::object{{"items", std::move(items)}});
}

template <typename T>
json::value OrNull(const std::optional<T>& value) {
  return value ? json::value(*value) : json::value(nullptr);
}

}  // namespace

json::object SubscriptionJson(const Subscription& s) {
  json::array types;
  for (const auto& t : s.event_types) types.emplace_back(t);
  return {{"id", s.id},
          {"url", s.url},
          {"event_types", std::move(types)},
          {"description", s.description},
          {"active", s.active},
          {"created_at", FormatIso8601(s.created_at)},
          {"updated_at", FormatIso8601(s.updated_at)}};
}

json::object DeliveryJson(const Delivery& d) {
  json::object o{{"id", d.id},
                 {"webhook_id", d.subscription_id},
                 {"event_position", OrNull(d.event_position)},
                 {"event_type", d.event_type},
                 {"customer_id", OrNull(d.customer_id)},
                 {"status", DeliveryStatusName(d.status)},
                 {"attempts", d.attempts},
                 {"last_status_code", OrNull(d.last_status_code)},
                 {"last_error", d.last_error},
                 {"latency_ms", OrNull(d.latency_ms)},
                 {"created_at", FormatIso8601(d.created_at)}};
  o["next_attempt_at"] =
      d.status == DeliveryStatus::kPending
          ? json::value(FormatIso8601(
                std::chrono::time_point_cast<std::chrono::seconds>(d.next_attempt_at)))
          : json::value(nullptr);
  o["finished_at"] = d.finished_at ? json::value(FormatIso8601(*d.finished_at)) : nullptr;
  return o;
}

void AddWebhookRoutes(api::Router& router) {
  using api::Access;
  using api::Method;
  router.Add(Method::kGet, "/api/v1/webhooks", Access::kAdmin, ListWebhooks);
  router.Add(Method::kPost, "/api/v1/webhooks", Access::kAdmin, CreateWebhook);
  router.Add(Method::kGet, "/api/v1/webhooks/{id}", Access::kAdmin, GetWebhook);
  router.Add(Method::kPatch, "/api/v1/webhooks/{id}", Access::kAdmin, UpdateWebhook);
  router.Add(Method::kDelete, "/api/v1/webhooks/{id}", Access::kAdmin, DeleteWebhook);
  router.Add(Method::kGet, "/api/v1/webhooks/{id}/deliveries", Access::kAdmin, ListDeliveries);
  router.Add(Method::kPost, "/api/v1/webhooks/{id}/test", Access::kAdmin, TestWebhook);
  router.Add(Method::kGet, "/api/v1/event-types", Access::kAdmin, ListEventTypes);
}

}  // namespace centric::webhooks
