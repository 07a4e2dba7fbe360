// SPDX-License-Identifier: Apache-2.0
#include "analytics/basket/next_best_offer.h"

#include <gtest/gtest.h>

#include <cmath>

namespace centric::analytics::basket {
namespace {

// A pizza shop: Pizza points to Pasta (lift 3.2) and Drinks; Salad points to Drinks too.
OfferContext Shop() {
  OfferContext c;
  c.customers = 100;
  c.items = {{"Pizza", "Pizza", 40, 900},  {"Pasta", "Pasta", 20, 800},
             {"Drinks", "Drinks", 60, 250}, {"Salad", "Salad", 10, 600},
             {"Wine", "Wine", 5, 4000},    {"Dessert", "Dessert", 30, 400}};
  c.neighbours = {{"Pizza", "Pasta", 0.5, 3.2, 0.4},  {"Pizza", "Drinks", 0.3, 1.4, 0.7},
                  {"Salad", "Drinks", 0.3, 1.6, 0.8}, {"Salad", "Wine", 0.4, 2.5, 0.2},
                  {"Pizza", "Salad", 0.1, 1.1, 0.1}};
  c.popular = {"Drinks", "Pizza", "Dessert", "Pasta"};
  return c;
}

TEST(NextBestOfferTest, RanksBySummedSimilarityWithTheBestLiftAsReason) {
  std::vector<PurchaseEvent> history = {{"Pizza", 2}, {"Salad", 1}};
  auto offers = RankOffers(history, Shop(), {}, 3);
  ASSERT_EQ(offers.size(), 3u);
  // Drinks: 0.3 + 0.3 = 0.6; Pasta 0.5; Wine 0.4. Salad was bought: never offered.
  EXPECT_EQ(offers[0].item, "Drinks");
  EXPECT_DOUBLE_EQ(offers[0].strength, 0.6);
  EXPECT_EQ(offers[0].because, "Salad");  // lift 1.6 beats Pizza's 1.4
  EXPECT_DOUBLE_EQ(offers[0].lift, 1.6);
  EXPECT_EQ(offers[1].item, "Pasta");
  EXPECT_EQ(offers[1].because, "Pizza");
  EXPECT_DOUBLE_EQ(offers[1].lift, 3.2);
  EXPECT_EQ(offers[2].item, "Wine");
  for (const auto& o : offers) EXPECT_EQ(o.reason, Offer::Reason::kBoughtTogether);
}

TEST(NextBestOfferTest, NeverOffersReturnedItemsNorUsesThemAsEvidence) {
  // Pasta bought and returned; Salad bought then returned in full: neither is offered, and
  // Salad's neighbours (Wine) get no support from it.
  std::vector<PurchaseEvent> history = {
      {"Pizza", 1}, {"Pasta", 1}, {"Pasta", -1, true}, {"Salad", 1}, {"Salad", 1, true}};
  auto offers = RankOffers(history, Shop(), {}, 10);
  for (const auto& o : offers) {
    EXPECT_NE(o.item, "Pasta");
    EXPECT_NE(o.item, "Salad");
    EXPECT_NE(o.item, "Pizza");
  }
  ASSERT_FALSE(offers.empty());
  EXPECT_EQ(offers[0].item, "Drinks");
  EXPECT_DOUBLE_EQ(offers[0].strength, 0.3);  // from Pizza alone
  EXPECT_EQ(KeptItems(history), (std::vector<std::string>{"Pizza"}));
}

TEST(NextBestOfferTest, PriceFitFollowsTheTier) {
  CustomerValue bargain{.known = true, .tier = "low", .expected_spend_minor = 1000};
  CustomerValue standard = bargain;
  standard.tier = "middle";
  CustomerValue premium = bargain;
  premium.tier = "high";
  EXPECT_EQ(PriceFit(900, bargain), 1);
  // 4000 is e^1.386 over a budget of 1000: exp(-1.386^2 / 2) = 0.3829.
  EXPECT_NEAR(PriceFit(4000, bargain), std::exp(-0.5 * std::pow(std::log(4.0), 2)), 1e-12);
  EXPECT_NEAR(PriceFit(4000, standard), std::exp(-0.5 * std::pow(std::log(2.0), 2)), 1e-12);
  EXPECT_EQ(PriceFit(4000, premium), 1);
  EXPECT_EQ(PriceFit(4000, CustomerValue{}), 1);  // nothing known: no penalty

  // A bargain customer who bought Salad: Wine (40.00) falls below Drinks (2.50).
  std::vector<PurchaseEvent> history = {{"Salad", 1}};
  auto cheap = RankOffers(history, Shop(), {.known = true, .tier = "low",
                                            .expected_spend_minor = 500}, 2);
  EXPECT_EQ(cheap[0].item, "Drinks");
  auto rich = RankOffers(history, Shop(), {.known = true, .tier = "high",
                                           .expected_spend_minor = 500}, 2);
  EXPECT_EQ(rich[0].item, "Wine");
}

TEST(NextBestOfferTest, ANewCustomerGetsThePopularItems) {
  auto offers = RankOffers({}, Shop(), {}, 2);
  ASSERT_EQ(offers.size(), 2u);
  EXPECT_EQ(offers[0].item, "Drinks");
  EXPECT_EQ(offers[0].reason, Offer::Reason::kPopular);
  EXPECT_DOUBLE_EQ(offers[0].popularity, 0.6);
  EXPECT_EQ(offers[1].item, "Pizza");
  // Popular items fill up after the customer's own evidence, skipping what they bought.
  auto filled = RankOffers({{"Dessert", 1}}, Shop(), {}, 3);
  EXPECT_EQ(filled.size(), 3u);
  EXPECT_EQ(filled[2].item, "Pasta");
}

}  // namespace
}  // namespace centric::analytics::basket
