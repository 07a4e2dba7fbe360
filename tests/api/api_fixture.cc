// SPDX-License-Identifier: Apache-2.0
#include "api_fixture.h"

#include <fmt/format.h>

#include "areas/access/credentials.h"

namespace centric::api {

void ApiTest::SetUp() {
  CENTRIC_REQUIRE_BACKEND(GetParam().name);
  stores_ = ::centric::testing::FreshStores(GetParam().name, &url_);
  ASSERT_NE(stores_, nullptr);
  store_ = &stores_->customers();
  for (auto [role, out] : {std::pair{Role::kAdmin, &admin_}, std::pair{Role::kAgent, &agent_},
                           std::pair{Role::kAnalyst, &analyst_}}) {
    auto issued =
        access::IssueToken(stores_->access(), std::string(RoleName(role)) + " for tests", role);
    ASSERT_TRUE(issued) << issued.error().ToString();
    *out = issued->secret;
  }
}

Response ApiTest::Call(Method method, std::string target, std::string body,
                       std::string_view token) {
  Request request;
  request.method = method;
  request.target = std::move(target);
  request.body = std::move(body);
  if (!token.empty()) request.authorization = fmt::format("Bearer {}", token);
  Services services{*stores_};
  return HandleRequest(ApiRouter(), request, services);
}

int64_t ApiTest::CreateCustomer(std::string_view external_id, std::string_view name,
                                std::string_view extra_json) {
  std::string body = fmt::format(R"({{"external_id":{},"name":{}{}{}}})", Quote(external_id),
                                 Quote(name), extra_json.empty() ? "" : ",", extra_json);
  Response r = Post("/api/v1/customers", body);
  EXPECT_EQ(r.status, 201) << r.body;
  return BodyOf(r)["id"].as_int64();
}

int64_t ApiTest::CreateProduct(std::string_view sku, std::string_view category,
                               int64_t price_minor) {
  std::string body =
      fmt::format(R"({{"sku":{},"name":{},"category":{},"price_minor":{}}})", Quote(sku),
                  Quote(fmt::format("Product {}", sku)), Quote(category), price_minor);
  Response r = Post("/api/v1/products", body);
  EXPECT_EQ(r.status, 201) << r.body;
  return BodyOf(r)["id"].as_int64();
}

int64_t ApiTest::CreateOrder(int64_t customer_id, std::string_view invoice, std::string_view when,
                             std::string_view sku, int64_t quantity) {
  std::string body = fmt::format(
      R"({{"customer_id":{},"external_id":{},"ordered_at":{},"lines":[{{"sku":{},"quantity":{},"unit_price_minor":250}}]}})",
      customer_id, Quote(invoice), Quote(when), Quote(sku), quantity);
  Response r = Post("/api/v1/orders", body);
  EXPECT_EQ(r.status, 201) << r.body;
  return BodyOf(r)["id"].as_int64();
}

int64_t ApiTest::CreateInteraction(int64_t customer_id, std::string_view kind,
                                   std::string_view when) {
  std::string body = fmt::format(
      R"({{"customer_id":{},"kind":{},"channel":"phone","occurred_at":{},"summary":"talked"}})",
      customer_id, Quote(kind), Quote(when));
  Response r = Post("/api/v1/interactions", body);
  EXPECT_EQ(r.status, 201) << r.body;
  return BodyOf(r)["id"].as_int64();
}

boost::json::object BodyOf(const Response& response) {
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(response.body, ec);
  if (ec || !v.is_object()) {
    ADD_FAILURE() << "not a JSON object: " << response.body;
    return {};
  }
  return std::move(v.as_object());
}

std::vector<int64_t> ItemIds(const Response& response) {
  boost::json::object body = BodyOf(response);
  std::vector<int64_t> ids;
  if (!body.contains("items")) return ids;
  for (const auto& item : body["items"].as_array()) ids.push_back(item.at("id").as_int64());
  return ids;
}

void ExpectError(const Response& response, int status, std::string_view code,
                 std::string_view field) {
  EXPECT_EQ(response.status, status) << response.body;
  boost::json::object body = BodyOf(response);
  ASSERT_EQ(body.size(), 1u) << response.body;
  ASSERT_TRUE(body.contains("error") && body["error"].is_object()) << response.body;
  const auto& error = body["error"].as_object();
  EXPECT_EQ(error.size(), 3u) << response.body;
  EXPECT_EQ(error.at("code"), boost::json::value(code)) << response.body;
  ASSERT_TRUE(error.contains("message") && error.at("message").is_string()) << response.body;
  EXPECT_FALSE(error.at("message").as_string().empty());
  if (field.empty()) {
    EXPECT_TRUE(error.at("field").is_null()) << response.body;
  } else {
    EXPECT_EQ(error.at("field"), boost::json::value(field)) << response.body;
  }
}

std::string Quote(std::string_view text) {
  return boost::json::serialize(boost::json::string(text));
}

}  // namespace centric::api
