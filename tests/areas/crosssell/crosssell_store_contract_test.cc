// SPDX-License-Identifier: Apache-2.0
// The cross-sell store's contract on SQLite and PostgreSQL: order lines read with their orders,
// and models replaced as a whole, queried by level, audited once each.
#include <gtest/gtest.h>

#include "support/shop_fixture.h"

namespace centric::crosssell {
namespace {

using ::centric::testing::BackendName;

Timestamp At(const char* iso) { return *ParseIso8601(iso); }

class CrossSellStoreContractTest : public ::centric::testing::ShopStoreTest {
 protected:
  CrossSellStore& crosssell() { return stores_->crosssell(); }
};

TEST_P(CrossSellStoreContractTest, PurchasesListEveryLineWithItsOrder) {
  Customer a = AddCustomer("A", "a");
  Customer b = AddCustomer("B", "b");
  AddProduct("PIZ", "Food/Pizza", 900);
  AddProduct("PAS", "Food/Pasta", 800);
  auto pizza =
      OrderLine{.sku = "PIZ", .quantity = 2, .unit_price_minor = 900, .amount_minor = 1800};
  auto pasta = OrderLine{.sku = "PAS", .quantity = 1, .unit_price_minor = 800, .amount_minor = 800};
  ASSERT_TRUE(orders_->CreateOrder(MakeOrder(a.id, "1", "2024-01-10T10:00:00Z", {pizza, pasta})));
  Order returned = MakeOrder(
      a.id, "R1", "2024-01-12T10:00:00Z",
      {OrderLine{.sku = "PAS", .quantity = -1, .unit_price_minor = 800, .amount_minor = -800}});
  returned.status = OrderStatus::kReturned;
  ASSERT_TRUE(orders_->CreateOrder(returned));
  ASSERT_TRUE(orders_->CreateOrder(MakeOrder(b.id, "2", "2024-01-11T10:00:00Z", {pasta})));

  std::vector<PurchaseLine> all;
  ASSERT_TRUE(crosssell().ScanPurchases([&](const PurchaseLine& l) { all.push_back(l); }).ok());
  ASSERT_EQ(all.size(), 4u);
  // The two lines of one order come together.
  auto first =
      std::find_if(all.begin(), all.end(), [](const PurchaseLine& l) { return l.quantity == 2; });
  ASSERT_NE(first, all.end());
  const OrderId first_order = first->order_id;
  EXPECT_EQ(std::count_if(all.begin(), all.end(),
                          [&](const PurchaseLine& l) { return l.order_id == first_order; }),
            2);

  auto mine = crosssell().CustomerPurchases(a.id);
  ASSERT_TRUE(mine) << mine.error().ToString();
  ASSERT_EQ(mine->size(), 3u);
  EXPECT_EQ((*mine)[0].sku, "PIZ");
  EXPECT_EQ((*mine)[0].category, "Food/Pizza");
  EXPECT_EQ((*mine)[0].amount_minor, 1800);
  EXPECT_EQ((*mine)[2].status, OrderStatus::kReturned);
  EXPECT_EQ((*mine)[2].quantity, -1);
  EXPECT_EQ((*mine)[2].ordered_at, At("2024-01-12T10:00:00Z"));
  EXPECT_TRUE(crosssell().CustomerPurchases(99999)->empty());
}

TEST_P(CrossSellStoreContractTest, CrossSellModelIsReplacedAsAWholeAndQueried) {
  EXPECT_EQ(crosssell().LatestCrossSell().error().code(), StatusCode::kNotFound);
  EXPECT_EQ(crosssell().CrossSellNeighbours("category", {"Food/Pizza"}, 3).error().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(crosssell().ListCrossSellRules({}).error().code(), StatusCode::kNotFound);

  CrossSellModel model;
  model.report_json = R"({"baskets":3})";
  for (auto [item, customers] :
       {std::pair{"Food/Pizza", 30}, {"Food/Pasta", 20}, {"Drinks", 50}, {"Desserts", 5}}) {
    model.items.push_back({"category", item, item, customers, 450.5});
  }
  model.items.push_back({"product", "PIZ", "Margherita", 7, 900});
  model.neighbours = {
      {"category", "Food/Pizza", 1, "Food/Pasta", 0.5, 3.25, 0.4, 12},
      {"category", "Food/Pizza", 2, "Drinks", 0.25, 1.5, 0.6, 18},
      {"category", "Desserts", 1, "Drinks", 0.125, 1.25, 0.8, 4},
  };
  const double inf = std::numeric_limits<double>::infinity();
  model.rules = {
      {"category", {"Food/Pizza"}, {"Food/Pasta"}, 12, 30, 20, 0.12, 0.4, 3.25, 0.08, 1.5},
      {"category", {"Desserts", "Food/Pizza"}, {"Drinks"}, 4, 4, 50, 0.04, 1.0, 2.0, 0.02, inf},
      {"category", {"Drinks"}, {"Food/Pizza"}, 18, 50, 30, 0.18, 0.36, 1.2, 0.03, 1.1},
      {"product", {"PIZ"}, {"PAS"}, 3, 7, 5, 0.03, 0.43, 5.0, 0.02, 1.6},
  };
  auto run = crosssell().SaveCrossSell(model);
  ASSERT_TRUE(run) << run.error().ToString();
  auto latest = crosssell().LatestCrossSell();
  ASSERT_TRUE(latest);
  EXPECT_EQ(latest->id, *run);
  EXPECT_NE(latest->report_json.find("baskets"), std::string::npos);

  auto slice = crosssell().CrossSellNeighbours("category", {"Food/Pizza", "Unknown"}, 2);
  ASSERT_TRUE(slice) << slice.error().ToString();
  EXPECT_EQ(slice->run_id, *run);
  EXPECT_EQ(slice->offered, 4);
  ASSERT_EQ(slice->neighbours.size(), 2u);
  EXPECT_EQ(slice->neighbours[0].neighbour, "Food/Pasta");
  EXPECT_EQ(slice->neighbours[0].rank, 1);
  EXPECT_DOUBLE_EQ(slice->neighbours[0].lift, 3.25);
  EXPECT_EQ(slice->neighbours[1].co_customers, 18);
  EXPECT_EQ(slice->popular, (std::vector<std::string>{"Drinks", "Food/Pizza"}));
  std::set<std::string> items;
  for (const auto& i : slice->items) items.insert(i.item);
  EXPECT_EQ(items, (std::set<std::string>{"Drinks", "Food/Pasta", "Food/Pizza"}));
  EXPECT_DOUBLE_EQ(slice->items[0].unit_price_minor, 450.5);

  auto rules = crosssell().ListCrossSellRules({.level = "category"});
  ASSERT_TRUE(rules) << rules.error().ToString();
  ASSERT_EQ(rules->size(), 3u);
  EXPECT_DOUBLE_EQ((*rules)[0].lift, 3.25);  // highest lift first
  EXPECT_TRUE(std::isinf((*rules)[1].conviction));
  EXPECT_EQ((*rules)[1].antecedent, (std::vector<std::string>{"Desserts", "Food/Pizza"}));
  auto strong = crosssell().ListCrossSellRules(
      {.level = "category", .min_confidence = 0.39, .min_lift = 2.5});
  ASSERT_EQ(strong->size(), 1u);
  auto about_pizza =
      crosssell().ListCrossSellRules({.level = "category", .antecedent = "Food/Pizza"});
  ASSERT_EQ(about_pizza->size(), 2u);
  auto one = crosssell().ListCrossSellRules({.level = "product", .limit = 1});
  ASSERT_EQ(one->size(), 1u);
  EXPECT_EQ(one->front().consequent, (std::vector<std::string>{"PAS"}));

  // The next run replaces everything.
  CrossSellModel next;
  next.report_json = "{}";
  next.items.push_back({"category", "Drinks", "Drinks", 1, 1});
  ASSERT_TRUE(crosssell().SaveCrossSell(next));
  auto after = crosssell().CrossSellNeighbours("category", {"Food/Pizza"}, 5);
  ASSERT_TRUE(after);
  EXPECT_TRUE(after->neighbours.empty());
  EXPECT_EQ(after->offered, 1);
  EXPECT_TRUE(crosssell().ListCrossSellRules({})->empty());
  // Each saved model is audited once.
  EXPECT_EQ(AuditActions("crosssell_run"), (std::vector<std::string>{"analyze", "analyze"}));
}

INSTANTIATE_TEST_SUITE_P(Backends, CrossSellStoreContractTest,
                         ::testing::ValuesIn(::centric::testing::TestBackends()), BackendName());

}  // namespace
}  // namespace centric::crosssell
