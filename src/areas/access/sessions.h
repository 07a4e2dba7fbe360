// SPDX-License-Identifier: Apache-2.0
// Browser sessions of the web app. Signing in sets a cookie holding a random 256-bit secret,
// HttpOnly (scripts cannot read it) and SameSite=Strict (other sites' pages cannot send it);
// the store keeps only its hash, as for API tokens. Each session also has a CSRF token the app
// reads from the sign-in response and sends back in X-CSRF-Token on every write: a second
// line of defence should a browser not honour SameSite. Thread-safe; functions taking a Store
// use it from the calling thread only.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "core/result.h"
#include "areas/access/access_store.h"

namespace centric::access {

inline constexpr std::string_view kSessionCookie = "centric_session";
inline constexpr std::string_view kCsrfHeader = "X-CSRF-Token";
inline constexpr std::chrono::hours kSessionLifetime{12};

// The value of cookie `name` in a Cookie header ("a=1; centric_session=xyz"), or empty.
std::string_view CookieValue(std::string_view cookie_header, std::string_view name);

// A session just started: its record and the cookie secret, which exists nowhere else.
struct IssuedSession {
  WebSession session;
  std::string secret;
};
// Starts a session for `user_id` lasting kSessionLifetime from `now`.
Result<IssuedSession> StartSession(AccessStore& store, int64_t user_id, Timestamp now);

// The Set-Cookie value that stores `secret` (or, with an empty secret, deletes the cookie).
// `secure` adds the Secure attribute, for servers reached over HTTPS.
std::string SessionCookie(std::string_view secret, bool secure);

struct SignedIn {
  User user;
  WebSession session;
};
// The signed-in user of a Cookie header. Unauthenticated when there is no session cookie, or
// the session is unknown or expired, or the user is disabled.
Result<SignedIn> AuthenticateSession(std::string_view cookie_header, AccessStore& store,
                                     Timestamp now);

// Compares secrets in constant time.
bool SameSecret(std::string_view a, std::string_view b);

}  // namespace centric::access
