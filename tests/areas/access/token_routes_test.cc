// SPDX-License-Identifier: Apache-2.0
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "api_fixture.h"

namespace centric::access {
namespace {

using namespace ::centric::api;  // NOLINT: route tests speak the HTTP layer

namespace json = boost::json;

class TokenRoutesTest : public ApiTest {};
CENTRIC_API_BACKENDS(TokenRoutesTest);

TEST_P(TokenRoutesTest, AdminCreatesListsAndRevokes) {
  Response created = Post("/api/v1/tokens", R"({"role":"analyst","name":"dashboard"})");
  ASSERT_EQ(created.status, 201) << created.body;
  json::object token = BodyOf(created);
  std::string secret(token["token"].as_string());
  EXPECT_EQ(secret.substr(0, 4), "ctk_");
  EXPECT_EQ(token["role"], "analyst");
  EXPECT_EQ(token["name"], "dashboard");
  EXPECT_EQ(token["revoked"], false);
  int64_t id = token["id"].as_int64();

  EXPECT_EQ(Call(Method::kGet, "/api/v1/customers", "", secret).status, 200);

  json::object list = BodyOf(Get("/api/v1/tokens"));
  ASSERT_EQ(list["items"].as_array().size(), 4u);  // the fixture's three and this one
  EXPECT_TRUE(list["next_cursor"].is_null());
  for (const auto& t : list["items"].as_array()) {
    EXPECT_FALSE(t.as_object().contains("token"));  // secrets are never listed
  }

  EXPECT_EQ(Delete(fmt::format("/api/v1/tokens/{}", id)).status, 204);
  ExpectError(Call(Method::kGet, "/api/v1/customers", "", secret), 401, "unauthenticated");
  ExpectError(Delete("/api/v1/tokens/9999"), 404, "not_found");
}

TEST_P(TokenRoutesTest, RejectsBadRequests) {
  ExpectError(Post("/api/v1/tokens", R"({"name":"x"})"), 400, "invalid_argument", "role");
  ExpectError(Post("/api/v1/tokens", R"({"role":"root"})"), 400, "invalid_argument", "role");
  ExpectError(Post("/api/v1/tokens", R"({"role":"agent","scope":"all"})"), 400, "invalid_argument",
              "scope");
  ExpectError(Post("/api/v1/tokens", R"({"role":"agent","name":5})"), 400, "invalid_argument",
              "name");
}

}  // namespace
}  // namespace centric::access
