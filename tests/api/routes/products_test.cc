// SPDX-License-Identifier: Apache-2.0
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <vector>

#include "api_fixture.h"

namespace centric::api {
namespace {

namespace json = boost::json;

class ProductRoutesTest : public ApiTest {};
CENTRIC_API_BACKENDS(ProductRoutesTest);

TEST_P(ProductRoutesTest, CreatesReadsUpdatesAndDeletes) {
  Response created =
      Post("/api/v1/products", R"({"sku":"PZ-1","name":"Margherita","category":"Food/Pizza",)"
                               R"("currency":"EUR","price_minor":850,"unit_cost_minor":300})");
  ASSERT_EQ(created.status, 201) << created.body;
  int64_t id = BodyOf(created)["id"].as_int64();
  EXPECT_EQ(created.Header("Location"), fmt::format("/api/v1/products/{}", id));
  std::string item = fmt::format("/api/v1/products/{}", id);

  json::object got = BodyOf(Get(item));
  EXPECT_EQ(got["sku"], "PZ-1");
  EXPECT_EQ(got["price_minor"], 850);

  json::object patched = BodyOf(Patch(item, R"({"price_minor":900})"));
  EXPECT_EQ(patched["price_minor"], 900);
  EXPECT_EQ(patched["name"], "Margherita");
  EXPECT_EQ(patched["unit_cost_minor"], 300);

  EXPECT_EQ(Delete(item).status, 204);
  ExpectError(Get(item), 404, "not_found");
}

TEST_P(ProductRoutesTest, RejectsBadFieldsAndDuplicates) {
  ExpectError(Post("/api/v1/products", R"({"sku":"S","price_minor":"8.50"})"), 400,
              "invalid_argument", "price_minor");
  ExpectError(Post("/api/v1/products", R"({"sku":"S","currency":"euro"})"), 400, "invalid_argument",
              "currency");
  CreateProduct("S-1", "Food", 100);
  ExpectError(Post("/api/v1/products", R"({"sku":"S-1","name":"again"})"), 409, "already_exists",
              "sku");
}

TEST_P(ProductRoutesTest, FiltersByCategoryPrefix) {
  int64_t pizza = CreateProduct("P-1", "Food/Pizza", 850);
  int64_t pasta = CreateProduct("P-2", "Food/Pasta", 900);
  CreateProduct("P-3", "Drinks", 200);
  CreateProduct("P-4", "Foodstuff", 100);  // not under "Food"
  EXPECT_EQ(ItemIds(Get("/api/v1/products?category=Food")), (std::vector<int64_t>{pizza, pasta}));
  EXPECT_EQ(BodyOf(Get("/api/v1/products?category=Food%2FPizza"))["items"].as_array().size(), 1u);
}

TEST_P(ProductRoutesTest, WalksAllPages) {
  std::vector<int64_t> created;
  for (int i = 0; i < 11; ++i) created.push_back(CreateProduct(fmt::format("S-{}", i), "X", i));
  std::vector<int64_t> seen;
  std::string target = "/api/v1/products?limit=3";
  for (int pages = 0; pages < 10; ++pages) {
    json::object page = BodyOf(Get(target));
    for (const auto& p : page["items"].as_array()) seen.push_back(p.at("id").as_int64());
    if (page["next_cursor"].is_null()) break;
    target = "/api/v1/products?limit=3&cursor=" + std::string(page["next_cursor"].as_string());
  }
  EXPECT_EQ(seen, created);
}

TEST_P(ProductRoutesTest, ProductOnAnOrderCannotBeDeleted) {
  int64_t customer = CreateCustomer("C-1", "Ana");
  int64_t product = CreateProduct("S-1", "Food", 100);
  CreateOrder(customer, "INV-1", "2024-01-01", "S-1", 1);
  ExpectError(Delete(fmt::format("/api/v1/products/{}", product)), 409, "failed_precondition");
}

}  // namespace
}  // namespace centric::api
