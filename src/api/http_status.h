// SPDX-License-Identifier: Apache-2.0
// The one place where error codes become HTTP statuses and error bodies. Every error the API
// sends has the shape {"error":{"code":"...","message":"...","field":"..."|null}}.
#pragma once

#include <span>
#include <string_view>

#include "api/request.h"
#include "api/response.h"
#include "core/status.h"

namespace centric::api {

// The HTTP status for a canonical code: invalid_argument 400, unauthenticated 401,
// permission_denied 403, not_found 404, already_exists and failed_precondition 409,
// resource_exhausted 413, unavailable 503, internal (and ok, which is a bug here) 500.
int HttpStatusFor(StatusCode code);

// The error response for a failed `status`. 401 responses carry WWW-Authenticate: Bearer.
// REQUIRES: !status.ok().
Response ErrorResponse(const Status& status);

// Failures found by the HTTP layer before any handler runs, with no canonical code of their own.
enum class WireError {
  kMalformed,       // 400 invalid_argument: not parseable as HTTP/1.1
  kTooLarge,        // 413 payload_too_large: body over the limit
  kHeaderTooLarge,  // 431 header_too_large: header over 16 KiB
  kTimeout,         // 408 request_timeout: request not received in time
  kShuttingDown,    // 503 unavailable: the server is stopping
};
Response WireErrorResponse(WireError error);

// 405 method_not_allowed with an Allow header listing `allowed`.
Response MethodNotAllowed(std::span<const Method> allowed);

}  // namespace centric::api
