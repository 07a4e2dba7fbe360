// SPDX-License-Identifier: Apache-2.0
// /api/v1/customers: search and filters, CRUD, and the customer view with its latest timeline.
#include <boost/json/object.hpp>

#include "api/handle_request.h"
#include "api/json/page_json.h"
#include "api/json/timeline_json.h"
#include "api/query.h"
#include "api/routes/route_util.h"
#include "api/routes/routes.h"

namespace centric::api {
namespace {

constexpr int kDefaultEvents = 50;

const EntityCalls<Customer> kCalls{"/api/v1/customers",           &store::Store::CreateCustomer,
                                   &store::Store::GetCustomer,    &store::Store::UpdateCustomer,
                                   &store::Store::DeleteCustomer, "timeline"};

Response ListCustomers(const Request& request, Services& services) {
  QueryReader query(request.query);
  store::CustomerFilter filter;
  filter.search = query.String("q");
  filter.country = query.String("country");
  filter.language = query.String("language");
  filter.tag = query.String("tag");
  filter.page = ReadPage(query);
  if (Status s = query.Finish(); !s.ok()) return ErrorResponse(s);
  auto page = services.store.ListCustomers(filter);
  if (!page) return ErrorResponse(page.error());
  return JsonResponse(200, PageJson(*page, [](const Customer& c) { return ToJson(c); }));
}

Response CreateCustomer(const Request& request, Services& services) {
  return CreateEntity(request, services, kCalls);
}

// The customer and its latest `events` timeline entries in one response, so a customer page
// needs one round trip. The timeline's next_cursor continues at /customers/{id}/timeline.
Response GetCustomer(const Request& request, Services& services) {
  auto id = IdParam(request);
  if (!id) return ErrorResponse(id.error());
  QueryReader query(request.query);
  int events = static_cast<int>(query.Int("events", kDefaultEvents, 0, store::kMaxPageSize));
  if (Status s = query.Finish(); !s.ok()) return ErrorResponse(s);
  auto customer = services.store.GetCustomer(*id);
  if (!customer) return ErrorResponse(customer.error());
  boost::json::object out = ToJson(*customer);
  store::Page<store::TimelineEvent> timeline;
  if (events > 0) {
    auto page = services.store.Timeline(*id, store::PageRequest{"", events});
    if (!page) return ErrorResponse(page.error());
    timeline = std::move(*page);
  }
  out["timeline"] = PageJson(timeline, TimelineEventJson);
  return JsonResponse(200, out);
}

Response PatchCustomer(const Request& request, Services& services) {
  return PatchEntity(request, services, kCalls);
}

Response DeleteCustomer(const Request& request, Services& services) {
  return DeleteEntity(request, services, kCalls);
}

Response GetTimeline(const Request& request, Services& services) {
  auto id = IdParam(request);
  if (!id) return ErrorResponse(id.error());
  QueryReader query(request.query);
  store::PageRequest page = ReadPage(query);
  if (Status s = query.Finish(); !s.ok()) return ErrorResponse(s);
  auto timeline = services.store.Timeline(*id, page);
  if (!timeline) return ErrorResponse(timeline.error());
  return JsonResponse(200, PageJson(*timeline, TimelineEventJson));
}

}  // namespace

void AddCustomerRoutes(Router& router) {
  router.Add(Method::kGet, "/api/v1/customers", Access::kRead, ListCustomers);
  router.Add(Method::kPost, "/api/v1/customers", Access::kWrite, CreateCustomer);
  router.Add(Method::kGet, "/api/v1/customers/{id}", Access::kRead, GetCustomer);
  router.Add(Method::kPatch, "/api/v1/customers/{id}", Access::kWrite, PatchCustomer);
  router.Add(Method::kDelete, "/api/v1/customers/{id}", Access::kWrite, DeleteCustomer);
  router.Add(Method::kGet, "/api/v1/customers/{id}/timeline", Access::kRead, GetTimeline);
}

}  // namespace centric::api
