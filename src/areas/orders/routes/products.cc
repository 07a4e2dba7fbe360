// SPDX-License-Identifier: Apache-2.0
// /api/v1/products: the catalogue. Reading is for every role; changing the catalogue is not
// customer data, so it is for admins only (agents look products up, they do not price them).
#include "api/json/page_json.h"
#include "api/routes/route_util.h"
#include "areas/orders/routes/order_routes.h"

namespace centric::orders {
namespace {

using namespace ::centric::api;  // NOLINT: these handlers are written against the HTTP layer

OrderStore& OrderStoreOf(Services& services) { return services.stores.orders(); }

const EntityCalls<OrderStore, Product> kCalls{
    "/api/v1/products",         &OrderStoreOf,
    &OrderStore::CreateProduct, &OrderStore::GetProduct,
    &OrderStore::UpdateProduct, &OrderStore::DeleteProduct};

Response ListProducts(const Request& request, Services& services) {
  QueryReader query(request.query);
  ProductFilter filter;
  filter.category_prefix = query.String("category");
  filter.page = ReadPage(query);
  if (Status s = query.Finish(); !s.ok()) return ErrorResponse(s);
  auto page = services.stores.orders().ListProducts(filter);
  if (!page) return ErrorResponse(page.error());
  return JsonResponse(200, PageJson(*page, [](const Product& p) { return ToJson(p); }));
}

Response CreateProduct(const Request& r, Services& s) { return CreateEntity(r, s, kCalls); }
Response GetProduct(const Request& r, Services& s) { return GetEntity(r, s, kCalls); }
Response PatchProduct(const Request& r, Services& s) { return PatchEntity(r, s, kCalls); }
Response DeleteProduct(const Request& r, Services& s) { return DeleteEntity(r, s, kCalls); }

}  // namespace

void AddProductRoutes(api::Router& router) {
  router.Add(Method::kGet, "/api/v1/products", Access::kRead, ListProducts);
  router.Add(Method::kPost, "/api/v1/products", Access::kAdmin, CreateProduct);
  router.Add(Method::kGet, "/api/v1/products/{id}", Access::kRead, GetProduct);
  router.Add(Method::kPatch, "/api/v1/products/{id}", Access::kAdmin, PatchProduct);
  router.Add(Method::kDelete, "/api/v1/products/{id}", Access::kAdmin, DeleteProduct);
}

}  // namespace centric::orders
