// SPDX-License-Identifier: Apache-2.0
// Tokens and roles end to end through HandleRequest: who gets 401, who gets 403.
#include <gtest/gtest.h>

#include "areas/access/credentials.h"
#include "api_fixture.h"

namespace centric::api {
namespace {

class AccessTest : public ApiTest {};
CENTRIC_API_BACKENDS(AccessTest);

TEST_P(AccessTest, HealthNeedsNoToken) {
  Response r = Call(Method::kGet, "/health", "", "");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(BodyOf(r)["status"], "ok");
  // A wrong method on a public path is a 405, not a 401.
  ExpectError(Call(Method::kPost, "/health", "", ""), 405, "method_not_allowed");
}

TEST_P(AccessTest, NoTokenIs401) {
  Response r = Call(Method::kGet, "/api/v1/customers", "", "");
  ExpectError(r, 401, "unauthenticated");
  EXPECT_EQ(r.Header("WWW-Authenticate"), "Bearer");
  ExpectError(Call(Method::kGet, "/api/v1/openapi.json", "", ""), 401, "unauthenticated");
  // Unknown paths too, so the route table cannot be probed without a token.
  ExpectError(Call(Method::kGet, "/api/v1/secret", "", ""), 401, "unauthenticated");
}

TEST_P(AccessTest, MalformedAuthorizationIs401) {
  for (const char* header : {"Basic YWRtaW46YWRtaW4=", "Bearer", "Bearer ", "Token ctk_x",
                             "ctk_abc", "Bearer not-a-token"}) {
    Request request;
    request.target = "/api/v1/customers";
    request.authorization = header;
    Services services{*stores_};
    ExpectError(HandleRequest(ApiRouter(), request, services), 401, "unauthenticated");
  }
}

TEST_P(AccessTest, BearerSchemeIsCaseInsensitive) {
  Request request;
  request.target = "/api/v1/customers";
  request.authorization = "bearer " + analyst_;
  Services services{*stores_};
  EXPECT_EQ(HandleRequest(ApiRouter(), request, services).status, 200);
}

TEST_P(AccessTest, UnknownTokenIs401) {
  auto token = access::GenerateToken();
  ASSERT_TRUE(token);
  ExpectError(Call(Method::kGet, "/api/v1/customers", "", *token), 401, "unauthenticated");
}

TEST_P(AccessTest, RevokedTokenIs401) {
  auto issued = access::IssueToken(stores_->access(), "short-lived", Role::kAgent);
  ASSERT_TRUE(issued);
  EXPECT_EQ(Call(Method::kGet, "/api/v1/customers", "", issued->secret).status, 200);
  ASSERT_TRUE(stores_->access().RevokeToken(issued->token.id).ok());
  ExpectError(Call(Method::kGet, "/api/v1/customers", "", issued->secret), 401, "unauthenticated");
}

TEST_P(AccessTest, AnalystReadsButNeverWrites) {
  int64_t customer = CreateCustomer("C-1", "Ana");
  CreateProduct("SKU-1", "Food", 100);
  int64_t order = CreateOrder(customer, "INV-1", "2024-01-02T10:00:00Z", "SKU-1", 1);
  int64_t interaction = CreateInteraction(customer, "note", "2024-01-03T10:00:00Z");
  std::string c = std::to_string(customer);
  for (const char* target : {"/api/v1/customers", "/api/v1/products", "/api/v1/orders",
                             "/api/v1/interactions", "/api/v1/openapi.json"}) {
    EXPECT_EQ(Call(Method::kGet, target, "", analyst_).status, 200) << target;
  }
  EXPECT_EQ(Call(Method::kGet, "/api/v1/customers/" + c, "", analyst_).status, 200);
  EXPECT_EQ(Call(Method::kGet, "/api/v1/customers/" + c + "/timeline", "", analyst_).status, 200);

  // Every write route on business data, whatever the resource: 403, and nothing changes. The
  // only writes every role may make are on its own session and saved views.
  for (const Route& route : ApiRouter().routes()) {
    if (route.method == Method::kGet) continue;
    if (route.access == Access::kPublic || route.access == Access::kRead) {
      EXPECT_TRUE(route.pattern.starts_with("/api/v1/session") ||
                  route.pattern.starts_with("/api/v1/views"))
          << route.pattern << " lets any role write";
      continue;
    }
    std::string target = route.pattern;
    if (auto at = target.find("{id}"); at != std::string::npos) {
      target.replace(at, 4,
                     route.pattern.find("orders") != std::string::npos ? std::to_string(order)
                     : route.pattern.find("interactions") != std::string::npos
                         ? std::to_string(interaction)
                         : c);
    }
    ExpectError(Call(route.method, target, R"({"name":"x"})", analyst_), 403, "permission_denied");
  }
  EXPECT_EQ(BodyOf(Get("/api/v1/customers/" + c))["name"], "Ana");
}

TEST_P(AccessTest, AgentWritesCustomerData) {
  Response created =
      Call(Method::kPost, "/api/v1/customers", R"({"external_id":"C-9","name":"Bo"})", agent_);
  ASSERT_EQ(created.status, 201) << created.body;
  std::string id = std::to_string(BodyOf(created)["id"].as_int64());
  EXPECT_EQ(Call(Method::kPatch, "/api/v1/customers/" + id, R"({"name":"Bob"})", agent_).status,
            200);
  CreateProduct("SKU-1", "Food", 100);
  Response order = Call(
      Method::kPost, "/api/v1/orders",
      R"({"customer_id":)" + id +
          R"(,"external_id":"I-1","ordered_at":"2024-02-01","lines":[{"sku":"SKU-1","quantity":2,"unit_price_minor":100}]})",
      agent_);
  EXPECT_EQ(order.status, 201) << order.body;
  Response note =
      Call(Method::kPost, "/api/v1/interactions",
           R"({"customer_id":)" + id +
               R"(,"kind":"note","channel":"web","occurred_at":"2024-02-02T09:00:00Z"})",
           agent_);
  EXPECT_EQ(note.status, 201) << note.body;
  EXPECT_EQ(Call(Method::kDelete, "/api/v1/customers/" + id, "", agent_).status, 204);
}

TEST_P(AccessTest, AdminOnlyRoutesRefuseAgents) {
  ExpectError(Call(Method::kGet, "/api/v1/tokens", "", agent_), 403, "permission_denied");
  ExpectError(Call(Method::kPost, "/api/v1/tokens", R"({"role":"admin"})", agent_), 403,
              "permission_denied");
  ExpectError(Call(Method::kPost, "/api/v1/products", R"({"sku":"S","name":"n"})", agent_), 403,
              "permission_denied");
  EXPECT_EQ(Call(Method::kGet, "/api/v1/tokens", "", admin_).status, 200);
  // The agent may still read the catalogue.
  EXPECT_EQ(Call(Method::kGet, "/api/v1/products", "", agent_).status, 200);
}

TEST_P(AccessTest, AuthenticationComesBeforeRouting) {
  ExpectError(Call(Method::kGet, "/api/v1/nothing-here", "", admin_), 404, "not_found");
  ExpectError(Call(Method::kGet, "/nothing", "", admin_), 404, "not_found");
  Response r = Call(Method::kPut, "/api/v1/customers/1", "{}", admin_);
  ExpectError(r, 405, "method_not_allowed");
  EXPECT_EQ(r.Header("Allow"), "GET, PATCH, DELETE");
  ExpectError(Call(Method::kGet, "/api/v1/customers?q=%zz", "", admin_), 400, "invalid_argument");
}

}  // namespace
}  // namespace centric::api
