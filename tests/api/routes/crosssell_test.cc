// SPDX-License-Identifier: Apache-2.0
// The cross-sell routes read the model jobs::CrossSellStore saves (the call `centric analyze`
// makes). The world: a food shop with a home corner.
//   6 customers buy pizza and pasta in one order, 4 pizza and soda, 3 a candle;
//   Ana buys a pizza, and buys a soda that she returns; Cy never buys.
// Over the 14 buyers: n(Pizza) = 11, n(Pasta) = 6, both 6, so Pizza -> Pasta has lift
// 6 * 14 / (11 * 6) = 14/11.
#include "jobs/crosssell.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "api_fixture.h"

namespace centric::api {
namespace {

namespace json = boost::json;

class CrossSellRoutesTest : public ApiTest {
 protected:
  void BuildShop() {
    CreateProduct("PIZ", "Food/Pizza", 900);
    CreateProduct("PAS", "Food/Pasta", 800);
    CreateProduct("SODA", "Drinks/Soda", 250);
    CreateProduct("CANDLE", "Home/Candles", 1500);
    int n = 0;
    auto buyers = [&](int count, std::vector<const char*> skus) {
      for (int c = 0; c < count; ++c) {
        const std::string key = fmt::format("K{}", n++);
        int64_t id = CreateCustomer(key, key);
        std::string lines;
        for (const char* sku : skus) {
          lines += fmt::format(R"({}{{"sku":"{}","quantity":1,"unit_price_minor":500}})",
                               lines.empty() ? "" : ",", sku);
        }
        Response r = Post("/api/v1/orders",
                          fmt::format(R"({{"customer_id":{},"external_id":"O{}",)"
                                      R"("ordered_at":"2024-03-0{}T10:00:00Z","lines":[{}]}})",
                                      id, n, 1 + c % 9, lines));
        ASSERT_EQ(r.status, 201) << r.body;
      }
    };
    buyers(6, {"PIZ", "PAS"});
    buyers(4, {"PIZ", "SODA"});
    buyers(3, {"CANDLE"});
    ana_ = CreateCustomer("ANA", "Ana");
    CreateOrder(ana_, "A1", "2024-03-01T10:00:00Z", "PIZ", 1);
    CreateOrder(ana_, "A2", "2024-03-02T10:00:00Z", "SODA", 1);
    Response returned = Post(
        "/api/v1/orders",
        fmt::format(R"({{"customer_id":{},"external_id":"A3","ordered_at":"2024-03-05T10:00:00Z",)"
                    R"("status":"returned","lines":[{{"sku":"SODA","quantity":-1,)"
                    R"("unit_price_minor":250}}]}})",
                    ana_));
    ASSERT_EQ(returned.status, 201) << returned.body;
    cy_ = CreateCustomer("CY", "Cy");
  }

  void BuildModel() {
    jobs::CrossSellOptions options;
    options.neighbours.min_count = 1;
    auto result = jobs::RunCrossSell(stores_->orders(), stores_->crosssell(), options);
    ASSERT_TRUE(result) << result.error().ToString();
    run_id_ = result->report.at("run_id").to_number<int64_t>();
  }

