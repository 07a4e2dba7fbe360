// SPDX-License-Identifier: Apache-2.0
// Request: one HTTP request as a plain value, so handlers are ordinary functions that tests call
// without sockets. http/ fills the wire fields; HandleRequest fills the rest before a handler
// runs. One per request; not shared between threads.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "areas/access/access_types.h"

namespace centric::api {

enum class Method { kGet, kHead, kPost, kPut, kPatch, kDelete, kOptions, kOther };

// "GET", "POST", ...; "OTHER" for kOther.
std::string_view MethodName(Method method);
// Returns kOther for anything not listed in Method.
Method ParseMethod(std::string_view name);

// Decoded name/value pairs in the order they were sent.
using Params = std::vector<std::pair<std::string, std::string>>;

// Who is calling: an API token (Authorization: Bearer) or a signed-in web app user (session
// cookie). Routes see the role; user routes (sessions, saved views) need `user`.
struct Caller {
  Role role = Role::kAnalyst;
  std::optional<access::ApiToken> token;
  std::optional<access::User> user;
  std::optional<access::WebSession> session;
};

struct Request {
  // From the wire.
  Method method = Method::kGet;
  std::string target;         // path and query as sent: "/api/v1/customers?q=mai"
  std::string authorization;  // the Authorization header, empty when absent
  std::string cookie;         // the Cookie header, empty when absent
  std::string csrf_token;     // the X-CSRF-Token header, empty when absent
  std::string client;         // the peer's address, for rate limits
  std::string body;

  // Filled in by HandleRequest.
  std::string path;                       // decoded path without the query
  Params query;                           // decoded query parameters
  Params path_params;                     // {"id", "42"} for "/customers/{id}"
  std::optional<Caller> caller;  // unset on public routes

  // The value of path parameter `name`, or empty.
  std::string_view PathParam(std::string_view name) const;
};

}  // namespace centric::api
