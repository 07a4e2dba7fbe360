// SPDX-License-Identifier: Apache-2.0
// /health for load balancers and scripts (no token, no database: it says the process serves),
// and the OpenAPI document describing everything else.
#include "api/openapi.h"
#include "api/routes/route_util.h"
#include "api/routes/routes.h"

namespace centric::api {
namespace {

Response Health(const Request&, Services&) { return Response{200, R"({"status":"ok"})", {}}; }

Response OpenApi(const Request&, Services&) {
  return Response{200, std::string(OpenApiDocument()), {}};
}

}  // namespace

void AddMetaRoutes(Router& router) {
  router.Add(Method::kGet, "/health", Access::kPublic, Health);
  router.Add(Method::kGet, "/api/v1/openapi.json", Access::kRead, OpenApi);
}

}  // namespace centric::api
