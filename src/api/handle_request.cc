// SPDX-License-Identifier: Apache-2.0
#include "api/handle_request.h"

#include <fmt/format.h>

#include <exception>

#include "api/http_status.h"
#include "api/permit.h"
#include "api/query.h"
#include "api/routes/routes.h"
#include "api/static_files.h"
#include "areas/access/credentials.h"
#include "areas/access/routes/access_routes.h"
#include "areas/access/sessions.h"
#include "areas/crosssell/routes/crosssell_routes.h"
#include "areas/customers/routes/customer_routes.h"
#include "areas/orders/routes/order_routes.h"
#include "areas/retention/routes/retention_routes.h"
#include "areas/webhooks/routes/webhook_routes.h"
#include "platform/actor.h"

namespace centric::api {
namespace {

Router BuildRouter() {
  Router router;
  AddMetaRoutes(router);
  customers::AddCustomerRoutes(router);
  orders::AddOrderRoutes(router);
  access::AddAccessRoutes(router);
  retention::AddRetentionRoutes(router);
  crosssell::AddCrossSellRoutes(router);
  webhooks::AddWebhookRoutes(router);
  AddAuditRoutes(router);
  return router;
}

// The caller of a request: by its bearer token when it has an Authorization header, else by
// its session cookie. A write with a cookie must carry the session's CSRF token.
Result<Caller> Identify(const Request& request, Services& services) {
  Caller caller;
  if (!request.authorization.empty() || request.cookie.empty()) {
    CENTRIC_ASSIGN_OR_RETURN(access::ApiToken token,
                             access::Authenticate(request.authorization, services.stores.access()));
    caller.role = token.role;
    caller.token = std::move(token);
    return caller;
  }
  CENTRIC_ASSIGN_OR_RETURN(
      access::SignedIn signed_in,
      access::AuthenticateSession(
          request.cookie, services.stores.access(),
          std::chrono::time_point_cast<Timestamp::duration>(std::chrono::system_clock::now())));
  const bool reads = request.method == Method::kGet || request.method == Method::kHead;
  if (!reads && !access::SameSecret(request.csrf_token, signed_in.session.csrf_token)) {
    return Error(PermissionDenied(
        fmt::format("missing or wrong {} header: send the csrf_token of GET /api/v1/session",
                    access::kCsrfHeader)));
  }
  caller.role = signed_in.user.role;
  caller.user = std::move(signed_in.user);
  caller.session = std::move(signed_in.session);
  return caller;
}

platform::Actor ActorOf(const Caller& caller, const std::string& client) {
  platform::Actor actor;
  actor.role = caller.role;
  actor.source = client;
  if (caller.user) {
    actor.kind = platform::ActorKind::kUser;
    actor.id = caller.user->id;
    actor.name = caller.user->email;
  } else if (caller.token) {
    actor.kind = platform::ActorKind::kToken;
    actor.id = caller.token->id;
    actor.name = caller.token->name;
  }
  return actor;
}

Response Dispatch(const Router& router, Request& request, Services& services) {
  auto target = ParseTarget(request.target);
  if (!target) return ErrorResponse(target.error());
  request.path = std::move(target->path);
  request.query = std::move(target->query);

  // The web app's pages and files are public; everything under /api/ is the API.
  if (services.web && request.method == Method::kGet && !request.path.starts_with("/api/") &&
      request.path != "/health") {
    return services.web->Serve(request.path);
  }

  // Until a caller is identified, writes are the anonymous client's (a sign-in names its user).
  platform::Actor anonymous;
  anonymous.kind = platform::ActorKind::kUser;
  anonymous.source = request.client;
  services.stores.connection().set_actor(std::move(anonymous));

  Router::Match match = router.Find(request.method, request.path);
  // A 405 on a public path (POST /health) needs no token either.
  bool is_public = match.route ? match.route->access == Access::kPublic : match.path_is_public;
  if (!is_public) {
    auto caller = Identify(request, services);
    if (!caller) return ErrorResponse(caller.error());
    request.caller = std::move(*caller);
    services.stores.connection().set_actor(ActorOf(*request.caller, request.client));
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
