// SPDX-License-Identifier: Apache-2.0
// Association rules measured on the generated baskets must show the affinities the generator
// was given, and no association where there is none.
#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "demo/buying.h"
#include "demo/catalog.h"
#include "demo/demo.h"
#include "demo/random.h"
#include "sample.h"

namespace centric::demo {
namespace {

using sample::PlacedOrders;
using sample::SampleCustomers;

struct Lift {
  double lift = 0;
  int64_t both = 0;
};

// lift(A -> B) = P(A and B) / (P(A) P(B)) over placed orders, by category.
Lift MeasureLift(std::string_view a, std::string_view b) {
  std::map<std::string, std::string> category;  // sku -> category
  for (const auto& p : sample::SampleGenerator().products()) category[p.sku] = p.category;
  int64_t n = 0, na = 0, nb = 0, nab = 0;
  for (const auto& g : SampleCustomers()) {
    for (const auto* order : PlacedOrders(g)) {
      bool has_a = false, has_b = false;
      for (const auto& line : order->lines) {
        const auto& c = category.at(line.sku);
        has_a = has_a || c == a;
        has_b = has_b || c == b;
      }
      ++n;
      na += has_a;
      nb += has_b;
      nab += has_a && has_b;
    }
  }
  double pa = static_cast<double>(na) / n, pb = static_cast<double>(nb) / n;
  return {static_cast<double>(nab) / n / (pa * pb), nab};
}

TEST(BasketTest, AffinitiesShowAsLiftsWellAboveOne) {
  Lift pizza = MeasureLift("Food/Pizza", "Food/Drinks");
  Lift phones = MeasureLift("Electronics/Phones", "Electronics/Accessories");
  Lift sofas = MeasureLift("Furniture/Sofas", "Furniture/Cushions");
  // Pizza is in ~20% of baskets and drinks, also bought alone and with pasta, in ~30%, so
  // P(drinks | pizza) ~ 0.6 gives a lift near 2; electronics and furniture are rarer, so their
  // complements show larger lifts. Each pair co-occurs in hundreds of baskets or more, which
  // puts the standard error of these lifts under 5%.
  EXPECT_GT(pizza.lift, 1.5) << pizza.both;
  EXPECT_GT(phones.lift, 2.0) << phones.both;
  EXPECT_GT(sofas.lift, 2.0) << sofas.both;
}

TEST(BasketTest, UnrelatedPairHasLiftNearOne) {
  // Checkout snacks join a basket with probability 0.1 whatever else it holds. With about
  // 67,000 orders of which ~8% hold shoes, ~540 shoe baskets hold snacks: a standard error of
  // about 4.5% on the lift, so 0.85..1.15 is over three of them.
  Lift lift = MeasureLift("Clothing/Shoes", "Food/Snacks");
  EXPECT_GT(lift.both, 300);
  EXPECT_NEAR(lift.lift, 1.0, 0.15);
}

TEST(BasketTest, BasketsSpendTheBudgetToTheCent) {
  const auto catalog = BuildCatalog(3, Timestamp{});
  std::vector<double> weights;
  for (int a : catalog.anchors) weights.push_back(catalog.categories[a].appeal);
  Rng rng(99);
  int short_baskets = 0;
  const int kBaskets = 20000;
  for (int i = 0; i < kBaskets; ++i) {
    // Budgets from the floor to a few thousand euros, log-uniform.
    int64_t budget =
        MinimumBudget(catalog) + static_cast<int64_t>(std::exp(rng.Between(0, std::log(300000.0))));
    Basket basket = BuildBasket(catalog, weights, budget, rng);
    ASSERT_FALSE(basket.lines.empty());
    ASSERT_LE(basket.lines.size(), 12u);
    int64_t total = 0;
    std::set<int> products;
    for (const auto& line : basket.lines) {
      const auto& product = catalog.products[line.product];
      const auto& category = catalog.categories[catalog.product_category[line.product]];
      EXPECT_TRUE(products.insert(line.product).second) << "one line per product";
      EXPECT_GE(line.quantity, 1);
      EXPECT_LE(line.quantity, category.max_quantity);
      EXPECT_GE(line.discount_minor, 0);
      EXPECT_LT(line.discount_minor, product.price_minor);
      total += line.quantity * product.price_minor - line.discount_minor;
    }
    EXPECT_EQ(total + basket.shortfall_minor, budget);
    short_baskets += basket.shortfall_minor > 0;
  }
  EXPECT_LT(short_baskets, kBaskets / 100);
}

}  // namespace
}  // namespace centric::demo
