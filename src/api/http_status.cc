// SPDX-License-Identifier: Apache-2.0
#include "api/http_status.h"

#include <boost/json/object.hpp>
#include <string>

namespace centric::api {
namespace {

Response Body(int http_status, std::string_view code, std::string_view message,
              std::string_view field) {
  boost::json::object error;
  error["code"] = code;
  error["message"] = message;
  error["field"] = field.empty() ? boost::json::value(nullptr) : boost::json::value(field);
  boost::json::object body;
  body["error"] = std::move(error);
  return JsonResponse(http_status, body);
}

}  // namespace

int HttpStatusFor(StatusCode code) {
  switch (code) {
    case StatusCode::kInvalidArgument:
      return 400;
    case StatusCode::kUnauthenticated:
      return 401;
    case StatusCode::kPermissionDenied:
      return 403;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kAlreadyExists:
      return 409;
    // The request conflicts with the current state (a product still on orders): retrying the
    // same request cannot help until that state changes, which is what 409 says.
    case StatusCode::kFailedPrecondition:
      return 409;
    case StatusCode::kResourceExhausted:
      return 413;
    case StatusCode::kUnavailable:
      return 503;
    case StatusCode::kOk:
    case StatusCode::kInternal:
      return 500;
  }
  return 500;
}

Response ErrorResponse(const Status& status) {
  Response r = Body(HttpStatusFor(status.code()), StatusCodeName(status.code()), status.message(),
                    status.field());
  if (status.code() == StatusCode::kUnauthenticated) {
    r.headers.emplace_back("WWW-Authenticate", "Bearer");
  }
  if (status.code() == StatusCode::kUnavailable) r.headers.emplace_back("Retry-After", "1");
  return r;
}

Response WireErrorResponse(WireError error) {
  switch (error) {
    case WireError::kMalformed:
      return Body(400, "invalid_argument", "malformed HTTP request", "");
    case WireError::kTooLarge:
      return Body(413, "payload_too_large", "request body too large", "");
    case WireError::kHeaderTooLarge:
      return Body(431, "header_too_large", "request header too large", "");
    case WireError::kTimeout:
      return Body(408, "request_timeout", "request not received in time", "");
    case WireError::kShuttingDown: {
      Response r = Body(503, "unavailable", "server is shutting down", "");
      r.headers.emplace_back("Retry-After", "1");
      return r;
    }
  }
  return Body(500, "internal", "unknown wire error", "");
}

Response MethodNotAllowed(std::span<const Method> allowed) {
  std::string allow;
  for (Method m : allowed) {
    if (!allow.empty()) allow += ", ";
    allow += MethodName(m);
  }
  Response r = Body(405, "method_not_allowed", "method not allowed on this path; see Allow", "");
  r.headers.emplace_back("Allow", std::move(allow));
  return r;
}

}  // namespace centric::api
