// SPDX-License-Identifier: Apache-2.0
#include "jobs/crosssell.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <set>

#include "ingest/bulk/bulk_writer.h"
#include "support/store_fixture.h"

namespace centric::jobs {
namespace {

using ::centric::testing::BackendName;
using ::centric::testing::BackendParam;

// A small food shop and home store. Products: two pizzas (Food/Pizza), a pasta (Food/Pasta), a
// soda (Drinks/Soda) and a candle (Home/Candles). Customers, one order a week from 2024-01-01:
//   30 "P+A": 3 orders of pizza PZ1 + pasta;
//   30 "P":   6 orders of pizza PZ2 alone;
//   20 "P+S": 2 orders of pizza PZ1 + soda;
//   20 "H":   1 order of a candle (one-off single-category buyers);
//   1 "R":    pizza PZ1, then pasta returned in a second order.
// Orders: 90 + 180 + 40 + 20 + 2 = 332. Per order, Pizza is in 90 + 180 + 40 + 1 = 311 orders,
// Pasta in 90 (the return is not a purchase), both in 90: Pizza -> Pasta has confidence
// 90/311 and lift (90/311) / (90/332) = 332/311.
void FillShop(Stores& stores) {
  auto writer = ingest::BeginBulk(stores.connection());
  ASSERT_TRUE(writer);
  auto& w = **writer;
  auto product = [&](const char* sku, const char* name, const char* category, int64_t price) {
    Product p;
    p.sku = sku;
    p.name = name;
    p.category = category;
    p.price_minor = price;
    return *w.UpsertProduct(p);
  };
  const ProductId pz1 = product("PZ1", "Margherita", "Food/Pizza", 900);
  const ProductId pz2 = product("PZ2", "Diavola", "Food/Pizza", 1100);
  const ProductId pasta = product("PA1", "Carbonara", "Food/Pasta", 800);
  const ProductId soda = product("SO1", "Lemon soda", "Drinks/Soda", 250);
  product("CA1", "Candle", "Home/Candles", 1500);
  const ProductId candle = *w.EnsureProduct("CA1", Product{});
  const Timestamp start = *ParseIso8601("2024-01-01");
  int customer_no = 0;
  auto add = [&](int customers, int orders, std::vector<ProductId> items) {
    for (int c = 0; c < customers; ++c) {
      const std::string key = "C" + std::to_string(customer_no++);
      CustomerId id = *w.EnsureCustomer(key, Customer{.name = key});
      for (int k = 0; k < orders; ++k) {
        Order o;
        o.customer_id = id;
        o.external_id = "I" + std::to_string(k);
        o.ordered_at = start + std::chrono::days(7 * k + c % 7);
        for (ProductId item : items) {
          o.lines.push_back(OrderLine{
              .product_id = item, .quantity = 1, .unit_price_minor = 1000, .amount_minor = 1000});
        }
        RecomputeTotals(o);
        ASSERT_TRUE(w.UpsertOrder(o));
      }
    }
  };
  add(30, 3, {pz1, pasta});
  add(30, 6, {pz2});
  add(20, 2, {pz1, soda});
  add(20, 1, {candle});
  CustomerId r = *w.EnsureCustomer("R", Customer{.name = "R"});
  Order first;
  first.customer_id = r;
  first.external_id = "R1";
  first.ordered_at = start;
  first.lines.push_back(
      OrderLine{.product_id = pz1, .quantity = 1, .unit_price_minor = 900, .amount_minor = 900});
  RecomputeTotals(first);
  ASSERT_TRUE(w.UpsertOrder(first));
  Order back = first;
  back.external_id = "R2";
  back.ordered_at = start + std::chrono::days(3);
  back.status = OrderStatus::kReturned;
  back.lines = {OrderLine{
      .product_id = pasta, .quantity = -1, .unit_price_minor = 800, .amount_minor = -800}};
  RecomputeTotals(back);
  ASSERT_TRUE(w.UpsertOrder(back));
  ASSERT_TRUE(w.Commit().ok());
}

TEST(BasketLevelTest, ParsesLevelsAndRejectsOthers) {
  EXPECT_EQ(ParseBasketLevel("product")->level, BasketSpec::Level::kProduct);
  EXPECT_EQ(ParseBasketLevel("category")->depth, 0);
  EXPECT_EQ(ParseBasketLevel("category:2")->depth, 2);
  EXPECT_EQ(LevelName(*ParseBasketLevel("category:2")), "category:2");
  for (const char* bad : {"category:0", "category:x", "sku", "category:", "category:1a"}) {
    auto got = ParseBasketLevel(bad);
    ASSERT_FALSE(got) << bad;
    EXPECT_EQ(got.error().field(), "level");
  }
  EXPECT_EQ(*ParseBasketPer("customer"), BasketSpec::Per::kCustomer);
  EXPECT_FALSE(ParseBasketPer("basket"));
}

class CrossSellStoreTest : public ::testing::TestWithParam<BackendParam> {
 protected:
  void SetUp() override {
    CENTRIC_REQUIRE_BACKEND(GetParam().name);
    stores_ = ::centric::testing::FreshStores(GetParam().name);
    ASSERT_NE(stores_, nullptr);
    store_ = &stores_->customers();
    FillShop(*stores_);
  }
  std::unique_ptr<Stores> stores_;
  customers::CustomerStore* store_ = nullptr;  // stores_->customers(): the shop's customers
  crosssell::CrossSellStore& model() { return stores_->crosssell(); }
};

TEST_P(CrossSellStoreTest, BuildsBasketsFromPurchasesOnly) {
  auto data = LoadPurchases(stores_->orders(), model());
  ASSERT_TRUE(data) << data.error().ToString();
  EXPECT_EQ(data->orders, 332u);
  EXPECT_EQ(data->customer_ids.size(), 101u);
  auto orders = BuildBaskets(*data, *ParseBasketLevel("category:1"));
  ASSERT_TRUE(orders);
  EXPECT_EQ(orders->size(), 332u);
  auto customers = BuildBaskets(
      *data, BasketSpec{.level = BasketSpec::Level::kProduct, .per = BasketSpec::Per::kCustomer});
  ASSERT_TRUE(customers);
  ASSERT_EQ(customers->size(), 101u);
  // Customer R kept the pizza only: the returned pasta is not in their basket.
  size_t r = std::find(data->customer_ids.begin(), data->customer_ids.end(),
                       store_->GetCustomerByExternalId("R")->id) -
             data->customer_ids.begin();
  auto basket = customers->basket(r);
  ASSERT_EQ(basket.size(), 1u);
  EXPECT_EQ(customers->dictionary().name(basket[0]), "PZ1");
  // The last 7 days hold only the 6th orders of the "P" customers (days 35 .. 41).
  auto recent =
      BuildBaskets(*data, BasketSpec{.per = BasketSpec::Per::kCustomer, .window_days = 7});
  size_t with_items = 0;
  for (size_t b = 0; b < recent->size(); ++b) with_items += !recent->basket(b).empty();
  EXPECT_EQ(with_items, 30u);
}

TEST_P(CrossSellStoreTest, SavesRulesNeighboursCoverageAndTargets) {
  auto result = RunCrossSell(stores_->orders(), model(), CrossSellOptions{.targets = 10});
  ASSERT_TRUE(result) << result.error().ToString();
  const boost::json::object& report = result->report;
  EXPECT_EQ(report.at("orders").to_number<int64_t>(), 332);

  auto rules = model().ListCrossSellRules({.level = "category", .antecedent = "Food/Pizza"});
  ASSERT_TRUE(rules) << rules.error().ToString();
  auto pasta = std::find_if(rules->begin(), rules->end(), [](const crosssell::CrossSellRule& r) {
    return r.antecedent == std::vector<std::string>{"Food/Pizza"} &&
           r.consequent == std::vector<std::string>{"Food/Pasta"};
  });
  ASSERT_NE(pasta, rules->end());
  EXPECT_EQ(pasta->count, 90);
  EXPECT_EQ(pasta->antecedent_count, 311);
  EXPECT_NEAR(pasta->confidence, 90.0 / 311.0, 1e-12);
  EXPECT_NEAR(pasta->lift, 332.0 / 311.0, 1e-12);

  // Over customers: Pasta's 30 buyers all bought Pizza (81 buyers of 101).
  auto slice = model().CrossSellNeighbours("category", {"Food/Pasta"}, 2);
  ASSERT_TRUE(slice) << slice.error().ToString();
  EXPECT_EQ(slice->offered, 4);  // Pizza, Pasta, Soda, Candles
  ASSERT_FALSE(slice->neighbours.empty());
  EXPECT_EQ(slice->neighbours[0].neighbour, "Food/Pizza");
  EXPECT_EQ(slice->neighbours[0].co_customers, 30);
  EXPECT_NEAR(slice->neighbours[0].confidence, 1.0, 1e-12);
  EXPECT_NEAR(slice->neighbours[0].lift, 101.0 / 81.0, 1e-12);
  EXPECT_EQ(slice->popular.front(), "Food/Pizza");
  auto products = model().CrossSellNeighbours("product", {"PZ1"}, 0);
  ASSERT_TRUE(products);
  bool named = false;
  for (const auto& item : products->items) named |= item.item == "PA1" && item.name == "Carbonara";
  EXPECT_TRUE(named);

  // Coverage by department: Drinks, Food, Home. 30 + 30 + 1 + 20 customers hold one
  // department, the 20 pizza-and-soda customers two.
  const auto& coverage = report.at("coverage").as_object();
  EXPECT_EQ(coverage.at("offered").to_number<int64_t>(), 3);
  EXPECT_EQ(coverage.at("categories").as_array().size(), 3u);
  const auto& histogram = coverage.at("histogram").as_array();
  EXPECT_EQ(histogram[0].as_object().at("customers").to_number<int64_t>(), 81);
  EXPECT_EQ(histogram[1].as_object().at("customers").to_number<int64_t>(), 20);
  EXPECT_EQ(coverage.at("matrix").as_array()[0].as_array()[1].to_number<int64_t>(),
            20);  // Drinks & Food

  // Targets are single-department customers. The multi-department buyers (pizza and soda)
  // place orders of two items worth 20.00; of the single-department customers, the pizza and
  // pasta buyers do the same and look most like them, before the pizza-only and candle buyers.
  const auto& targets = report.at("targets").as_array();
  ASSERT_EQ(targets.size(), 10u);
  std::set<int64_t> pizza_and_pasta;
  for (int c = 0; c < 30; ++c) {
    pizza_and_pasta.insert(store_->GetCustomerByExternalId("C" + std::to_string(c))->id);
  }
  for (const auto& t : targets) {
    EXPECT_EQ(t.as_object().at("category").as_string(), "Food");
    EXPECT_EQ(t.as_object().at("suggest").as_string(), "Drinks");
    EXPECT_TRUE(pizza_and_pasta.count(t.as_object().at("customer_id").to_number<int64_t>()));
  }
  auto latest = model().LatestCrossSell();
  ASSERT_TRUE(latest);
  EXPECT_EQ(latest->id, report.at("run_id").to_number<int64_t>());
}

TEST_P(CrossSellStoreTest, AnEmptyStoreGivesAnEmptyModel) {
  auto empty = ::centric::testing::FreshStores(GetParam().name);
  auto result = RunCrossSell(empty->orders(), empty->crosssell(), {});
  ASSERT_TRUE(result) << result.error().ToString();
  EXPECT_TRUE(result->model.rules.empty());
  EXPECT_TRUE(result->model.items.empty());
  EXPECT_TRUE(result->report.at("targets").as_array().empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, CrossSellStoreTest,
                         ::testing::ValuesIn(::centric::testing::TestBackends()), BackendName());

}  // namespace
}  // namespace centric::jobs
