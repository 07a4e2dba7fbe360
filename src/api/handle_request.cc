// SPDX-License-Identifier: Apache-2.0
#include "api/handle_request.h"

#include <fmt/format.h>

#include <exception>

#include "api/auth.h"
#include "api/http_status.h"
#include "api/query.h"
#include "api/routes/routes.h"

namespace centric::api {
namespace {

Router BuildRouter() {
  Router router;
  AddMetaRoutes(router);
  AddCustomerRoutes(router);
  AddProductRoutes(router);
  AddOrderRoutes(router);
  AddInteractionRoutes(router);
  AddTokenRoutes(router);
  AddAnalyticsRoutes(router);
  AddCrossSellRoutes(router);
  return router;
}

Response Dispatch(const Router& router, Request& request, Services& services) {
  auto target = ParseTarget(request.target);
  if (!target) return ErrorResponse(target.error());
  request.path = std::move(target->path);
  request.query = std::move(target->query);

  Router::Match match = router.Find(request.method, request.path);
  // A 405 on a public path (POST /health) needs no token either.
  bool is_public = match.route ? match.route->access == Access::kPublic : match.path_is_public;
  if (!is_public) {
    auto caller = Authenticate(request.authorization, services.store);
    if (!caller) return ErrorResponse(caller.error());
    request.caller = std::move(*caller);
  }
  if (match.allowed.empty()) return ErrorResponse(NotFound("no such route"));
  if (!match.route) return MethodNotAllowed(match.allowed);
  if (request.caller) {
    if (Status s = Permit(match.route->access, request.caller->role); !s.ok()) {
      return ErrorResponse(s);
    }
  }
  request.path_params = std::move(match.params);
  return match.route->handler(request, services);
}

}  // namespace

const Router& ApiRouter() {
  static const Router router = BuildRouter();
  return router;
}

Response HandleRequest(const Router& router, Request& request, Services& services) {
  try {
    return Dispatch(router, request, services);
  } catch (const std::exception& e) {
    // Handlers return errors as values; an exception here is a bug or an exhausted machine.
    // Say so in the log, and give the client nothing internal.
    fmt::print(stderr, "centric: {} {}: unexpected exception: {}\n", MethodName(request.method),
               request.path, e.what());
    return ErrorResponse(Internal("internal error"));
  }
}

}  // namespace centric::api
