// SPDX-License-Identifier: Apache-2.0
// /api/v1/interactions: meetings, calls, emails and notes, filtered by customer and kind.
#include "api/json/page_json.h"
#include "api/routes/route_util.h"
#include "api/routes/routes.h"

namespace centric::api {
namespace {

store::Store& InteractionStoreOf(Services& services) { return services.stores.core(); }

const EntityCalls<store::Store, Interaction> kCalls{
    "/api/v1/interactions",           &InteractionStoreOf,
    &store::Store::CreateInteraction, &store::Store::GetInteraction,
    &store::Store::UpdateInteraction, &store::Store::DeleteInteraction};

Response ListInteractions(const Request& request, Services& services) {
  QueryReader query(request.query);
  store::InteractionFilter filter;
  filter.customer_id = query.OptionalInt("customer_id", 1, INT64_MAX);
  filter.kind = query.String("kind");
  filter.page = ReadPage(query);
  if (Status s = query.Finish(); !s.ok()) return ErrorResponse(s);
  auto page = services.stores.core().ListInteractions(filter);
  if (!page) return ErrorResponse(page.error());
  return JsonResponse(200, PageJson(*page, [](const Interaction& i) { return ToJson(i); }));
}

Response CreateInteraction(const Request& r, Services& s) { return CreateEntity(r, s, kCalls); }
Response GetInteraction(const Request& r, Services& s) { return GetEntity(r, s, kCalls); }
Response PatchInteraction(const Request& r, Services& s) { return PatchEntity(r, s, kCalls); }
Response DeleteInteraction(const Request& r, Services& s) { return DeleteEntity(r, s, kCalls); }

}  // namespace

void AddInteractionRoutes(Router& router) {
  router.Add(Method::kGet, "/api/v1/interactions", Access::kRead, ListInteractions);
  router.Add(Method::kPost, "/api/v1/interactions", Access::kWrite, CreateInteraction);
  router.Add(Method::kGet, "/api/v1/interactions/{id}", Access::kRead, GetInteraction);
  router.Add(Method::kPatch, "/api/v1/interactions/{id}", Access::kWrite, PatchInteraction);
  router.Add(Method::kDelete, "/api/v1/interactions/{id}", Access::kWrite, DeleteInteraction);
}

}  // namespace centric::api
