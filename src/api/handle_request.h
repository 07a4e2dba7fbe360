// SPDX-License-Identifier: Apache-2.0
// The API as one function: a request and the thread's services in, a response out. This is
// what http/ calls for every request and what the handler tests call without sockets.
#pragma once

#include "api/request.h"
#include "api/response.h"
#include "api/router.h"
#include "api/services.h"

namespace centric::api {

inline constexpr std::string_view kApiPrefix = "/api/v1";

// Every route the API serves, built on first use; immutable and safe to share between threads.
const Router& ApiRouter();

// Parses the target, finds the route (404, or 405 with Allow), checks the bearer token (401)
// on every route but public ones, checks the caller's role (403), then runs the handler.
// Unauthenticated callers get 401 on every non-public path, known or not, so the route table
// is not probeable without a token. Never throws: an exception becomes a 500 and is logged to
// stderr.
Response HandleRequest(const Router& router, Request& request, Services& services);

}  // namespace centric::api
