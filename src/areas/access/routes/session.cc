// SPDX-License-Identifier: Apache-2.0
// /api/v1/session: the web app signs in (POST, public), reads who is signed in with the CSRF
// token (GET), and signs out (DELETE). See sessions.h for the cookie and CSRF scheme.
#include <fmt/format.h>

#include "areas/access/routes/user_json.h"
#include "areas/access/login_limiter.h"
#include "areas/access/passwords.h"
#include "api/routes/route_util.h"
#include "areas/access/routes/access_routes.h"
#include "platform/actor.h"
#include "areas/access/sessions.h"

namespace centric::access {
namespace {

using namespace ::centric::api;  // NOLINT: these handlers are written against the HTTP layer

namespace json = boost::json;

Timestamp Now() {
  return std::chrono::time_point_cast<Timestamp::duration>(std::chrono::system_clock::now());
}

json::object SessionJson(const User& user, const WebSession& session) {
  return {{"user", UserJson(user)},
          {"csrf_token", session.csrf_token},
          {"expires_at", FormatIso8601(session.expires_at)}};
}

// One message for every failure, so a caller cannot tell a known email from an unknown one.
Response WrongCredentials() {
  return ErrorResponse(Unauthenticated("wrong email or password"));
}

Response SignIn(const Request& request, Services& services) {
  auto body = JsonBody(request);
  if (!body) return ErrorResponse(body.error());
  std::string email, password;
  for (const auto& [key, value] : *body) {
    if (key != "email" && key != "password") {
      return ErrorResponse(InvalidArgument("unknown field", std::string(key)));
    }
    if (!value.is_string()) return ErrorResponse(InvalidArgument("must be a string", key));
    (key == "email" ? email : password) = value.get_string();
  }
  if (email.empty()) return ErrorResponse(InvalidArgument("is required", "email"));
  if (password.empty()) return ErrorResponse(InvalidArgument("is required", "password"));
  for (char& c : email) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));

  const auto now = LoginLimiter::Clock::now();
  if (services.login_limiter) {
    if (int64_t wait = services.login_limiter->RetryAfter(email, request.client, now); wait > 0) {
      Response r = ErrorResponse(
          Status(StatusCode::kResourceExhausted,
                 fmt::format("too many failed sign-ins: try again in {} s", wait)));
      r.status = 429;
      r.headers.emplace_back("Retry-After", std::to_string(wait));
      return r;
    }
  }
  auto found = services.stores.access().FindUserByEmail(email);
  if (!found && found.error().code() != StatusCode::kNotFound) {
    return ErrorResponse(found.error());
  }
  // Verify even for an unknown email, against a fixed hash, so timing does not tell them apart.
  static const std::string kDecoy = HashPassword("centric-decoy-password").value_or("");
  const bool verified = VerifyPassword(found ? found->second : kDecoy, password);
  if (!found || !verified || found->first.disabled) {
    if (services.login_limiter) services.login_limiter->RecordFailure(email, request.client, now);
    return WrongCredentials();
  }
  if (services.login_limiter) services.login_limiter->RecordSuccess(email);
  platform::Actor actor;
  actor.kind = platform::ActorKind::kUser;
  actor.id = found->first.id;
  actor.name = found->first.email;
  actor.role = found->first.role;
  actor.source = request.client;
  services.stores.connection().set_actor(std::move(actor));
  auto issued = StartSession(services.stores.access(), found->first.id, Now());
  if (!issued) return ErrorResponse(issued.error());
  Response r = JsonResponse(200, SessionJson(found->first, issued->session));
  r.headers.emplace_back("Set-Cookie", SessionCookie(issued->secret, services.secure_cookies));
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

Response WhoAmI(const Request& request, Services&) {
  QueryReader query(request.query);
  if (Status s = query.Finish(); !s.ok()) return ErrorResponse(s);
  if (!request.caller->user) {
    return ErrorResponse(InvalidArgument("an API token has no session; sign in from the web app"));
  }
  Response r = JsonResponse(200, SessionJson(*request.caller->user, *request.caller->session));
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

Response SignOut(const Request& request, Services& services) {
  if (!request.caller->session) {
    return ErrorResponse(InvalidArgument("an API token has no session to end"));
  }
  if (Status s = services.stores.access().DeleteSession(request.caller->session->token_hash); !s.ok()) {
    return ErrorResponse(s);
  }
  Response r = NoContent();
  r.headers.emplace_back("Set-Cookie", SessionCookie("", services.secure_cookies));
  return r;
}

}  // namespace

void AddSessionRoutes(api::Router& router) {
  router.Add(api::Method::kPost, "/api/v1/session", api::Access::kPublic, SignIn);
  router.Add(api::Method::kGet, "/api/v1/session", api::Access::kRead, WhoAmI);
  router.Add(api::Method::kDelete, "/api/v1/session", api::Access::kRead, SignOut);
}

}  // namespace centric::access
