// SPDX-License-Identifier: Apache-2.0
// /api/v1/webhooks through HandleRequest: admins only, clear errors naming the field for bad
// input with nothing stored, and the secret shown once.
#include <gtest/gtest.h>

#include "api_fixture.h"

namespace centric::webhooks {
namespace {

using namespace ::centric::api;  // NOLINT: route tests speak the HTTP layer

using WebhookRoutesTest = ApiTest;

TEST_P(WebhookRoutesTest, BadInputIsRefusedNamingTheFieldAndNothingIsStored) {
  struct Case {
    const char* body;
    const char* field;
  } cases[] = {
      {R"({"url":"ftp://example.com/x","event_types":["customer.created"]})", "url"},
      {R"({"url":"https://example.com/x","event_types":["customer.vanished"]})", "event_types"},
      {R"({"url":"https://example.com/x","event_types":"customer.created"})", "event_types"},
      {R"({"url":"https://example.com/x","event_types":["*"],"secret":"short"})", "secret"},
      {R"({"url":"https://example.com/x","event_types":["*"],"colour":"red"})", "colour"},
  };
  for (const auto& c : cases) {
    ExpectError(Post("/api/v1/webhooks", c.body), 400, "invalid_argument", c.field);
  }
  EXPECT_TRUE(BodyOf(Get("/api/v1/webhooks")).at("items").as_array().empty());
  ExpectError(Get("/api/v1/webhooks/1/deliveries?status=lost"), 400, "invalid_argument",
              "status");
  ExpectError(Get("/api/v1/webhooks/1/deliveries"), 404, "not_found");
}

TEST_P(WebhookRoutesTest, TheSecretIsShownOnceAndOnlyAdminsManageWebhooks) {
  Response made = Post("/api/v1/webhooks",
                       R"({"url":"https://example.com/hook","event_types":["order.created"],)"
                       R"("description":"ERP"})");
  ASSERT_EQ(made.status, 201) << made.body;
  auto body = BodyOf(made);
  const std::string secret(body.at("secret").as_string());
  EXPECT_EQ(secret.rfind("whsec_", 0), 0u);
  const std::string id = std::to_string(body.at("id").as_int64());
  Response got = Get("/api/v1/webhooks/" + id);
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.body.find(secret), std::string::npos);
  EXPECT_FALSE(BodyOf(got).contains("secret"));
  EXPECT_EQ(Get("/api/v1/webhooks").body.find(secret), std::string::npos);
  ExpectError(Patch("/api/v1/webhooks/" + id, R"({"secret":")" + secret + R"("})"), 400,
              "invalid_argument", "secret");
  Response paused = Patch("/api/v1/webhooks/" + id, R"({"active":false})");
  ASSERT_EQ(paused.status, 200);
  EXPECT_FALSE(BodyOf(paused).at("active").as_bool());
  EXPECT_EQ(Get("/api/v1/audit?entity=webhook").body.find(secret), std::string::npos);
  auto types = BodyOf(Get("/api/v1/event-types")).at("items").as_array();
  EXPECT_FALSE(types.empty());

  ExpectError(Call(Method::kGet, "/api/v1/webhooks", "", agent_), 403, "permission_denied");
  ExpectError(Call(Method::kPost, "/api/v1/webhooks/" + id + "/test", "", analyst_), 403,
              "permission_denied");
  EXPECT_EQ(Delete("/api/v1/webhooks/" + id).status, 204);
  ExpectError(Get("/api/v1/webhooks/" + id), 404, "not_found");
}

CENTRIC_API_BACKENDS(WebhookRoutesTest);

}  // namespace
}  // namespace centric::webhooks
