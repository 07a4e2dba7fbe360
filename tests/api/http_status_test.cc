// SPDX-License-Identifier: Apache-2.0
#include "api/http_status.h"

#include <gtest/gtest.h>

#include "api_fixture.h"

namespace centric::api {
namespace {

TEST(HttpStatusTest, MapsEveryCanonicalCode) {
  struct Case {
    Status status;
    int http;
    const char* code;
  } cases[] = {
      {InvalidArgument("bad", "name"), 400, "invalid_argument"},
      {Unauthenticated("who"), 401, "unauthenticated"},
      {PermissionDenied("no"), 403, "permission_denied"},
      {NotFound("none"), 404, "not_found"},
      {AlreadyExists("dup", "sku"), 409, "already_exists"},
      {FailedPrecondition("in use"), 409, "failed_precondition"},
      {ResourceExhausted("big"), 413, "resource_exhausted"},
      {Unavailable("down"), 503, "unavailable"},
      {Internal("bug"), 500, "internal"},
  };
  for (const auto& c : cases) {
    Response r = ErrorResponse(c.status);
    ExpectError(r, c.http, c.code, c.status.field());
  }
}

TEST(HttpStatusTest, UnauthenticatedAsksForBearer) {
  EXPECT_EQ(ErrorResponse(Unauthenticated("x")).Header("WWW-Authenticate"), "Bearer");
}

TEST(HttpStatusTest, WireErrorsKeepTheShape) {
  ExpectError(WireErrorResponse(WireError::kMalformed), 400, "invalid_argument");
  ExpectError(WireErrorResponse(WireError::kTooLarge), 413, "payload_too_large");
  ExpectError(WireErrorResponse(WireError::kHeaderTooLarge), 431, "header_too_large");
  ExpectError(WireErrorResponse(WireError::kTimeout), 408, "request_timeout");
  ExpectError(WireErrorResponse(WireError::kShuttingDown), 503, "unavailable");
}

TEST(HttpStatusTest, MethodNotAllowedListsAllow) {
  Method allowed[] = {Method::kGet, Method::kPatch, Method::kDelete};
  Response r = MethodNotAllowed(allowed);
  ExpectError(r, 405, "method_not_allowed");
  EXPECT_EQ(r.Header("Allow"), "GET, PATCH, DELETE");
}

}  // namespace
}  // namespace centric::api