  int64_t ana_ = 0, cy_ = 0, run_id_ = 0;
};
CENTRIC_API_BACKENDS(CrossSellRoutesTest);

TEST_P(CrossSellRoutesTest, BeforeAnyModelEveryRouteIsNotFound) {
  BuildShop();
  ExpectError(Get(fmt::format("/api/v1/customers/{}/recommendations", ana_)), 404, "not_found");
  ExpectError(Get("/api/v1/analytics/basket/rules"), 404, "not_found");
  ExpectError(Get("/api/v1/analytics/categories"), 404, "not_found");
}

TEST_P(CrossSellRoutesTest, OffersWhatGoesWithWhatTheCustomerKeptWithAReason) {
  BuildShop();
  BuildModel();
  Response r =
      Call(Method::kGet, fmt::format("/api/v1/customers/{}/recommendations?level=category", ana_),
           "", analyst_);
  ASSERT_EQ(r.status, 200) << r.body;
  json::object body = BodyOf(r);
  EXPECT_EQ(body["run_id"].as_int64(), run_id_);
  const auto& offers = body["offers"].as_array();
  ASSERT_FALSE(offers.empty());
  const auto& first = offers[0].as_object();
  EXPECT_EQ(first.at("item"), "Food/Pasta");
  EXPECT_EQ(first.at("level"), "category");
  EXPECT_EQ(first.at("reason").at("kind"), "bought_together");
  EXPECT_EQ(first.at("reason").at("because"), "Food/Pizza");
  EXPECT_NEAR(first.at("lift").as_double(), 14.0 / 11.0, 1e-9);
  EXPECT_EQ(first.at("text"), "bought Pizza; buys Pasta 1.3\u00d7 more often than average");
  for (const auto& o : offers) {
    // She returned the soda and bought the pizza: neither comes back as an offer.
    EXPECT_NE(o.at("item"), "Drinks/Soda");
    EXPECT_NE(o.at("item"), "Food/Pizza");
  }
  EXPECT_EQ(body["coverage"].at("bought"), json::array({"Food/Pizza"}));
  EXPECT_EQ(body["coverage"].at("offered").as_int64(), 4);

  json::object products =
      BodyOf(Get(fmt::format("/api/v1/customers/{}/recommendations?level=product", ana_)));
  const auto& product_offers = products["offers"].as_array();
  ASSERT_FALSE(product_offers.empty());
  EXPECT_EQ(product_offers[0].at("item"), "PAS");
  for (const auto& o : product_offers) EXPECT_NE(o.at("item"), "SODA");

  json::object both = BodyOf(Get(fmt::format("/api/v1/customers/{}/recommendations", ana_)));
  EXPECT_EQ(both["offers"].as_array().front().at("level"), "category");
  EXPECT_EQ(both["offers"].as_array().back().at("level"), "product");
}

TEST_P(CrossSellRoutesTest, ANewCustomerGetsPopularItemsAndBadRequestsAreRefused) {
  BuildShop();
  BuildModel();
  json::object body =
      BodyOf(Get(fmt::format("/api/v1/customers/{}/recommendations?level=category&limit=2", cy_)));
  const auto& offers = body["offers"].as_array();
  ASSERT_EQ(offers.size(), 2u);
  EXPECT_EQ(offers[0].at("item"), "Food/Pizza");
  EXPECT_EQ(offers[0].at("reason").at("kind"), "popular");
  EXPECT_TRUE(body["coverage"].at("bought").as_array().empty());
  ExpectError(Get("/api/v1/customers/99999/recommendations"), 404, "not_found");
  ExpectError(Get(fmt::format("/api/v1/customers/{}/recommendations?level=sku", cy_)), 400,
              "invalid_argument", "level");
  ExpectError(Get(fmt::format("/api/v1/customers/{}/recommendations?limit=0", cy_)), 400,
              "invalid_argument", "limit");
}

TEST_P(CrossSellRoutesTest, ServesRulesByLevelAndFilter) {
  BuildShop();
  BuildModel();
  json::object body =
      BodyOf(Call(Method::kGet, "/api/v1/analytics/basket/rules?level=category", "", analyst_));
  EXPECT_EQ(body["level"], "category");
  EXPECT_EQ(body["run_id"].as_int64(), run_id_);
  const auto& rules = body["rules"].as_array();
  ASSERT_FALSE(rules.empty());
  double previous = 1e300;
  for (const auto& rule : rules) {
    const double lift = rule.at("lift").as_double();
    EXPECT_LE(lift, previous);  // highest lift first
    previous = lift;
  }
  // Per order: Pasta is in 6 of 16 orders and always with Pizza (11 orders):
  // Pasta -> Pizza has confidence 1, lift 16/11 and infinite conviction (null).
  json::object pasta = BodyOf(Get("/api/v1/analytics/basket/rules?antecedent=Food/Pasta"));
  ASSERT_EQ(pasta["rules"].as_array().size(), 1u);
  const auto& rule = pasta["rules"].as_array()[0].as_object();
  EXPECT_EQ(rule.at("consequent"), json::array({"Food/Pizza"}));
  EXPECT_DOUBLE_EQ(rule.at("confidence").as_double(), 1.0);
  EXPECT_NEAR(rule.at("lift").as_double(), 16.0 / 11.0, 1e-9);
  EXPECT_TRUE(rule.at("conviction").is_null());
  EXPECT_TRUE(
      BodyOf(Get("/api/v1/analytics/basket/rules?min_lift=100"))["rules"].as_array().empty());
  EXPECT_FALSE(
      BodyOf(Get("/api/v1/analytics/basket/rules?level=product"))["rules"].as_array().empty());
  ExpectError(Get("/api/v1/analytics/basket/rules?min_lift=x"), 400, "invalid_argument",
              "min_lift");
  ExpectError(Get("/api/v1/analytics/basket/rules?level=sku"), 400, "invalid_argument", "level");
}

TEST_P(CrossSellRoutesTest, ServesCategoryCoverageAndNamedTargets) {
  BuildShop();
  BuildModel();
  json::object body = BodyOf(Get("/api/v1/analytics/categories?targets=3"));
  EXPECT_EQ(body["categories"], json::array({"Drinks", "Food", "Home"}));
  EXPECT_EQ(body["offered"].as_int64(), 3);
  // One department: 6 pizza-and-pasta, Ana, 3 candle buyers; two: the 4 pizza-and-soda buyers.
  const auto& histogram = body["histogram"].as_array();
  EXPECT_EQ(histogram[0].at("customers").as_int64(), 10);
  EXPECT_EQ(histogram[1].at("customers").as_int64(), 4);
  EXPECT_EQ(body["matrix"].as_array()[0].as_array()[1].as_int64(), 4);  // Drinks & Food
  const auto& targets = body["targets"].as_array();
  ASSERT_EQ(targets.size(), 3u);
  for (const auto& t : targets) {
    EXPECT_TRUE(t.at("name").is_string());
    EXPECT_TRUE(t.at("score").is_double());
  }
  ExpectError(Get("/api/v1/analytics/categories?targets=-1"), 400, "invalid_argument", "targets");
}

}  // namespace
}  // namespace centric::api
