// SPDX-License-Identifier: Apache-2.0
// /api/v1/orders: orders with their lines, filtered by customer and by time.
#include "api/json/page_json.h"
#include "api/routes/route_util.h"
#include "areas/orders/routes/order_routes.h"

namespace centric::orders {
namespace {

using namespace ::centric::api;  // NOLINT: these handlers are written against the HTTP layer

OrderStore& OrderStoreOf(Services& services) { return services.stores.orders(); }

const EntityCalls<OrderStore, Order> kCalls{"/api/v1/orders",         &OrderStoreOf,
                                            &OrderStore::CreateOrder, &OrderStore::GetOrder,
                                            &OrderStore::UpdateOrder, &OrderStore::DeleteOrder};

Response ListOrders(const Request& request, Services& services) {
  QueryReader query(request.query);
  OrderFilter filter;
  filter.customer_id = query.OptionalInt("customer_id", 1, INT64_MAX);
  filter.from = query.OptionalTime("from");
  filter.to = query.OptionalTime("to");
  filter.page = ReadPage(query);
  if (Status s = query.Finish(); !s.ok()) return ErrorResponse(s);
  auto page = services.stores.orders().ListOrders(filter);
  if (!page) return ErrorResponse(page.error());
  return JsonResponse(200, PageJson(*page, [](const Order& o) { return ToJson(o); }));
}

Response CreateOrder(const Request& r, Services& s) { return CreateEntity(r, s, kCalls); }
Response GetOrder(const Request& r, Services& s) { return GetEntity(r, s, kCalls); }
Response PatchOrder(const Request& r, Services& s) { return PatchEntity(r, s, kCalls); }
Response DeleteOrder(const Request& r, Services& s) { return DeleteEntity(r, s, kCalls); }

}  // namespace

void AddProductRoutes(api::Router& router);  // products.cc

void AddOrderRoutes(api::Router& router) {
  AddProductRoutes(router);
  router.Add(Method::kGet, "/api/v1/orders", Access::kRead, ListOrders);
  router.Add(Method::kPost, "/api/v1/orders", Access::kWrite, CreateOrder);
  router.Add(Method::kGet, "/api/v1/orders/{id}", Access::kRead, GetOrder);
  router.Add(Method::kPatch, "/api/v1/orders/{id}", Access::kWrite, PatchOrder);
  router.Add(Method::kDelete, "/api/v1/orders/{id}", Access::kWrite, DeleteOrder);
}

}  // namespace centric::orders
