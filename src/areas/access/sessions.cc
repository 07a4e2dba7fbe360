// SPDX-License-Identifier: Apache-2.0
#include "areas/access/sessions.h"

#include <fmt/format.h>
#include <sodium.h>

#include "areas/access/credentials.h"

namespace centric::access {

std::string_view CookieValue(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    size_t end = header.find(';');
    std::string_view pair = header.substr(0, end);
    header = end == std::string_view::npos ? std::string_view() : header.substr(end + 1);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    size_t eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name) {
      std::string_view value = pair.substr(eq + 1);
      while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
      return value;
    }
  }
  return {};
}

Result<IssuedSession> StartSession(AccessStore& store, int64_t user_id, Timestamp now) {
  // Both secrets have the shape of API tokens: 32 random bytes in base64url.
  CENTRIC_ASSIGN_OR_RETURN(std::string secret, GenerateToken());
  CENTRIC_ASSIGN_OR_RETURN(std::string csrf, GenerateToken());
  IssuedSession issued;
  issued.secret = "cs_" + secret.substr(kTokenPrefix.size());
  issued.session = {HashToken(issued.secret), user_id, csrf.substr(kTokenPrefix.size()), now,
                    now + kSessionLifetime};
  CENTRIC_RETURN_IF_ERROR(store.CreateSession(issued.session));
  return issued;
}

std::string SessionCookie(std::string_view secret, bool secure) {
  const auto max_age = secret.empty()
                           ? int64_t{0}
                           : std::chrono::duration_cast<std::chrono::seconds>(kSessionLifetime).count();
  return fmt::format("{}={}; Path=/; Max-Age={}; HttpOnly; SameSite=Strict{}", kSessionCookie,
                     secret, max_age, secure ? "; Secure" : "");
}

Result<SignedIn> AuthenticateSession(std::string_view cookie_header, AccessStore& store,
                                     Timestamp now) {
  std::string_view secret = CookieValue(cookie_header, kSessionCookie);
  if (secret.empty()) return Error(Unauthenticated("not signed in"));
  auto session = store.FindSession(HashToken(secret), now);
  if (!session) {
    if (session.error().code() == StatusCode::kNotFound) {
      return Error(Unauthenticated("the session has ended: sign in again"));
    }
    return Error(session.error());
  }
  auto user = store.GetUser(session->user_id);
  if (!user) {
    if (user.error().code() == StatusCode::kNotFound) {
      return Error(Unauthenticated("the session has ended: sign in again"));
    }
    return Error(user.error());
  }
  if (user->disabled) return Error(Unauthenticated("this account is disabled"));
  return SignedIn{std::move(*user), std::move(*session)};
}

bool SameSecret(std::string_view a, std::string_view b) {
  if (a.size() != b.size() || a.empty()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace centric::access
