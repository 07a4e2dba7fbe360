// SPDX-License-Identifier: Apache-2.0
// /api/v1/interactions: meetings, calls, emails and notes, filtered by customer and kind.
#include "api/json/page_json.h"
#include "api/routes/route_util.h"
#include "areas/customers/routes/customer_routes.h"

namespace centric::customers {
namespace {

using namespace ::centric::api;  // NOLINT: these handlers are written against the HTTP layer

CustomerStore& InteractionStoreOf(Services& services) { return services.stores.customers(); }

const EntityCalls<CustomerStore, Interaction> kCalls{"/api/v1/interactions",
                                                     &InteractionStoreOf,
                                                     &CustomerStore::CreateInteraction,
                                                     &CustomerStore::GetInteraction,
                                                     &CustomerStore::UpdateInteraction,
                                                     &CustomerStore::DeleteInteraction};

Response ListInteractions(const Request& request, Services& services) {
  QueryReader query(request.query);
  InteractionFilter filter;
  filter.customer_id = query.OptionalInt("customer_id", 1, INT64_MAX);
  filter.kind = query.String("kind");
  filter.page = ReadPage(query);
  if (Status s = query.Finish(); !s.ok()) return ErrorResponse(s);
  auto page = services.stores.customers().ListInteractions(filter);
  if (!page) return ErrorResponse(page.error());
  return JsonResponse(200, PageJson(*page, [](const Interaction& i) { return ToJson(i); }));
}

Response CreateInteraction(const Request& r, Services& s) { return CreateEntity(r, s, kCalls); }
Response GetInteraction(const Request& r, Services& s) { return GetEntity(r, s, kCalls); }
Response PatchInteraction(const Request& r, Services& s) { return PatchEntity(r, s, kCalls); }
Response DeleteInteraction(const Request& r, Services& s) { return DeleteEntity(r, s, kCalls); }

}  // namespace

void AddInteractionRoutes(api::Router& router) {
  router.Add(Method::kGet, "/api/v1/interactions", Access::kRead, ListInteractions);
  router.Add(Method::kPost, "/api/v1/interactions", Access::kWrite, CreateInteraction);
  router.Add(Method::kGet, "/api/v1/interactions/{id}", Access::kRead, GetInteraction);
  router.Add(Method::kPatch, "/api/v1/interactions/{id}", Access::kWrite, PatchInteraction);
  router.Add(Method::kDelete, "/api/v1/interactions/{id}", Access::kWrite, DeleteInteraction);
}

}  // namespace centric::customers
