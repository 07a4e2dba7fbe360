// SPDX-License-Identifier: Apache-2.0
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <vector>

#include "api_fixture.h"

namespace centric::api {
namespace {

namespace json = boost::json;

class OrderRoutesTest : public ApiTest {
 protected:
  std::vector<int64_t> Ids(const std::string& target) {
    Response r = Get(target);
    EXPECT_EQ(r.status, 200) << target << ": " << r.body;
    return ItemIds(r);
  }
};
CENTRIC_API_BACKENDS(OrderRoutesTest);

TEST_P(OrderRoutesTest, CreatesReadsUpdatesAndDeletes) {
  int64_t customer = CreateCustomer("C-1", "Ana");
  int64_t pizza = CreateProduct("PZ-1", "Food/Pizza", 850);
  CreateProduct("DR-1", "Drinks", 200);
  Response created = Post("/api/v1/orders", fmt::format(R"({{
      "customer_id": {}, "external_id": "INV-1", "ordered_at": "2024-05-01T12:30:00Z",
      "lines": [
        {{"sku": "PZ-1", "quantity": 2, "unit_price_minor": 850, "discount_minor": 100}},
        {{"product_id": {}, "sku": "", "quantity": 1, "unit_price_minor": 850}},
        {{"sku": "DR-1", "description": "Cola", "quantity": 3, "unit_price_minor": 200}}]}})",
                                                        customer, pizza));
  ASSERT_EQ(created.status, 201) << created.body;
  json::object order = BodyOf(created);
  int64_t id = order["id"].as_int64();
  EXPECT_EQ(order["total_minor"], 2 * 850 - 100 + 850 + 600);
  EXPECT_EQ(order["discount_minor"], 100);
  ASSERT_EQ(order["lines"].as_array().size(), 3u);
  EXPECT_EQ(order["lines"].as_array()[1].at("sku"), "PZ-1");  // filled in by the store
  EXPECT_EQ(order["status"], "placed");
  std::string item = fmt::format("/api/v1/orders/{}", id);

  EXPECT_EQ(BodyOf(Get(item)), order);

  // Cancelling changes the status and nothing else.
  json::object cancelled = BodyOf(Patch(item, R"({"status":"cancelled"})"));
  EXPECT_EQ(cancelled["status"], "cancelled");
  EXPECT_EQ(cancelled["lines"], order["lines"]);
  EXPECT_EQ(cancelled["total_minor"], order["total_minor"]);

  EXPECT_EQ(Delete(item).status, 204);
  ExpectError(Get(item), 404, "not_found");
}

TEST_P(OrderRoutesTest, ReferencesToMissingThingsAre400) {
  int64_t customer = CreateCustomer("C-1", "Ana");
  CreateProduct("S-1", "Food", 100);
  ExpectError(
      Post(
          "/api/v1/orders",
          R"({"customer_id":9999,"external_id":"I","ordered_at":"2024-01-01","lines":[{"sku":"S-1","quantity":1}]})"),
      400, "invalid_argument", "customer_id");
  ExpectError(
      Post(
          "/api/v1/orders",
          fmt::format(
              R"({{"customer_id":{},"external_id":"I","ordered_at":"2024-01-01","lines":[{{"sku":"NOPE","quantity":1}}]}})",
              customer)),
      400, "invalid_argument", "lines");
  ExpectError(Post("/api/v1/orders",
                   fmt::format(R"({{"customer_id":{},"external_id":"I","ordered_at":"yesterday"}})",
                               customer)),
              400, "invalid_argument", "ordered_at");
  ExpectError(
      Post("/api/v1/orders",
           fmt::format(R"({{"customer_id":{},"external_id":"I","status":"lost"}})", customer)),
      400, "invalid_argument", "status");
}

TEST_P(OrderRoutesTest, DuplicateInvoiceForTheSameCustomerIs409) {
  int64_t customer = CreateCustomer("C-1", "Ana");
  CreateProduct("S-1", "Food", 100);
  CreateOrder(customer, "INV-1", "2024-01-01", "S-1", 1);
  ExpectError(
      Post(
          "/api/v1/orders",
          fmt::format(
              R"({{"customer_id":{},"external_id":"INV-1","ordered_at":"2024-01-02","lines":[{{"sku":"S-1","quantity":1}}]}})",
              customer)),
      409, "already_exists", "external_id");
}

TEST_P(OrderRoutesTest, FiltersByCustomerAndTime) {
  int64_t ana = CreateCustomer("C-1", "Ana");
  int64_t bo = CreateCustomer("C-2", "Bo");
  CreateProduct("S-1", "Food", 100);
  int64_t jan = CreateOrder(ana, "A-1", "2024-01-15T10:00:00Z", "S-1", 1);
  int64_t feb = CreateOrder(ana, "A-2", "2024-02-15T10:00:00Z", "S-1", 1);
  int64_t bo_feb = CreateOrder(bo, "B-1", "2024-02-20T10:00:00Z", "S-1", 1);
  int64_t mar = CreateOrder(ana, "A-3", "2024-03-01T00:00:00Z", "S-1", 1);

  EXPECT_EQ(Ids(fmt::format("/api/v1/orders?customer_id={}", ana)),
            (std::vector<int64_t>{jan, feb, mar}));
  EXPECT_EQ(Ids(fmt::format("/api/v1/orders?customer_id={}", bo)), (std::vector<int64_t>{bo_feb}));
  // from is inclusive, to exclusive.
  EXPECT_EQ(Ids("/api/v1/orders?from=2024-02-01&to=2024-03-01"),
            (std::vector<int64_t>{feb, bo_feb}));
  EXPECT_EQ(Ids("/api/v1/orders?from=2024-03-01T00:00:00Z"), (std::vector<int64_t>{mar}));
  EXPECT_EQ(Ids(fmt::format("/api/v1/orders?customer_id={}&from=2024-02-01", ana)),
            (std::vector<int64_t>{feb, mar}));
  ExpectError(Get("/api/v1/orders?from=someday"), 400, "invalid_argument", "from");
  ExpectError(Get("/api/v1/orders?customer_id=abc"), 400, "invalid_argument", "customer_id");

  std::vector<int64_t> walked;
  std::string target = "/api/v1/orders?limit=1";
  for (int i = 0; i < 10; ++i) {
    json::object page = BodyOf(Get(target));
    for (const auto& o : page["items"].as_array()) walked.push_back(o.at("id").as_int64());
    if (page["next_cursor"].is_null()) break;
    target = "/api/v1/orders?limit=1&cursor=" + std::string(page["next_cursor"].as_string());
  }
  EXPECT_EQ(walked, (std::vector<int64_t>{jan, feb, bo_feb, mar}));
}

}  // namespace
}  // namespace centric::api
